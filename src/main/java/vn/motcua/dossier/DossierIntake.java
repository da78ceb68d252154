package vn.motcua.dossier;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.calendar.Deadline;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.catalog.ProcedureCatalog;
import vn.motcua.catalog.ProcedureCode;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.catalog.RequiredDocument;
import vn.motcua.dossier.slip.ResultDelivery;
import vn.motcua.dossier.slip.SlipContent;
import vn.motcua.files.FileStorage;
import vn.motcua.files.StoredFile;
import vn.motcua.organization.AccessScope;
import vn.motcua.organization.AgencyView;
import vn.motcua.organization.Role;
import vn.motcua.organization.RoleAssignment;
import vn.motcua.organization.StaffDirectory;
import vn.motcua.organization.StaffView;
import vn.motcua.platform.CurrentUser;
import vn.motcua.platform.DomainProblem;
import vn.motcua.platform.DomainProblem.InvalidParam;
import vn.motcua.platform.web.PublicAddress;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import static vn.motcua.dossier.DossierWords.VIETNAM;

/**
 * The dossier module's front door for intake: a dossier handed in at the desk, by post or online is checked against
 * the catalog's version in force, given its code, its appointment from the handling agency's working calendar, its
 * slip, its history row and its audit record, all in one transaction; a refused request leaves nothing behind (no
 * code consumed, no file attached, no row).
 */
@Service
public class DossierIntake {

