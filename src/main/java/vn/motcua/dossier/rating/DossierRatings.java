package vn.motcua.dossier.rating;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.dossier.ApplicantProofs;
import vn.motcua.dossier.DossierRated;
import vn.motcua.dossier.DossierState;
import vn.motcua.dossier.DossierWords;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffDirectory;
import vn.motcua.platform.CurrentUser;
import vn.motcua.platform.DomainProblem.InvalidParam;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Ratings of the service by the applicant once the result is returned (vn-rules §10.2; QĐ 766 indicator 5.4): the
 * questions in force on the day, one rating per dossier (a second one is refused, two at once store one), counted for
 * the desk officer who received the dossier ({@code received_by}; who returned it is kept too).
 * <p>
 * Only the applicant rates. From the receipt's QR code the applicant proves the dossier as the public lookup lets them
 * see the full name: the code and the last four digits of the phone, ID number or tax code given at intake; the
 * endpoint is rate-limited per address like the lookup. At the desk, a desk officer of the receiving agency opens the
 * desk screen for the applicant in front of them: their session vouches, and the rating records who opened it.
 * Refusals tell nothing the lookup does not: an unknown code reads as the lookup's, and whether a dossier was already
 * rated is told only to someone who proved it.
 */
@Service
public class DossierRatings {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9.\\-]{1,60}");
    private static final int MAX_COMMENT = 1000;

    private final ApplicantProofs proofs;
    private final RatingStore store;
    private final StaffDirectory staff;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DossierRatings(RatingStore store, StaffDirectory staff, ApplicationEventPublisher events, Clock clock, ApplicantProofs proofs) {
        this.proofs = proofs;
        this.store = store;
        this.staff = staff;
        this.events = events;
        this.clock = clock;
    }

    /** A rating as filled in: one value per question code, and words if the applicant wants. */
    public record Submission(@Nullable Map<String, Integer> answers, @Nullable String comment) {
    }

    /** Where the rating came from. */
    public enum Channel {
        /** The applicant, from the receipt's QR code (or the lookup page), proving the dossier with four digits. */
        QR,
        /** The desk screen a desk officer of the receiving agency opened for the applicant in front of them. */
        DESK
    }

    /** What the rating form shows of a dossier: no personal data, the desk screen faces the applicant. */
    public record Form(String code, String procedureName, boolean returned, boolean rated, List<RatingQuestion> questions) {
    }

    /** The questions in force today. */
    @Transactional(readOnly = true)
    public List<RatingQuestion> questions() {
        return store.questions(today());
    }

    /** The questions in force on a day (what an applicant was asked then). */
    @Transactional(readOnly = true)
    public List<RatingQuestion> questions(LocalDate on) {
        return store.questions(on);
    }

    /**
     * What the applicant's form needs, once they proved the dossier ({@code verify}: the last four digits).
     *
     * @throws RatingProblem {@code rating.dossier-not-found} or {@code rating.not-applicant}
     */
    @Transactional(readOnly = true)
    public Form formForApplicant(String code, @Nullable String verify) {
        var t = applicantTarget(code, verify);
        return new Form(t.code(), t.procedureName(), t.state() == DossierState.RETURNED, t.rated(), store.questions(today()));
    }

    /** What the desk screen needs, for a desk officer of the dossier's receiving agency. */
    @Transactional(readOnly = true)
    public Form formForDesk(String code) {
        var t = deskTarget(code);
        return new Form(t.code(), t.procedureName(), t.state() == DossierState.RETURNED, t.rated(), store.questions(today()));
    }

    /** The applicant's rating from the QR code or the lookup page. */
    @Transactional
    public DossierRated rateAsApplicant(String code, @Nullable String verify, Submission submission) {
        return rate(applicantTarget(code, verify), Channel.QR, null, submission);
    }

    /** The rating typed on the desk screen, by the applicant in front of the officer who opened it. */
    @Transactional
    public DossierRated rateAtDesk(String code, Submission submission) {
        return rate(deskTarget(code), Channel.DESK, CurrentUser.name(), submission);
    }

    private DossierRated rate(RatingStore.Target t, Channel channel, @Nullable String openedBy, Submission submission) {
        if (t.state() != DossierState.RETURNED) {
            throw RatingProblem.notReturned(t.code());
        }
        if (t.rated()) {
            throw RatingProblem.alreadyRated(t.code());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<RatingQuestion> questions = store.questions(LocalDate.ofInstant(now, DossierWords.VIETNAM));
        var answers = checked(questions, submission);
        String comment = submission.comment() == null ? "" : submission.comment().strip();
        if (!store.insert(t, channel.name(), now, openedBy, comment)) {
            throw RatingProblem.alreadyRated(t.code()); // another submission got there first
        }
        var out = new ArrayList<DossierRated.Answer>();
        for (var q : questions) {
            Integer value = answers.get(q.code());
            if (value != null) {
                store.addAnswer(t.id(), q, value);
                out.add(new DossierRated.Answer(q.code(), value));
            }
        }
        var event = new DossierRated(t.code(), t.procedureCode(), t.receivingAgencyId(), t.handlingAgencyId(), channel.name(),
                t.receivedBy(), t.returnedBy(), openedBy, answers.get("OVERALL"), List.copyOf(out), now);
        events.publishEvent(event);
        return event;
    }

    /** Every answer one of its question's values, every required question answered, no question the set does not ask. */
    private static Map<String, Integer> checked(List<RatingQuestion> questions, Submission submission) {
        var problems = new ArrayList<InvalidParam>();
        Map<String, Integer> given = submission.answers() == null ? Map.of() : submission.answers();
        var byCode = new LinkedHashMap<String, RatingQuestion>();
        questions.forEach(q -> byCode.put(q.code(), q));
        var out = new LinkedHashMap<String, Integer>();
        var seen = new HashSet<String>();
        for (var e : given.entrySet()) {
            String code = e.getKey() == null ? "" : e.getKey();
            RatingQuestion q = byCode.get(code);
            String field = "answers." + (code.length() > 40 ? code.substring(0, 40) : code);
            if (q == null) {
                problems.add(new InvalidParam(field, "Không có câu hỏi " + field.substring(8) + " trong phiếu đánh giá đang áp dụng ("
                        + String.join(", ", byCode.keySet()) + ")."));
            } else if (e.getValue() == null) {
                continue;
            } else if (!q.offers(e.getValue())) {
                problems.add(new InvalidParam(field, "Câu \"" + q.textVi() + "\": chọn một trong các mức " + q.range() + "."));
            } else {
                out.put(code, e.getValue());
                seen.add(code);
            }
        }
        for (RatingQuestion q : questions) {
            if (q.required() && !seen.contains(q.code()) && problems.stream().noneMatch(p -> p.name().equals("answers." + q.code()))) {
                problems.add(new InvalidParam("answers." + q.code(), "Chưa trả lời câu \"" + q.textVi() + "\"."));
            }
        }
        if (submission.comment() != null && submission.comment().strip().length() > MAX_COMMENT) {
            problems.add(new InvalidParam("comment", "Ý kiến dài quá " + MAX_COMMENT + " ký tự."));
        }
        if (!problems.isEmpty()) {
            throw RatingProblem.invalid(problems);
        }
        return out;
    }

    private RatingStore.Target applicantTarget(@Nullable String code, @Nullable String verify) {
        var t = find(code);
        var proof = proofs.check(t.code(), t.applicant(), verify);
        if (proof == ApplicantProofs.Outcome.BLOCKED) {
            throw RatingProblem.tooManyTries(t.code());
        }
        if (proof != ApplicantProofs.Outcome.PROVEN) {
            throw RatingProblem.notApplicant();
        }
        return t;
    }

    private RatingStore.Target deskTarget(String code) {
        var t = find(code);
        String username = CurrentUser.name();
        boolean deskHere = staff.byUsername(username).stream().flatMap(s -> s.roles().stream())
                .anyMatch(r -> r.role() == Role.DESK_OFFICER && Objects.equals(r.agencyId(), t.receivingAgencyId()));
        if (!deskHere) {
            if (!staff.scopeOf(username).covers(t.receivingAgencyId())) {
                throw RatingProblem.notFound(t.code());
            }
            throw RatingProblem.notDeskHere(t.code());
        }
        return t;
    }

    private RatingStore.Target find(@Nullable String code) {
        String normal = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(normal).matches()) {
            throw RatingProblem.notFound(normal.length() > 60 ? normal.substring(0, 60) : normal);
        }
        return store.target(normal).orElseThrow(() -> RatingProblem.notFound(normal));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(DossierWords.VIETNAM));
    }

    /** Publishes a new set of questions from a future day (never rewrites what was asked before); for administrators. */
    @Transactional
    public LocalDate publish(@Nullable LocalDate from, List<RatingQuestion> questions) {
        if (!staff.scopeOf(CurrentUser.name()).has(Role.ADMIN)) {
            throw new RatingProblem("rating.not-admin", HttpStatus.FORBIDDEN, "Chỉ quản trị hệ thống sửa phiếu đánh giá.", List.of());
        }
        var problems = new ArrayList<InvalidParam>();
        if (from == null || !from.isAfter(today())) {
            problems.add(new InvalidParam("validFrom", "Phiếu mới áp dụng từ một ngày sau hôm nay: câu đã hỏi không sửa lại."));
        }
        if (questions.isEmpty()) {
            problems.add(new InvalidParam("questions", "Phiếu đánh giá phải có ít nhất một câu hỏi."));
        }
        var codes = new HashSet<String>();
        for (int i = 0; i < questions.size(); i++) {
            var q = questions.get(i);
            if (q.code() == null || !q.code().matches("[A-Z][A-Z0-9_]{1,39}") || !codes.add(q.code())) {
                problems.add(new InvalidParam("questions[" + i + "].code", "Mã câu hỏi viết hoa, không trùng (ví dụ ATTITUDE)."));
            }
            if (q.textVi() == null || q.textVi().isBlank() || q.textEn() == null || q.textEn().isBlank()) {
                problems.add(new InvalidParam("questions[" + i + "].textVi", "Câu hỏi cần lời tiếng Việt và tiếng Anh."));
            }
            if (q.options() == null || q.options().size() < 2
                    || q.options().stream().map(RatingQuestion.Option::value).distinct().count() != q.options().size()) {
                problems.add(new InvalidParam("questions[" + i + "].options", "Mỗi câu có ít nhất hai mức trả lời, giá trị không trùng."));
            }
        }
        if (!problems.isEmpty()) {
            throw RatingProblem.invalid(problems);
        }
        store.publish(Objects.requireNonNull(from), questions);
        return from;
    }
}
