package vn.motcua.calendar;

import java.time.LocalDate;
import java.time.LocalTime;

/** An agency's office hours on one day. */
public record OfficeHoursOnDay(LocalDate date, LocalTime morningStart, LocalTime morningEnd, LocalTime afternoonStart,
                               LocalTime afternoonEnd, LocalTime cutoff, RoundingPolicy rounding) {

    static OfficeHoursOnDay of(LocalDate date, DaySchedule s) {
        return new OfficeHoursOnDay(date, time(s.morningStart()), time(s.morningEnd()), time(s.afternoonStart()),
                time(s.afternoonEnd()), time(s.cutoff()), s.rounding());
    }

    private static LocalTime time(int minute) {
        return LocalTime.of(minute / 60, minute % 60);
    }
}
