package vn.motcua.calendar;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A day of a year's calendar set or removed locally (a province's or an agency's own decision), with the document
 * that authorises it. Such a day is never shown as the Government's announcement.
 *
 * @param kind null to remove the day from the year's list; else what the day becomes
 * @param name the reason shown for the day (null when removing)
 */
public record LocalEdit(LocalDate date, @Nullable DayKind kind, @Nullable String name, String documentNumber, @Nullable LocalDate documentDate,
                        String documentIssuer) {

    /** A local edit as stored: its id, who made it and when. */
    public record Recorded(int id, LocalEdit edit, String by, Instant at) {
        /** When it was made, in Vietnam's time. */
        public java.time.LocalDateTime atInVietnam() {
            return java.time.LocalDateTime.ofInstant(at, java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        }
    }

    public boolean removes() {
        return kind == null;
    }
}