    private static final Pattern PHONE = Pattern.compile("(0|\\+84)\\d{9,10}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final int MAX_TEXT = 2000;
    /** Two words of letters at least, as the slips require: "E01" or "DOCUMENT_MISSING" are codes, not reasons. */

    private final ProcedureCatalog catalog;
    private final Appointments appointments;
    private final CommittedOrganisation organisation;
    private final StaffDirectory staff;
    private final FileStorage files;
    private final DossierCodes codes;
    private final DossierStore store;
    private final AdministrativeUnits units;
    private final ApplicationEventPublisher events;
    private final PublicAddress publicAddress;
    private final JsonMapper json;
    private final Clock clock;
    private final ProcessStart start;

    DossierIntake(ProcessStart start, ProcedureCatalog catalog, Appointments appointments, CommittedOrganisation organisation, StaffDirectory staff,
                  FileStorage files, DossierCodes codes, DossierStore store, AdministrativeUnits units,
                  ApplicationEventPublisher events, PublicAddress publicAddress, JsonMapper json, Clock clock) {
        this.catalog = catalog;
        this.appointments = appointments;
        this.organisation = organisation;
        this.staff = staff;
        this.files = files;
        this.codes = codes;
        this.store = store;
        this.units = units;
        this.events = events;
        this.publicAddress = publicAddress;
        this.json = json;
        this.clock = clock;
        this.start = start;
    }

    /** The dossier made, and whether it was made by an earlier request with the same Idempotency-Key. */
    public record Result(Dossier dossier, boolean replayed) {
    }

    /**
     * Takes a dossier in. DIRECT dossiers are decided at once (received, supplement requested or refused), and so are
     * POSTAL ones given an outcome; ONLINE ones, and POSTAL ones registered without an outcome as they arrive, wait as
     * submitted (national status 1) for a desk officer ({@link #decide}).
     *
     * @param idempotencyKey the client's key: the same key with the same request answers with the first dossier
     * @throws DossierProblem with a problem per field when anything is wrong; nothing is stored then
     */
    @Transactional
    public Result receive(Intake in, @Nullable String idempotencyKey) {
        String username = CurrentUser.name();
        StaffView officer = organisation.staff(username).orElseThrow(DossierProblem::notDeskOfficer);
        List<RoleAssignment> desks = officer.roles().stream().filter(r -> r.role() == Role.DESK_OFFICER).toList();
        if (desks.isEmpty()) {
            throw DossierProblem.notDeskOfficer();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (idempotencyKey != null) {
            if (!IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
                throw DossierProblem.invalid(List.of(new InvalidParam("Idempotency-Key", "từ 1 đến 200 ký tự ASCII in được")));
            }
            var earlier = store.claim(username, idempotencyKey, hash(in), now);
            if (earlier.isPresent()) {
                if (!earlier.get().requestHash().equals(hash(in)) || earlier.get().dossierCode() == null) {
                    throw DossierProblem.idempotencyMismatch();
                }
                return new Result(store.byCode(earlier.get().dossierCode()).orElseThrow(), true);
            }
        }
        var problems = new ArrayList<InvalidParam>();
        LocalDate today = LocalDate.ofInstant(now, VIETNAM);

        Channel channel = in.channel();
        if (channel == null) {
            problems.add(new InvalidParam("channel", "Chọn cách nộp: DIRECT (trực tiếp), ONLINE (trực tuyến) hoặc POSTAL (bưu chính)."));
        }
        Intake.Outcome outcome = in.outcome();
        if (channel == Channel.ONLINE && outcome != null) {
            problems.add(new InvalidParam("outcome", "Hồ sơ trực tuyến được tiếp nhận sau khi cán bộ một cửa kiểm tra; không gửi kết quả kiểm tra cùng lúc nộp."));
        } else if (channel == Channel.DIRECT && outcome == null) {
            problems.add(new InvalidParam("outcome", "Chọn một kết quả: tiếp nhận, yêu cầu bổ sung hoặc từ chối."));
        }

        Checked checked = common(in, desks, today, problems);
        ProcedureVersion version = checked.version();
        AgencyView receiving = checked.receiving();
        AgencyView handling = checked.handling();
        Applicant applicant = checked.applicant();
        List<Dossier.Document> documents = checked.documents();
        String note = checked.note();
        List<Dossier.MissingItem> missing = List.of();
        if (outcome == Intake.Outcome.RECEIVE) {
            requireMandatory(documents, problems);
            if (documents.stream().noneMatch(Dossier.Document::handedIn)) {
                problems.add(new InvalidParam("documents", "Chưa khai giấy tờ nào đã nhận: giấy tiếp nhận phải liệt kê các thành phần hồ sơ."));
            }
            if (version != null && channel != null && processingTime(version, channel).amount() == null) {
                problems.add(new InvalidParam("procedureCode", "Thủ tục " + version.code() + " chưa được công bố thời hạn giải quyết có đơn vị"
                        + " (nguồn ghi: \"" + processingTime(version, channel).text() + "\"), nên chưa hẹn trả được. Báo cán bộ kiểm soát"
                        + " thủ tục hành chính bổ sung; trong khi chờ, có thể yêu cầu bổ sung hoặc hướng dẫn người nộp."));
            }
        } else if (outcome == Intake.Outcome.REQUEST_SUPPLEMENT) {
            missing = missing(in.missing(), documents, version, problems);
            if (!note.isBlank() && !vn.motcua.dossier.slip.Reasons.inWords(note)) {
                // Form 02 prints the note as the reason of the request as a whole
                problems.add(new InvalidParam("note", "Ghi rõ nội dung yêu cầu bổ sung bằng lời (ví dụ: \"Hồ sơ còn thiếu giấy tờ dưới đây\")."));
            }
        } else if (outcome == Intake.Outcome.REFUSE) {
            refusalReason(note, problems);
        }
        String nationalCode = in.nationalCode() == null || in.nationalCode().isBlank() ? null : in.nationalCode().strip();
        if (nationalCode != null) {
            if (channel != Channel.ONLINE) {
                problems.add(new InvalidParam("nationalCode", "Chỉ hồ sơ nộp trực tuyến qua Cổng Dịch vụ công mới mang sẵn mã hồ sơ."));
            } else if (!DossierCode.isValid(nationalCode)) {
                problems.add(new InvalidParam("nationalCode", "Mã hồ sơ không đúng dạng {mã định danh cơ quan}-{YYMMDD}-{số thứ tự}."));
            } else if (store.byCode(nationalCode).isPresent()) {
                problems.add(new InvalidParam("nationalCode", "Đã có hồ sơ mã " + nationalCode + " trong hệ thống: không nhận lần hai."));
            }
        }
        if (!problems.isEmpty()) {
            throw DossierProblem.invalid(problems);
        }

        String code = nationalCode != null ? nationalCode : codes.next(receiving.id(), receiving.electronicId(), today).value();
        List<Dossier.Document> attached = attachFiles(documents, code, username);
        var time = processingTime(version, channel);
        // ONLINE, and POSTAL without an outcome (a dossier registered as it arrives), wait for the desk's decision.
        DossierState state = outcome == null ? DossierState.SUBMITTED : switch (outcome) {
            case RECEIVE -> DossierState.RECEIVED;
            case REQUEST_SUPPLEMENT -> DossierState.AWAITING_INTAKE_SUPPLEMENT;
            case REFUSE -> DossierState.REFUSED_AT_INTAKE;
        };
        @Nullable Deadline deadline = state == DossierState.RECEIVED ? deadline(now, time, handling.id()) : null;
        var dossier = new Dossier(UUID.randomUUID(), code, nationalCode != null, channel, state, state.nationalCode(),
                new Dossier.Procedure(version.code(), version.record().name(), version.versionNo(), java.util.Objects.requireNonNullElse(version.decisionNumber(), "")),
                agency(receiving), agency(handling), applicant, attached, missing, time,
                state == DossierState.SUBMITTED || channel != Channel.DIRECT ? now : null,
                state == DossierState.RECEIVED ? now : null,
                deadline == null ? null : deadline.due().atZone(VIETNAM).toInstant(),
                now, username, note, 0, List.of(), List.of(), Progress.none());
        store.insert(dossier);
        store.addHistory(dossier.id(), now, username, null, state, publicNote(dossier), note);
        issueSlip(dossier, officer, now);
        if (state == DossierState.RECEIVED) {
            start.begin(dossier, officer.fullName() + " (" + username + ")");
        }
        if (idempotencyKey != null) {
            store.completeClaim(username, idempotencyKey, code);
        }
        events.publishEvent(event(dossier, deadline, false));
        return new Result(dossier, false);
    }

    /**
     * Checks an intake as {@link #receive} would, except for the outcome and what only the outcome needs (the
     * mandatory documents on RECEIVE, the missing items of a supplement request, the reason of a refusal): the desk
     * page's "check your answers" step. Stores nothing.
     *
     * @throws DossierProblem with a problem per field when anything is wrong
     */
    @Transactional(readOnly = true)
    public void check(Intake in) {
        StaffView officer = organisation.staff(CurrentUser.name()).orElseThrow(DossierProblem::notDeskOfficer);
        List<RoleAssignment> desks = officer.roles().stream().filter(r -> r.role() == Role.DESK_OFFICER).toList();
        if (desks.isEmpty()) {
            throw DossierProblem.notDeskOfficer();
        }
        var problems = new ArrayList<InvalidParam>();
        if (in.channel() == null) {
            problems.add(new InvalidParam("channel", "Chọn cách nộp: DIRECT (trực tiếp), ONLINE (trực tuyến) hoặc POSTAL (bưu chính)."));
        }
        common(in, desks, LocalDate.now(clock.withZone(VIETNAM)), problems);
        if (!problems.isEmpty()) {
            throw DossierProblem.invalid(problems);
        }
    }

    /** What every intake is checked for, whatever its outcome; null members where {@code problems} says why. */
    private record Checked(@Nullable ProcedureVersion version, @Nullable AgencyView receiving, @Nullable AgencyView handling,
                           @Nullable Applicant applicant, List<Dossier.Document> documents, String note) {
    }

    private Checked common(Intake in, List<RoleAssignment> desks, LocalDate today, List<InvalidParam> problems) {
        ProcedureVersion version = procedure(in.procedureCode(), today, problems);
        AgencyView receiving = receivingAgency(in.receivingAgency(), desks, today, problems);
        AgencyView handling = handlingAgency(in.handlingAgency(), version, today, problems);
        Applicant applicant = applicant(in.applicant(), today, problems);
        List<Dossier.Document> documents = documents(in.documents(), version, problems);
        String note = in.note() == null ? "" : in.note().strip();
        if (note.length() > MAX_TEXT) {
            problems.add(new InvalidParam("note", "Ghi chú dài quá " + MAX_TEXT + " ký tự."));
        }
        return new Checked(version, receiving, handling, applicant, documents, note);
    }

    /**
     * The agencies a desk may name as the competent (handling) agency of a procedure today, by its level, and the one
     * to offer first: the desk's own People's Committee for a commune procedure received at a commune centre, else the
     * agency the catalog names as competent or implementing, else none.
     */
    @Transactional(readOnly = true)
    public HandlingChoice handlingAgencies(String procedureCode, @Nullable String receivingAgency) {
        LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
        ProcedureVersion version = catalog.inForce(procedureCode, today);
        List<AgencyView> fit = organisation.all().stream()
                .filter(a -> a.activeOn(today) && HandlingRules.problem(a.type(), version.record().levels()).isEmpty())
                .sorted(java.util.Comparator.comparing(AgencyView::electronicId)).toList();
        AgencyView desk = receivingAgency == null ? null : organisation.heldOn(receivingAgency, today).orElse(null);
        Optional<AgencyView> suggested = Optional.empty();
        if (desk != null && desk.type() == vn.motcua.organization.AgencyType.COMMUNE_SERVICE_CENTRE && desk.parentId() != null) {
            suggested = fit.stream().filter(a -> a.id().equals(desk.parentId())).findFirst();
        }
        if (suggested.isEmpty()) {
            // "Sở Tư pháp" in the catalog names "Sở Tư pháp tỉnh Lâm Đồng"; People's Committees are named by level only
            String named = DossierWords.folded(version.record().competentAgency() + " | " + version.record().implementingAgency());
            suggested = fit.stream()
                    .filter(a -> a.type() == vn.motcua.organization.AgencyType.PROVINCIAL_DEPARTMENT
                            || a.type() == vn.motcua.organization.AgencyType.VERTICAL_SECTOR_AGENCY)
                    .filter(a -> named.contains(DossierWords.folded(a.name()).replaceFirst(" tinh .*$", "")))
                    .findFirst();
        }
        return new HandlingChoice(fit, suggested.map(AgencyView::electronicId).orElse(null));
    }

    /** Agencies that may handle a procedure, and the electronic ID of the one to offer first (null: let the officer choose). */
    public record HandlingChoice(List<AgencyView> agencies, @Nullable String suggested) {
    }

    /**
     * The desk's decision on an online or postal dossier waiting as submitted: receive it (the clock starts now),
     * ask for a supplement (Form 02) or refuse it (Form 03).
     *
     * @param expectedVersion the version the officer saw; another officer's decision in between fails this one cleanly
     */
    @Transactional
    public Dossier decide(String code, Intake.@Nullable Outcome outcome, @Nullable List<Intake.Missing> missingIn,
                          @Nullable String noteIn, @Nullable Integer expectedVersion) {
        if (outcome == null) {
            throw DossierProblem.invalid(List.of(new InvalidParam("outcome", "Chọn một kết quả: tiếp nhận, yêu cầu bổ sung hoặc từ chối.")));
        }
        String username = CurrentUser.name();
        StaffView officer = organisation.staff(username).orElseThrow(DossierProblem::notDeskOfficer);
        Dossier d = store.byCodeForUpdate(code).orElseThrow(() -> DossierProblem.notFound(code));
        boolean deskHere = officer.roles().stream().anyMatch(r -> r.role() == Role.DESK_OFFICER && r.agencyId().equals(d.receivingAgency().id()));
        if (!deskHere) {
            if (!staff.scopeOf(username).covers(d.receivingAgency().id())) {
                throw DossierProblem.notFound(code);
            }
            throw DossierProblem.notDeskOfficer();
        }
        if (expectedVersion != null && expectedVersion != d.version()) {
            throw DossierProblem.changedMeanwhile(code);
        }
        DossierState to = switch (outcome) {
            case RECEIVE -> DossierState.RECEIVED;
            case REQUEST_SUPPLEMENT -> DossierState.AWAITING_INTAKE_SUPPLEMENT;
            case REFUSE -> DossierState.REFUSED_AT_INTAKE;
        };
        if (!d.state().canMoveTo(to)) {
            throw DossierProblem.wrongState(code, d.state());
        }
        var problems = new ArrayList<InvalidParam>();
        String note = noteIn == null ? "" : noteIn.strip();
        List<Dossier.MissingItem> missing = List.of();
        if (outcome == Intake.Outcome.REQUEST_SUPPLEMENT) {
            ProcedureVersion version = catalog.history(d.procedure().code()).stream()
                    .filter(v -> v.versionNo() == d.procedure().version()).findFirst().orElse(null);
            missing = missing(missingIn, d.documents(), version, problems);
        } else if (outcome == Intake.Outcome.REFUSE) {
            refusalReason(note, problems);
        } else if (d.processingTime().amount() == null) {
            problems.add(new InvalidParam("outcome", "Thủ tục " + d.procedure().code() + " chưa được công bố thời hạn giải quyết có đơn vị,"
                    + " nên chưa hẹn trả được: báo cán bộ kiểm soát thủ tục hành chính bổ sung."));
        } else if (d.documents().stream().noneMatch(Dossier.Document::handedIn)) {
            problems.add(new InvalidParam("outcome", "Hồ sơ trực tuyến không có thành phần nào: yêu cầu bổ sung thay vì tiếp nhận."));
        }
        if (!problems.isEmpty()) {
            throw DossierProblem.invalid(problems);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        @Nullable Deadline deadline = to == DossierState.RECEIVED ? deadline(now, d.processingTime(), d.handlingAgency().id()) : null;
        Instant due = deadline == null ? null : deadline.due().atZone(VIETNAM).toInstant();
        if (!store.decide(d.id(), d.version(), to, to == DossierState.RECEIVED ? now : null, due, now, username, note, missing)) {
            throw DossierProblem.changedMeanwhile(code);
        }
        var decided = new Dossier(d.id(), d.code(), d.codeFromPortal(), d.channel(), to, to.nationalCode(), d.procedure(),
                d.receivingAgency(), d.handlingAgency(), d.applicant(), d.documents(), missing, d.processingTime(), d.submittedAt(),
                to == DossierState.RECEIVED ? now : null, due, now, username, note, d.version() + 1, List.of(), List.of(), Progress.none());
        store.addHistory(d.id(), now, username, d.state(), to, publicNote(decided), note);
        issueSlip(decided, officer, now);
        if (to == DossierState.RECEIVED) {
            start.begin(decided, officer.fullName() + " (" + username + ")");
        }
        events.publishEvent(event(decided, deadline, true));
        start.flush();
        return store.byCode(code).orElseThrow();
    }

    /**
     * A dossier for staff whose scope covers its receiving or its handling agency, or an agency that holds (or held)
     * a step or a consultation of it (liên thông, opinions).
     */
    @Transactional(readOnly = true)
    public Dossier get(String code) {
        AccessScope scope = staff.scopeOf(CurrentUser.name());
        return store.byCode(code).filter(d -> scope.covers(d.receivingAgency().id()) || scope.covers(d.handlingAgency().id())
                        || d.currentSteps().stream().anyMatch(s -> scope.covers(s.agencyId()))
                        || d.progress().handovers().stream().anyMatch(h -> h.toAgencyId() != null && scope.covers(h.toAgencyId()))
                        // an agency consulted keeps reading the dossier it gave its opinion on (its answer is part of it)
                        || d.progress().consultations().stream().anyMatch(k -> scope.covers(k.agencyId())))
                .orElseThrow(() -> DossierProblem.notFound(code));
    }

    /** A scan of a dossier, for staff who may see the dossier. */
    @Transactional(readOnly = true)
    public StoredFile file(String code, UUID fileId) {
        Dossier d = get(code);
        return d.documents().stream().filter(doc -> fileId.equals(doc.fileId())).findFirst()
                .flatMap(doc -> files.find(fileId)).orElseThrow(() -> DossierProblem.notFound(code));
    }

    /** The dossiers in the caller's scope, newest first; {@code q} is a code, ID number, tax code, phone or name. */
    @Transactional(readOnly = true)
    public List<Dossier> search(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String q, boolean mine, int page, int size) {
        String username = CurrentUser.name();
        AccessScope scope = staff.scopeOf(username);
        return store.search(scope.sqlFilter("receiving_agency_id"), scope.sqlFilter("handling_agency_id"),
                from == null ? null : from.atStartOfDay(VIETNAM).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(VIETNAM).toInstant(), q, mine ? username : null,
                Math.clamp(size, 1, 200), (long) Math.max(0, page) * Math.clamp(size, 1, 200));
    }

    /**
     * One page of a list for people (the desk page): {@code size} rows of {@code number} (1-based), whether more follow
     * and, where counting is cheap, how many match ({@code total} null when it is not counted: a search by name).
     */
    public record Listed(List<Dossier> rows, int number, int size, @Nullable Long total, boolean more) {
    }

    /** A page of the dossiers decided in the caller's scope between two days (inclusive), newest first, with their count. */
    @Transactional(readOnly = true)
    public Listed decidedBetween(LocalDate from, LocalDate to, int number, int size) {
        AccessScope scope = staff.scopeOf(CurrentUser.name());
        Instant start = from.atStartOfDay(VIETNAM).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(VIETNAM).toInstant();
        int page = Math.max(1, number);
        var rows = store.search(scope.sqlFilter("receiving_agency_id"), scope.sqlFilter("handling_agency_id"), start, end, null, null,
                size + 1, (long) (page - 1) * size);
        long total = store.count(scope.sqlFilter("receiving_agency_id"), scope.sqlFilter("handling_agency_id"), start, end);
        return new Listed(rows.subList(0, Math.min(size, rows.size())), page, size, total, rows.size() > size);
    }

    /** A page of the search in the caller's scope, newest first, without a count (a name can match half the province). */
    @Transactional(readOnly = true)
    public Listed find(String q, int number, int size) {
        AccessScope scope = staff.scopeOf(CurrentUser.name());
        int page = Math.max(1, number);
        var rows = store.search(scope.sqlFilter("receiving_agency_id"), scope.sqlFilter("handling_agency_id"), null, null, q, null,
                size + 1, (long) (page - 1) * size);
        return new Listed(rows.subList(0, Math.min(size, rows.size())), page, size, null, rows.size() > size);
    }

    /** Online and postal dossiers waiting for the caller's desks, oldest first. */
    @Transactional(readOnly = true)
    public List<Dossier> waiting() {
        AccessScope scope = staff.scopeOf(CurrentUser.name());
        return store.waiting(scope.sqlFilter("receiving_agency_id"), 200, 0);
    }

    /** A page of the dossiers waiting for the caller's desks, oldest first (the order the desk takes them in), with their count. */
    @Transactional(readOnly = true)
    public Listed waiting(int number, int size) {
        AccessScope scope = staff.scopeOf(CurrentUser.name());
        int page = Math.max(1, number);
        var rows = store.waiting(scope.sqlFilter("receiving_agency_id"), size + 1, (long) (page - 1) * size);
        long total = store.waitingCount(scope.sqlFilter("receiving_agency_id"));
        return new Listed(rows.subList(0, Math.min(size, rows.size())), page, size, total, rows.size() > size);
    }

    /**
     * The applicant of the newest dossier with this ID number or tax code, to fill in a returning applicant: for desk
     * officers only (personal data), from any dossier of the province.
     */
    @Transactional(readOnly = true)
    public Optional<Applicant> returningApplicant(String idNumberOrTaxCode) {
        boolean desk = organisation.staff(CurrentUser.name()).stream()
                .anyMatch(s -> s.roles().stream().anyMatch(r -> r.role() == Role.DESK_OFFICER));
        if (!desk) {
            throw DossierProblem.notDeskOfficer();
        }
        String number = idNumberOrTaxCode.strip();
        return number.length() > 20 ? Optional.empty() : store.latestApplicant(number);
    }

    /** The slip as it was issued (form 01, 02 or 03). */
    @Transactional(readOnly = true)
    public SlipContent slip(String code, String form) {
        Dossier d = get(code);
        return store.slipContent(d.id(), form, SlipContent.class).orElseThrow(() -> new DossierProblem("dossier.no-such-slip",
                org.springframework.http.HttpStatus.NOT_FOUND, "Hồ sơ " + code + " không có phiếu mẫu " + form + ".", List.of()));
    }

    // --- checks ---------------------------------------------------------------------------------------------------

    private @Nullable ProcedureVersion procedure(@Nullable String code, LocalDate today, List<InvalidParam> problems) {
        if (code == null || code.isBlank()) {
            problems.add(new InvalidParam("procedureCode", "Chọn thủ tục hành chính."));
            return null;
        }
        if (ProcedureCode.parse(code.strip()).isEmpty()) {
            problems.add(new InvalidParam("procedureCode", "Mã thủ tục có dạng 1.013225."));
            return null;
        }
        try {
            return catalog.inForce(code.strip(), today);
        } catch (DomainProblem notThere) {
            problems.add(new InvalidParam("procedureCode", notThere.code().endsWith("not-in-force")
                    ? "Thủ tục " + code.strip() + " không có hiệu lực ngày " + DossierWords.date(today) + " (đã bãi bỏ hoặc chưa có hiệu lực)."
                    : "Không có thủ tục mã " + code.strip() + " trong danh mục đã công bố."));
            return null;
        }
    }

    private @Nullable AgencyView receivingAgency(@Nullable String electronicId, List<RoleAssignment> desks, LocalDate today,
                                                 List<InvalidParam> problems) {
        var deskAgencies = new LinkedHashSet<UUID>();
        desks.forEach(d -> deskAgencies.add(d.agencyId()));
        if (electronicId == null || electronicId.isBlank()) {
            if (deskAgencies.size() > 1) {
                problems.add(new InvalidParam("receivingAgency", "Bạn làm việc ở nhiều bộ phận một cửa: chọn nơi tiếp nhận."));
                return null;
            }
            return organisation.agency(deskAgencies.getFirst());
        }
        var agency = organisation.heldOn(electronicId.strip(), today);
        if (agency.isEmpty() || !deskAgencies.contains(agency.get().id())) {
            problems.add(new InvalidParam("receivingAgency", "Bạn không phải cán bộ tiếp nhận của " + electronicId.strip() + "."));
            return null;
        }
        return agency.get();
    }

    private @Nullable AgencyView handlingAgency(@Nullable String electronicId, @Nullable ProcedureVersion version, LocalDate today,
                                                List<InvalidParam> problems) {
        if (electronicId == null || electronicId.isBlank()) {
            problems.add(new InvalidParam("handlingAgency", "Chọn cơ quan có thẩm quyền giải quyết."));
            return null;
        }
        var agency = organisation.heldOn(electronicId.strip(), today);
        if (agency.isEmpty() || !agency.get().activeOn(today)) {
            problems.add(new InvalidParam("handlingAgency", "Không có cơ quan mã " + electronicId.strip() + " đang hoạt động."));
            return null;
        }
        if (version != null) {
            HandlingRules.problem(agency.get().type(), version.record().levels())
                    .ifPresent(p -> problems.add(new InvalidParam("handlingAgency", p)));
        }
        return agency.get();
    }

    private @Nullable Applicant applicant(@Nullable Applicant a, LocalDate today, List<InvalidParam> problems) {
        if (a == null) {
            problems.add(new InvalidParam("applicant", "Nhập thông tin người nộp hồ sơ."));
            return null;
        }
        int before = problems.size();
        if (a.type() == null) {
            problems.add(new InvalidParam("applicant.type", "Chọn công dân (CITIZEN) hoặc tổ chức (ORGANIZATION)."));
        }
        String name = a.fullName() == null ? "" : a.fullName().strip().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            problems.add(new InvalidParam("applicant.fullName", a.type() == Applicant.Type.ORGANIZATION ? "Nhập tên tổ chức." : "Nhập họ và tên."));
        } else if (name.length() > 200 || !name.codePoints().anyMatch(Character::isLetter)) {
            problems.add(new InvalidParam("applicant.fullName", "Họ tên phải là chữ, không quá 200 ký tự."));
        }
        String idNumber = blankToNull(a.idNumber());
        if (a.dateOfBirth() != null && (a.dateOfBirth().isAfter(today) || a.dateOfBirth().isBefore(today.minusYears(130)))) {
            problems.add(new InvalidParam("applicant.dateOfBirth", "Ngày sinh không hợp lệ."));
        }
        if (a.type() == Applicant.Type.CITIZEN && idNumber == null) {
            problems.add(new InvalidParam("applicant.idNumber", "Nhập số định danh cá nhân (12 chữ số trên thẻ căn cước)."));
        }
        if (idNumber != null) {
            IdentityNumbers.citizenIdProblem(idNumber, a.dateOfBirth()).ifPresent(p -> problems.add(new InvalidParam("applicant.idNumber", p)));
        }
        String taxCode = blankToNull(a.taxCode());
        if (a.type() == Applicant.Type.ORGANIZATION && taxCode == null) {
            problems.add(new InvalidParam("applicant.taxCode", "Nhập mã số thuế (mã số doanh nghiệp) của tổ chức."));
        }
        if (taxCode != null) {
            IdentityNumbers.taxCodeProblem(taxCode).ifPresent(p -> problems.add(new InvalidParam("applicant.taxCode", p)));
        }
        String phone = blankToNull(a.phone());
        if (phone != null) {
            phone = phone.replaceAll("[\\s.-]", "");
            if (!PHONE.matcher(phone).matches()) {
                problems.add(new InvalidParam("applicant.phone", "Số điện thoại gồm 10 chữ số, bắt đầu bằng 0 (hoặc +84)."));
            }
        }
        String email = blankToNull(a.email());
        if (email != null && (!EMAIL.matcher(email).matches() || email.length() > 254)) {
            problems.add(new InvalidParam("applicant.email", "Địa chỉ thư điện tử không hợp lệ."));
        }
        String representative = blankToNull(a.representative());
        if (representative != null && representative.length() > 200) {
            problems.add(new InvalidParam("applicant.representative", "Tên người đại diện không quá 200 ký tự."));
        }
        Applicant.Address address = address(a.address(), problems);
        if (problems.size() > before) {
            return null;
        }
        return new Applicant(a.type(), name, idNumber, a.dateOfBirth(), phone, email, address, taxCode, representative);
    }

    private Applicant.@Nullable Address address(Applicant.@Nullable Address a, List<InvalidParam> problems) {
        if (a == null) {
            return null;
        }
        String street = blankToNull(a.street());
        if (street != null && street.length() > 300) {
            problems.add(new InvalidParam("applicant.address.street", "Số nhà, đường không quá 300 ký tự."));
        }
        String provinceCode = blankToNull(a.provinceCode());
        String wardCode = blankToNull(a.wardCode());
        if (wardCode != null) {
            var ward = units.ward(wardCode);
            if (ward.isEmpty()) {
                problems.add(new InvalidParam("applicant.address.wardCode", "Không có xã, phường mã " + wardCode + " (danh mục sau sắp xếp 2025)."));
                return null;
            }
            if (provinceCode != null && !provinceCode.equals(ward.get().provinceCode())) {
                problems.add(new InvalidParam("applicant.address.wardCode", ward.get().name() + " không thuộc tỉnh, thành phố đã chọn."));
                return null;
            }
            var province = units.province(ward.get().provinceCode()).orElseThrow();
            return new Applicant.Address(province.code(), province.name(), ward.get().code(), ward.get().name(), street);
        }
        if (provinceCode != null) {
            var province = units.province(provinceCode);
            if (province.isEmpty()) {
                problems.add(new InvalidParam("applicant.address.provinceCode", "Không có tỉnh, thành phố mã " + provinceCode + "."));
                return null;
            }
            return new Applicant.Address(province.get().code(), province.get().name(), null, null, street);
        }
        return street == null ? null : new Applicant.Address(null, null, null, null, street);
    }

    /** The checklist of the version in force with what was handed in; documents it does not name keep their words. */
    private List<Dossier.Document> documents(@Nullable List<Intake.DocumentIn> in, @Nullable ProcedureVersion version,
                                             List<InvalidParam> problems) {
        List<RequiredDocument> checklist = version == null ? List.of() : version.record().documents();
        var out = new ArrayList<Dossier.Document>();
        for (int i = 0; i < checklist.size(); i++) {
            RequiredDocument r = checklist.get(i);
            out.add(new Dossier.Document(i + 1, r.name(), r.mandatory(), 0, 0, null, null));
        }
        if (in == null) {
            return out;
        }
        var seenFiles = new LinkedHashSet<UUID>();
        for (int i = 0; i < in.size(); i++) {
            Intake.DocumentIn d = in.get(i);
            String field = "documents[" + i + "]";
            if (d == null) {
                continue;
            }
            if (d.originals() < 0 || d.copies() < 0 || d.originals() > 99 || d.copies() > 99) {
                problems.add(new InvalidParam(field + ".originals", "Số bản chính, bản sao từ 0 đến 99."));
                continue;
            }
            if (d.fileId() != null && !seenFiles.add(d.fileId())) {
                problems.add(new InvalidParam(field + ".fileId", "Một tệp chỉ đính kèm cho một thành phần hồ sơ."));
                continue;
            }
            String requirement = d.requirement() == null ? "" : d.requirement().strip();
            int index = matchRequirement(requirement, checklist);
            if (index >= 0) {
                var r = out.get(index);
                if (r.handedIn()) {
                    problems.add(new InvalidParam(field + ".requirement", "Thành phần \"" + r.name() + "\" đã khai ở dòng khác."));
                    continue;
                }
                out.set(index, new Dossier.Document(r.number(), r.name(), r.mandatory(), d.originals(), d.copies(), d.fileId(), null));
            } else if (checklist.isEmpty() && !requirement.isEmpty() && requirement.length() <= 500) {
                // The catalog has not published this procedure's documents: keep the officer's words.
                out.add(new Dossier.Document(0, requirement, false, d.originals(), d.copies(), d.fileId(), null));
            } else {
                problems.add(new InvalidParam(field + ".requirement", requirement.isEmpty()
                        ? "Chọn thành phần hồ sơ trong danh mục của thủ tục."
                        : "Thủ tục không có thành phần hồ sơ \"" + requirement + "\"; chọn theo số thứ tự 1-" + checklist.size() + "."));
            }
        }
        return out;
    }

    private static int matchRequirement(String requirement, List<RequiredDocument> checklist) {
        if (requirement.matches("\\d{1,3}")) {
            int n = Integer.parseInt(requirement);
            return n >= 1 && n <= checklist.size() ? n - 1 : -1;
        }
        String folded = DossierWords.folded(requirement);
        for (int i = 0; i < checklist.size(); i++) {
            if (DossierWords.folded(checklist.get(i).name()).equals(folded)) {
                return i;
            }
        }
        return -1;
    }

    private static void requireMandatory(List<Dossier.Document> documents, List<InvalidParam> problems) {
        for (Dossier.Document d : documents) {
            if (d.mandatory() && !d.handedIn()) {
                problems.add(new InvalidParam("documents", "Thiếu thành phần bắt buộc số " + d.number() + ": " + d.name()
                        + ". Hồ sơ chưa đủ thì yêu cầu bổ sung (mẫu 02), không tiếp nhận."));
            }
        }
    }

    /** Everything missing at once: what the officer listed, and every mandatory document not handed in. */
    private static List<Dossier.MissingItem> missing(@Nullable List<Intake.Missing> in, List<Dossier.Document> documents,
                                                     @Nullable ProcedureVersion version, List<InvalidParam> problems) {
        var out = new ArrayList<Dossier.MissingItem>();
        var names = new LinkedHashSet<String>();
        if (in != null) {
            for (int i = 0; i < in.size(); i++) {
                var m = in.get(i);
                String requirement = m == null || m.requirement() == null ? "" : m.requirement().strip();
                String reason = m == null || m.reason() == null ? "" : m.reason().strip();
                if (requirement.isEmpty() || !vn.motcua.dossier.slip.Reasons.inWords(reason)) {
                    problems.add(new InvalidParam("missing[" + i + "]", "Ghi rõ giấy tờ cần bổ sung và lý do bằng lời."));
                    continue;
                }
                String name = requirement;
                if (requirement.matches("\\d{1,3}")) {
                    int n = Integer.parseInt(requirement);
                    var match = documents.stream().filter(d -> d.number() == n).findFirst();
                    if (match.isEmpty()) {
                        problems.add(new InvalidParam("missing[" + i + "].requirement", "Không có thành phần số " + n + "."));
                        continue;
                    }
                    name = match.get().name();
                }
                if (names.add(DossierWords.folded(name))) {
                    out.add(new Dossier.MissingItem(name, reason));
                }
            }
        }
        for (Dossier.Document d : documents) {
            if (d.mandatory() && !d.handedIn() && names.add(DossierWords.folded(d.name()))) {
                out.add(new Dossier.MissingItem(d.name(), "Thành phần hồ sơ bắt buộc, chưa nộp"));
            }
        }
        if (out.isEmpty() && problems.isEmpty()) {
            problems.add(new InvalidParam("missing", "Yêu cầu bổ sung phải nêu đầy đủ, một lần, các giấy tờ còn thiếu và lý do."));
        }
        return out;
    }

    private static void refusalReason(String note, List<InvalidParam> problems) {
        if (!vn.motcua.dossier.slip.Reasons.inWords(note)) {
            problems.add(new InvalidParam("note", "Ghi rõ lý do từ chối bằng lời (ví dụ: \"Thủ tục không thuộc thẩm quyền giải quyết của cơ quan\")."));
        }
    }

    // --- making the dossier -------------------------------------------------------------------------------------

    private List<Dossier.Document> attachFiles(List<Dossier.Document> documents, String code, String username) {
        var ids = documents.stream().map(Dossier.Document::fileId).filter(java.util.Objects::nonNull).toList();
        if (ids.isEmpty()) {
            return documents;
        }
        List<StoredFile> stored;
        try {
            stored = files.attach(ids, "dossier:" + code, username);
        } catch (DomainProblem fileProblem) {
            throw DossierProblem.invalid(List.of(new InvalidParam("documents.fileId", fileProblem.getMessage())));
        }
        var out = new ArrayList<Dossier.Document>();
        for (Dossier.Document d : documents) {
            String sha = d.fileId() == null ? null
                    : stored.stream().filter(f -> f.id().equals(d.fileId())).findFirst().map(StoredFile::sha256).orElse(null);
            out.add(new Dossier.Document(d.number(), d.name(), d.mandatory(), d.originals(), d.copies(), d.fileId(), sha));
        }
        return out;
    }

    /** The time limit for the channel used (the catalog lists one per channel), else the first one stated. */
    private static Dossier.ProcessingTime processingTime(ProcedureVersion version, Channel channel) {
        var channels = version.record().channels();
        var chosen = channels.stream().filter(c -> c.kind().equals(channel.name()) && c.timeAmount() != null).findFirst()
                .or(() -> channels.stream().filter(c -> c.timeAmount() != null && c.timeUnit() != null).findFirst())
                .or(() -> channels.stream().filter(c -> c.kind().equals(channel.name())).findFirst());
        return chosen.map(c -> new Dossier.ProcessingTime(c.timeUnit() == null ? null : c.timeAmount(),
                        c.timeUnit() == null ? null : c.timeUnit().name(), c.timeText()))
                .orElse(new Dossier.ProcessingTime(null, null, ""));
    }

    private @Nullable Deadline deadline(Instant receivedAt, Dossier.ProcessingTime time, UUID handlingAgencyId) {
        return appointments.due(receivedAt, time, handlingAgencyId);
    }

    /**
     * Issues the slip of an intake decision and keeps it as issued ({@code dossier.slip}): a reprint renders the same
     * content, whatever changed since in the catalog or the organisation.
     */
    private void issueSlip(Dossier d, StaffView officer, Instant now) {
        SlipContent.Body body = switch (d.state()) {
            case RECEIVED -> new SlipContent.Receipt(
                    d.documents().stream().filter(Dossier.Document::handedIn).map(DossierIntake::received).toList(), 1,
                    legalTime(d.processingTime()), Objects.requireNonNull(d.receivedAt()), Objects.requireNonNull(d.dueAt()),
                    d.channel() == Channel.ONLINE ? ResultDelivery.ONLINE : d.channel() == Channel.POSTAL ? ResultDelivery.BY_POST
                            : ResultDelivery.AT_DESK, null);
            case AWAITING_INTAKE_SUPPLEMENT -> new SlipContent.SupplementRequest(
                    d.missing().stream().map(m -> new SlipContent.MissingItem(m.name(), m.reason())).toList(),
                    d.note().isBlank() ? "Hồ sơ chưa đầy đủ, chưa hợp lệ theo quy định của thủ tục" : d.note());
            case REFUSED_AT_INTAKE -> new SlipContent.Refusal(d.note());
            default -> null;
        };
        if (body == null) {
            return;
        }
        AgencyView issuer = organisation.agency(d.receivingAgency().id());
        String parent = issuer.parentId() == null ? issuer.name() : organisation.agency(issuer.parentId()).name();
        var a = d.applicant();
        String address = a.address() == null ? null : a.address().line();
        var applicant = a.type() == Applicant.Type.ORGANIZATION
                ? SlipContent.Applicant.organization(a.fullName(), a.taxCode(), address, a.phone(), a.email(), a.representative())
                : SlipContent.Applicant.citizen(a.fullName(), a.idNumber(), address, a.phone(), a.email());
        var content = new SlipContent(new SlipContent.Issuer(parent, issuer.name(), null), place(issuer), now, null, d.code(),
                new SlipContent.Procedure(d.procedure().code(), d.procedure().name()), applicant, officer.fullName(),
                d.handlingAgency().name(), publicAddress.of("/tra-cuu/{code}", d.code()), body);
        store.addSlip(UUID.randomUUID(), d.id(), content.form().number(), d.code() + "/" + content.form().number(), now, content);
    }

    /** A document handed in as paper, or only as a scan (an online dossier): then one electronic copy. */
    private static SlipContent.ReceivedDocument received(Dossier.Document doc) {
        return doc.originals() + doc.copies() > 0 ? new SlipContent.ReceivedDocument(doc.name(), doc.originals(), doc.copies())
                : new SlipContent.ReceivedDocument(doc.name() + " (bản điện tử)", 0, 1);
    }

    private static String legalTime(Dossier.ProcessingTime time) {
        if (time.amount() == null || time.unit() == null) {
            return time.text();
        }
        return time.amount() + " " + switch (DurationUnit.valueOf(time.unit())) {
            case WORKING_DAY -> "ngày làm việc";
            case WORKING_HOUR -> "giờ làm việc";
            case CALENDAR_DAY -> "ngày";
            case SAME_DAY -> "(trong ngày)";
            case MONTH -> "tháng";
        };
    }

    /** The place name of a slip's date line: the commune or ward of a commune centre, the province otherwise. */
    private static String place(AgencyView issuer) {
        String name = issuer.name();
        var m = Pattern.compile("(?:phường|xã|đặc khu) (.+)$").matcher(name);
        if (m.find()) {
            return m.group(1);
        }
        var p = Pattern.compile("tỉnh (.+?)(?: tại .*)?$").matcher(name);
        return p.find() ? p.group(1) : name;
    }

    private static String publicNote(Dossier d) {
        return switch (d.state()) {
            case SUBMITTED -> "Hồ sơ đã nộp " + DossierWords.channel(d.channel()).toLowerCase() + ", chờ bộ phận một cửa kiểm tra.";
            case RECEIVED -> "Bộ phận một cửa đã tiếp nhận hồ sơ" + (d.dueAt() == null ? "." : "; hẹn trả kết quả " + DossierWords.appointment(d.dueAt()) + ".");
            case AWAITING_INTAKE_SUPPLEMENT -> "Hồ sơ cần bổ sung, hoàn thiện (" + d.missing().size() + " mục) trước khi tiếp nhận.";
            case REFUSED_AT_INTAKE -> "Từ chối tiếp nhận: " + d.note();
            default -> DossierWords.state(d.state());
        };
    }

    private static DossierEvent event(Dossier d, @Nullable Deadline deadline, boolean accepted) {
        var r = d.receivingAgency();
        var h = d.handlingAgency();
        return switch (d.state()) {
            case SUBMITTED -> new DossierEvent.Submitted(d.code(), d.channel(), d.procedure().code(), r.id(), r.electronicId(), h.id(),
                    h.electronicId(), d.nationalStatus(), d.decidedAt(), DossierEvent.Contact.of(d.applicant()));
            case RECEIVED -> new DossierEvent.Received(d.code(), d.channel(), d.procedure().code(), r.id(), r.electronicId(), h.id(),
                    h.electronicId(), d.nationalStatus(), d.decidedAt(),
                    deadline == null ? d.decidedAt() : deadline.start().atZone(VIETNAM).toInstant(), d.dueAt(), accepted,
                    DossierEvent.Contact.of(d.applicant()), d.decidedBy());
            case AWAITING_INTAKE_SUPPLEMENT -> new DossierEvent.SupplementRequested(d.code(), d.channel(), d.procedure().code(), r.id(),
                    r.electronicId(), h.id(), h.electronicId(), d.nationalStatus(), d.decidedAt(), d.missing().size(),
                    DossierEvent.Contact.of(d.applicant()));
            case REFUSED_AT_INTAKE -> new DossierEvent.Refused(d.code(), d.channel(), d.procedure().code(), r.id(), r.electronicId(),
                    h.id(), h.electronicId(), d.nationalStatus(), d.decidedAt(), d.note(), DossierEvent.Contact.of(d.applicant()));
            default -> throw new IllegalStateException("no intake event for " + d.state());
        };
    }

    private static Dossier.Agency agency(AgencyView a) {
        return new Dossier.Agency(a.id(), a.electronicId(), a.name());
    }

    private String hash(Intake in) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json.writeValueAsString(in).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
