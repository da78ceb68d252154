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
        };
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
