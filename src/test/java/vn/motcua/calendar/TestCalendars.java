package vn.motcua.calendar;

import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Calendars built from the data motcua ships (the same files CalendarSeed loads), without a database. */
final class TestCalendars {

    private static DayIndex shipped;

    private TestCalendars() {
    }

    static synchronized DayIndex shipped() {
        if (shipped == null) {
            try (var csv = CalendarSeed.reader(new ClassPathResource("calendar/statutory-holidays.csv"))) {
                var statutory = CalendarSeed.statutoryHolidays(csv);
                Map<Integer, List<AnnouncedDay>> announced = new HashMap<>();
                for (int year : List.of(2024, 2025, 2026)) {
                    try (var a = CalendarSeed.reader(new ClassPathResource("calendar/announcements/" + year + ".csv"))) {
                        announced.put(year, AnnouncementCsv.parse(year, a));
                    }
                }
                shipped = new DayIndex(WorkingCalendar.FIRST_DAY, WorkingCalendar.LAST_DAY,
                        year -> announced.containsKey(year) ? announced.get(year) : HolidayRules.derive(year, statutory));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shipped;
    }

    static List<StatutoryHoliday> statutory() {
        try (var csv = CalendarSeed.reader(new ClassPathResource("calendar/statutory-holidays.csv"))) {
            return CalendarSeed.statutoryHolidays(csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The default office hours: 07:30-11:30, 13:30-17:00, cut-off 15:00, exact hours. */
    static WorkingTimeIndex defaultHours() {
        return new WorkingTimeIndex(shipped(), List.of(), List.of(CalendarSeed.DEFAULT_HOURS));
    }
}
