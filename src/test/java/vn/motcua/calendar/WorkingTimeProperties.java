package vn.motcua.calendar;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingTimeProperties {

    static final DayIndex DAYS = TestCalendars.shipped();
    static final WorkingTimeIndex HOURS = TestCalendars.defaultHours();
    static final LocalDate BASE = LocalDate.of(2011, 1, 1);

    @Property(tries = 2000)
    void addingThenCountingGivesBackN(@ForAll @IntRange(min = 0, max = 29000) int offset, @ForAll @IntRange(min = 0, max = 2600) int n) {
        LocalDate start = BASE.plusDays(offset);
        LocalDate end = DAYS.addWorkingDays(start, n);
        assertThat(DAYS.day(end).working()).isTrue();
        // working days in (start, end] are exactly n (n = 0: the next working day itself, when start is not one)
        int counted = DAYS.countWorkingDays(start.plusDays(1), end.plusDays(1));
        assertThat(counted).isEqualTo(n == 0 && !DAYS.day(start).working() ? 1 : n);
        if (DAYS.day(start).working()) {
            assertThat(DAYS.countWorkingDays(start, end)).isEqualTo(n);
        }
    }

    @Property(tries = 2000)
    void aDueTimeIsAlwaysInsideOfficeHoursOfAWorkingDay(@ForAll @IntRange(min = 0, max = 29000) int offset,
                                                       @ForAll @IntRange(min = 0, max = 24 * 60 - 1) int minuteOfDay,
                                                       @ForAll @IntRange(min = 0, max = 400) int amount,
                                                       @ForAll DurationUnit unit) {
        // 400 months from the last start would leave the calendar's range (2100): months are limits of up to two years
        net.jqwik.api.Assume.that(unit != DurationUnit.MONTH || amount <= 24);
        LocalDateTime start = BASE.plusDays(offset).atStartOfDay().plusMinutes(minuteOfDay);
        LocalDateTime due = HOURS.due(start, amount, unit);
        assertThat(DAYS.day(due.toLocalDate()).working()).as("due %s from %s", due, start).isTrue();
        assertThat(insideOfficeHours(due)).as("due %s from %s", due, start).isTrue();
        assertThat(due).isAfterOrEqualTo(HOURS.normalise(start));
    }

    @Property(tries = 1000)
    void workingHoursAddUp(@ForAll @IntRange(min = 0, max = 29000) int offset, @ForAll @IntRange(min = 0, max = 200) int a,
                           @ForAll @IntRange(min = 0, max = 200) int b) {
        LocalDateTime start = BASE.plusDays(offset).atTime(9, 0);
        LocalDateTime viaA = HOURS.addWorkingMinutes(start, a * 30L);
        // from a period end, continuing is the same as adding in one go
        assertThat(HOURS.addWorkingMinutes(viaA, b * 30L)).isEqualTo(HOURS.addWorkingMinutes(start, (a + b) * 30L));
    }

    private static boolean insideOfficeHours(LocalDateTime t) {
        int m = t.getHour() * 60 + t.getMinute();
        return (m >= 7 * 60 + 30 && m <= 11 * 60 + 30) || (m >= 13 * 60 + 30 && m <= 17 * 60);
    }
}
