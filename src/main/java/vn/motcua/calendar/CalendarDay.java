package vn.motcua.calendar;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/** One day of the working calendar, with the holiday's or swap's name where it has one. */
public record CalendarDay(LocalDate date, boolean working, DayKind kind, @Nullable String name) {
}
