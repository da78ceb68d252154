package vn.motcua.calendar;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One set of office hours' working time (shared by every agency with those hours): the national day index plus
 * the office hours of every day, and
 * {@code minutesBefore[i]}, the working minutes in [first, first+i), so that a deadline in working hours is a
 * binary search, not a walk. Pure and immutable; built by {@link WorkingCalendar}.
 */
final class WorkingTimeIndex {

    private final DayIndex days;
    private final DaySchedule[] schedules;
    private final int[] minutesBefore;

    /** @param own the agency's own office hours (may be empty); {@code defaults} apply where none of them does */
    WorkingTimeIndex(DayIndex days, List<OfficeHours> own, List<OfficeHours> defaults) {
        this.days = days;
        int size = days.size();
        this.schedules = new DaySchedule[size];
        this.minutesBefore = new int[size + 1];
        var ownNewestFirst = newestFirst(own);
        var defaultsNewestFirst = newestFirst(defaults);
        if (defaultsNewestFirst.isEmpty()) {
            throw new IllegalStateException("No default office hours: calendar.office_hours needs a row without an agency");
        }
        // one DaySchedule per rule, not per day: 33,000 days share a handful of objects
        var scheduleOfRule = new java.util.IdentityHashMap<OfficeHours, DaySchedule>();
        int total = 0;
        for (int i = 0; i < size; i++) {
            minutesBefore[i] = total;
            LocalDate date = days.dateAt(i);
            OfficeHours rule = ruleFor(ownNewestFirst, date);
            DaySchedule schedule = scheduleOfRule.computeIfAbsent(rule != null ? rule : fallback(defaultsNewestFirst, date), OfficeHours::schedule);
            schedules[i] = schedule;
            if (days.working(i)) {
                total += schedule.minutes();
            }
        }
        minutesBefore[size] = total;
    }

    private static List<OfficeHours> newestFirst(List<OfficeHours> rules) {
        return rules.stream().sorted(Comparator.comparing(OfficeHours::validFrom).reversed()
                .thenComparing(OfficeHours::seasonal, Comparator.reverseOrder())).toList();
    }

    private static @Nullable OfficeHours ruleFor(List<OfficeHours> newestFirst, LocalDate date) {
        for (OfficeHours rule : newestFirst) {
            if (!rule.validFrom().isAfter(date) && rule.coversSeasonOf(date)) {
                return rule;
            }
        }
        return null;
    }

    /** Days before the oldest default rule take that rule's hours. */
    private static OfficeHours fallback(List<OfficeHours> defaultsNewestFirst, LocalDate date) {
        OfficeHours rule = ruleFor(defaultsNewestFirst, date);
        return rule != null ? rule : defaultsNewestFirst.getLast();
    }

    DaySchedule scheduleOn(LocalDate date) {
        return schedules[days.index(date)];
    }

    /** The start itself if inside office hours of a working day, else the start of the next working period. */
    LocalDateTime normalise(LocalDateTime start) {
        int i = days.index(start.toLocalDate());
        int minute = start.getHour() * 60 + start.getMinute();
        if (days.working(i)) {
            int m = schedules[i].normalise(minute);
            if (m >= 0) {
                return at(i, m);
            }
        }
        int next = days.addWorkingDays(i, days.working(i) ? 1 : 0);
        return at(next, schedules[next].morningStart());
    }

    LocalDateTime addWorkingMinutes(LocalDateTime start, long minutes) {
        LocalDateTime t = normalise(start);
        if (minutes <= 0) {
            return t;
        }
        int i = days.index(t.toLocalDate());
        long target = minutesBefore[i] + schedules[i].workedBefore(t.getHour() * 60 + t.getMinute()) + minutes;
        if (target > minutesBefore[minutesBefore.length - 1]) {
            throw new OutsideCalendar(t.toLocalDate().plusDays(minutes / 60 / 8 * 7 / 5 + 30), days.first, days.last);
        }
        // smallest q >= i with minutesBefore[q + 1] >= target
        int q = Arrays.binarySearch(minutesBefore, i + 1, minutesBefore.length, (int) target);
        if (q < 0) {
            q = -q - 1;
        } else {
            while (q > i + 1 && minutesBefore[q - 1] == target) {
                q--;
            }
        }
        int day = q - 1;
        return at(day, schedules[day].clockAfter((int) (target - minutesBefore[day])));
    }

    /**
     * Working minutes from {@code from} to {@code to} (0 when {@code to} is not after {@code from}); a time outside
     * office hours counts as the start of the next working period, which has worked as much as the end of the last.
     */
    long workingMinutesBetween(LocalDateTime from, LocalDateTime to) {
        long a = position(normalise(from));
        long b = position(normalise(to));
        return Math.max(0, b - a);
    }

    private long position(LocalDateTime normalised) {
        int i = days.index(normalised.toLocalDate());
        return minutesBefore[i] + schedules[i].workedBefore(normalised.getHour() * 60 + normalised.getMinute());
    }

    LocalDateTime due(LocalDateTime start, int amount, DurationUnit unit) {
        if (amount < 0) {
            throw new IllegalArgumentException("A time limit cannot be negative: " + amount);
        }
        LocalDateTime t = normalise(start);
        int i = days.index(t.toLocalDate());
        int minute = t.getHour() * 60 + t.getMinute();
        return switch (unit) {
            case WORKING_HOUR -> addWorkingMinutes(t, amount * 60L);
            case WORKING_DAY -> {
                int d = days.addWorkingDays(i, amount);
                yield schedules[i].rounding() == RoundingPolicy.END_OF_DAY && amount > 0
                        ? at(d, schedules[d].afternoonEnd())
                        : at(d, schedules[d].clampInto(minute));
            }
            case CALENDAR_DAY, MONTH -> {
                LocalDate end = unit == DurationUnit.MONTH ? t.toLocalDate().plusMonths(amount) : t.toLocalDate().plusDays(amount);
                int d = days.addWorkingDays(days.index(end), 0);
                yield at(d, schedules[d].clampInto(minute));
            }
            case SAME_DAY -> {
                int d = minute <= schedules[i].cutoff() ? i : days.addWorkingDays(i, 1);
                yield at(d, schedules[d].afternoonEnd());
            }
        };
    }

    private LocalDateTime at(int day, int minute) {
        return LocalDateTime.of(days.dateAt(day), LocalTime.of(minute / 60, minute % 60));
    }
}
