package vn.motcua.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineTests {

    static final WorkingTimeIndex HOURS = TestCalendars.defaultHours();

    // Office hours 07:30-11:30 and 13:30-17:00 (the default); rules digest §4.1-4.2.
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "2026-03-02T09:15, 2026-03-02T09:15",  // inside the morning: unchanged
            "2026-03-02T06:50, 2026-03-02T07:30",  // before opening
            "2026-03-02T12:05, 2026-03-02T13:30",  // lunch break
            "2026-03-02T11:30, 2026-03-02T11:30",  // the end of a period is still inside it
            "2026-03-02T17:20, 2026-03-03T07:30",  // evening: next working morning
            "2026-02-28T10:00, 2026-03-02T07:30",  // Saturday
            "2026-02-13T17:01, 2026-02-23T07:30",  // Friday evening before Tết
            "2026-01-10T08:00, 2026-01-10T08:00"}) // a make-up Saturday is a working day
    void normalisesAStartOutsideOfficeHours(LocalDateTime start, LocalDateTime expected) {
        assertThat(HOURS.normalise(start)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} + {1} {2} = {3}")
    @CsvSource({
            "2026-03-02T10:00, 4, WORKING_HOUR, 2026-03-02T16:00",   // 1.5 h before lunch, 2.5 h after
            "2026-03-02T10:00, 1, WORKING_HOUR, 2026-03-02T11:00",
            "2026-03-02T11:00, 1, WORKING_HOUR, 2026-03-02T14:00",   // across lunch
            "2026-02-27T16:00, 2, WORKING_HOUR, 2026-03-02T08:30",   // across the weekend
            "2026-04-29T15:00, 4, WORKING_HOUR, 2026-05-04T09:30",   // 2 h on 29/4, 30/4-3/5 off, 2 h from Monday 07:30
            "2026-04-30T09:00, 8, WORKING_HOUR, 2026-05-05T08:00",   // starts on a holiday: Mon 07:30 + 7.5 h + 0.5 h
            "2026-03-02T07:30, 0, WORKING_HOUR, 2026-03-02T07:30",
            "2026-02-13T09:00, 1, WORKING_DAY, 2026-02-23T09:00",    // same time of day, one working day later
            "2026-02-13T16:30, 3, WORKING_DAY, 2026-02-25T16:30",
            "2026-04-24T12:00, 2, WORKING_DAY, 2026-04-29T13:30",    // lunch normalised; 27/4 compensatory
            "2026-02-09T09:00, 7, CALENDAR_DAY, 2026-02-23T09:00",   // 16/2 is Tết: rolls to the next working day
            "2026-03-02T09:00, 5, CALENDAR_DAY, 2026-03-09T09:00",   // Saturday 7/3 → Monday 9/3
            "2026-03-02T09:00, 3, CALENDAR_DAY, 2026-03-05T09:00",
            "2026-03-02T14:59, 0, SAME_DAY, 2026-03-02T17:00",
            "2026-03-02T15:00, 0, SAME_DAY, 2026-03-02T17:00",       // at the 15:00 cut-off: still today
            "2026-03-02T15:01, 0, SAME_DAY, 2026-03-03T17:00",       // after it: the next working day
            "2026-02-13T15:30, 0, SAME_DAY, 2026-02-23T17:00",
            "2026-03-02T18:00, 0, SAME_DAY, 2026-03-03T17:00"})      // evening → next morning, before the cut-off
    void computesDueTimes(LocalDateTime start, int amount, DurationUnit unit, LocalDateTime expected) {
        assertThat(HOURS.due(start, amount, unit)).isEqualTo(expected);
    }

    // Default hours 07:30-11:30, 13:30-17:00: 7.5 working hours (450 minutes) a day.
    @ParameterizedTest(name = "{0} → {1}: {2} min")
    @CsvSource({
            "2026-03-02T10:00, 2026-03-02T16:00, 240",     // 1.5 h before lunch, 2.5 h after
            "2026-03-02T16:00, 2026-03-02T10:00, 0",       // not after: none (the queues ask the other way round)
            "2026-03-02T12:00, 2026-03-02T13:00, 0",       // inside the lunch break
            "2026-03-02T18:00, 2026-03-03T08:30, 60",      // evening to the next morning
            "2026-02-27T16:00, 2026-03-02T08:30, 120",     // across the weekend
            "2026-04-29T15:00, 2026-05-04T09:30, 240",     // 30/4-3/5 off
            "2026-02-13T09:00, 2026-02-23T09:00, 450",     // Tết: one working day
            "2026-02-28T10:00, 2026-02-28T15:00, 0"})      // a Saturday
    void countsWorkingMinutesBetweenTwoTimes(LocalDateTime from, LocalDateTime to, long expected) {
        assertThat(HOURS.workingMinutesBetween(from, to)).isEqualTo(expected);
    }

    @Test
    void endOfDayPolicyStatesTheAppointmentAtClosingTime() {
        var endOfDay = new OfficeHours(null, WorkingCalendar.FIRST_DAY, null, null, LocalTime.of(7, 30), LocalTime.of(11, 30),
                LocalTime.of(13, 30), LocalTime.of(17, 0), LocalTime.of(15, 0), RoundingPolicy.END_OF_DAY);
        var index = new WorkingTimeIndex(TestCalendars.shipped(), List.of(), List.of(endOfDay));
        assertThat(index.due(LocalDateTime.parse("2026-02-13T09:00"), 1, DurationUnit.WORKING_DAY))
                .isEqualTo(LocalDateTime.parse("2026-02-23T17:00"));
    }

    @Test
    void seasonalAndAgencyHoursApplyFromTheirDates() {
        var summer = new OfficeHours(null, LocalDate.of(2020, 1, 1), MonthDay.of(4, 15), MonthDay.of(10, 14), LocalTime.of(7, 0),
                LocalTime.of(11, 30), LocalTime.of(13, 30), LocalTime.of(17, 0), LocalTime.of(15, 0), RoundingPolicy.EXACT_HOURS);
        var commune = new OfficeHours(java.util.UUID.randomUUID(), LocalDate.of(2026, 7, 1), null, null, LocalTime.of(8, 0), LocalTime.of(12, 0),
                LocalTime.of(13, 0), LocalTime.of(17, 0), LocalTime.of(15, 30), RoundingPolicy.EXACT_HOURS);
        var defaults = List.of(CalendarSeed.DEFAULT_HOURS, summer);
        var province = new WorkingTimeIndex(TestCalendars.shipped(), List.of(), defaults);
        var xuanHuong = new WorkingTimeIndex(TestCalendars.shipped(), List.of(commune), defaults);

        assertThat(province.normalise(LocalDateTime.parse("2026-06-02T07:10"))).isEqualTo("2026-06-02T07:10");
        assertThat(province.normalise(LocalDateTime.parse("2026-12-02T07:10"))).isEqualTo("2026-12-02T07:30");
        assertThat(xuanHuong.normalise(LocalDateTime.parse("2026-06-02T07:10"))).as("own hours not yet in force").isEqualTo("2026-06-02T07:10");
        assertThat(xuanHuong.normalise(LocalDateTime.parse("2026-12-02T07:40"))).isEqualTo("2026-12-02T08:00");
        assertThat(xuanHuong.due(LocalDateTime.parse("2026-12-02T15:20"), 0, DurationUnit.SAME_DAY)).isEqualTo("2026-12-02T17:00");
        assertThat(xuanHuong.due(LocalDateTime.parse("2026-12-02T11:00"), 2, DurationUnit.WORKING_HOUR)).isEqualTo("2026-12-02T14:00");
    }
}
