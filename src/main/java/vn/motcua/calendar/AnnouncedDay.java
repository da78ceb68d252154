package vn.motcua.calendar;

import java.time.LocalDate;

/** One exception to the Monday-Friday week in a year's announcement. */
public record AnnouncedDay(LocalDate date, DayKind kind, String name) {

    public AnnouncedDay {
        if (!kind.announceable()) {
            throw new IllegalArgumentException(kind + " is not an announced kind of day");
        }
    }
}
