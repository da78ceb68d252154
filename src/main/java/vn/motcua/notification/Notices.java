package vn.motcua.notification;

import org.jspecify.annotations.Nullable;
import vn.motcua.dossier.DossierEvent;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which dossier events the applicant hears about, and with which facts. The switch names every event of the sealed
 * {@link DossierEvent}: a new event does not compile here until someone decides whether applicants are told.
 */
final class Notices {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private Notices() {
    }

    static Optional<Notice> of(DossierEvent event) {
        return switch (event) {
            // The portal (or the post) acknowledges a submission; the applicant hears from us when the desk decides.
            case DossierEvent.Submitted s -> Optional.empty();
            case DossierEvent.Received r -> Optional.of(notice(NotificationKind.RECEIVED, r, facts(
                    "received", dateTime(r.clockStart()), "dueDate", date(r.dueAt()), "dueTime", time(r.dueAt()),
                    "accepted", r.accepted(), "online", r.channel() == vn.motcua.dossier.Channel.ONLINE)));
            case DossierEvent.SupplementRequested s -> Optional.of(notice(NotificationKind.SUPPLEMENT_REQUESTED, s, facts(
                    "missingItems", s.missingItems(), "stage", "intake")));
            case DossierEvent.Refused r -> Optional.of(notice(NotificationKind.REFUSED, r, facts(
                    "reason", r.reason(), "stage", "intake")));
            case DossierEvent.Moved m -> moved(m);
        };
    }

    /**
     * Processing: the applicant hears of what asks something of them or changes what they wait for (a supplement, a
     * payment, the apology and new appointment, the result, its return, a stop), not of the agency's inner steps. A refusal on the
     * merits is told when its written answer is issued (ISSUE_RESULT with a REFUSAL result), not when it is decided.
     */
    private static Optional<Notice> moved(DossierEvent.Moved m) {
        var clock = m.clock();
        return switch (m.move()) {
            case REQUEST_SUPPLEMENT -> Optional.of(notice(NotificationKind.SUPPLEMENT_REQUESTED, m, facts(
                    "stage", "processing", "note", blankToNull(m.note()), "publicNote", m.publicNote())));
            case APOLOGIZE_AND_EXTEND -> Optional.of(notice(NotificationKind.EXTENDED, m, facts(
                    "reason", blankToNull(m.note()), "received", dateTime(clock.receivedAt()), "originalDueDate", date(clock.originalDueAt()), "originalDueTime", time(clock.originalDueAt()),
                    "newDueDate", date(clock.dueAt()), "newDueTime", time(clock.dueAt()))));
            case REQUEST_PAYMENT -> Optional.of(notice(NotificationKind.PAYMENT_REQUESTED, m, facts(
                    "note", blankToNull(m.note()), "publicNote", m.publicNote(), "clockStopped", !clock.running())));
            case ISSUE_RESULT -> Optional.of(notice(NotificationKind.RESULT_READY, m, facts(
                    "refusal", m.resultKind() == vn.motcua.dossier.Progress.Result.Kind.REFUSAL, "early", clock.early(),
                    "dueDate", date(clock.dueAt()), "dueTime", time(clock.dueAt()), "publicNote", m.publicNote())));
            case RETURN_RESULT -> Optional.of(notice(NotificationKind.RETURNED, m, facts(
                    "returned", dateTime(clock.returnedAt() != null ? clock.returnedAt() : m.at()))));
            case STOP -> Optional.of(notice(NotificationKind.STOPPED, m, facts(
                    "reason", blankToNull(m.note()), "stopped", dateTime(m.at()))));
            case ACCEPT, SUPPLEMENT_RECEIVED, REFUSE, ASSIGN, COMPLETE_STEP, RETURN_STEP, PROPOSE_REFUSAL, CONSULT,
                 CONSULTATION_ANSWERED, TRANSFER, PAYMENT_RECEIVED, PAUSE, RESUME, APPROVE, REQUEST_STOP ->
                    Optional.empty();
        };
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Notice notice(NotificationKind kind, DossierEvent event, Map<String, Object> facts) {
        return new Notice(kind, event.code(), event.code() + "/" + event.action() + "/" + event.at(), facts);
    }

    /** Pairs of name and value; a null value is left out (the templates say "not given" for what is missing). */
    private static Map<String, Object> facts(@Nullable Object... pairs) {
        var facts = new LinkedHashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                facts.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return facts;
    }

    /** dd/MM/yyyy in Vietnam's calendar. */
    static @Nullable String date(@Nullable Instant at) {
        if (at == null) {
            return null;
        }
        LocalDateTime t = LocalDateTime.ofInstant(at, VIETNAM);
        return "%02d/%02d/%d".formatted(t.getDayOfMonth(), t.getMonthValue(), t.getYear());
    }

    /** HH:mm, 24-hour, in Vietnam's clock. */
    static @Nullable String time(@Nullable Instant at) {
        if (at == null) {
            return null;
        }
        LocalDateTime t = LocalDateTime.ofInstant(at, VIETNAM);
        return "%02d:%02d".formatted(t.getHour(), t.getMinute());
    }

    static @Nullable String dateTime(@Nullable Instant at) {
        return at == null ? null : time(at) + " ngày " + date(at);
    }
}
