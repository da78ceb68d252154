package vn.motcua.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingDaysTests {

    static final DayIndex CALENDAR = TestCalendars.shipped();

    // The rules digest §4.4, "seed data for the holiday table" (H = weekday off, W = make-up Saturday), copied verbatim.
    static final String DIGEST_2024 = "H 01-01, 02-08, 02-09, 02-12, 02-13, 02-14, 04-18, 04-29, 04-30, 05-01, 09-02, 09-03; W 05-04";
    static final String DIGEST_2025 = "H 01-01, 01-27, 01-28, 01-29, 01-30, 01-31, 04-07, 04-30, 05-01, 05-02, 09-01, 09-02; W 04-26";
    static final String DIGEST_2026 = "H 01-01, 01-02, 02-16, 02-17, 02-18, 02-19, 02-20, 04-27, 04-30, 05-01, 08-31, 09-01, 09-02; W 01-10, 08-22";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"2024|" + DIGEST_2024, "2025|" + DIGEST_2025, "2026|" + DIGEST_2026})
    void everyDayOfTheYearIsWorkingExactlyAsTheDigestSays(int year, String digest) {
        Set<LocalDate> off = dates(year, digest.substring(2, digest.indexOf(';')));
        Set<LocalDate> makeUp = dates(year, digest.substring(digest.indexOf('W') + 2));
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            boolean expected = makeUp.contains(d) || (!weekend && !off.contains(d));
            assertThat(CALENDAR.day(d).working()).as("%s (%s)", d, d.getDayOfWeek()).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "2024-05-04, MAKEUP_WORKDAY", "2025-04-26, MAKEUP_WORKDAY", "2026-01-10, MAKEUP_WORKDAY", "2026-08-22, MAKEUP_WORKDAY",
            "2024-04-29, SWAPPED_OFF", "2025-05-02, SWAPPED_OFF", "2026-01-02, SWAPPED_OFF", "2026-08-31, SWAPPED_OFF",
            "2026-04-26, HOLIDAY", "2026-04-27, COMPENSATORY", "2024-02-10, HOLIDAY", "2024-02-13, COMPENSATORY",
            "2026-02-21, WEEKEND", "2026-02-23, WEEKDAY"})
    void namesTheKindOfEachAnnouncedDay(LocalDate date, DayKind kind) {
        assertThat(CALENDAR.day(date).kind()).isEqualTo(kind);
    }

    // Hand-checked against the digest's tables; the start day itself is never counted.
    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
            "2026-02-13, 1, 2026-02-23",  // Fri before Tết Bính Ngọ: 16-20/2 off, 21-22 weekend (STYLE.md's example)
            "2026-02-13, 0, 2026-02-13",  // zero days: the day itself when it is a working day
            "2026-02-14, 0, 2026-02-23",  // ... else the next working day
            "2025-12-31, 1, 2026-01-05",  // across the year: 1/1 holiday, 2/1 swapped off, 3-4 weekend
            "2026-01-09, 1, 2026-01-10",  // the make-up Saturday counts
            "2025-04-25, 1, 2025-04-26",  // make-up Saturday 26/4/2025
            "2025-04-28, 3, 2025-05-06",  // 29/4 works, 30/4-2/5 off, 3-4 weekend, then 5/5 and 6/5
            "2026-08-28, 1, 2026-09-03",  // 31/8 swapped, 1-2/9 National Day
            "2024-02-07, 1, 2024-02-15",  // Tết Giáp Thìn 8-14/2
            "2026-04-24, 1, 2026-04-28",  // Giỗ Tổ on Sunday 26/4: compensatory Monday 27/4
            "2027-02-04, 1, 2027-02-12",  // 2027 has no announcement: derived Tết 5-9/2 and compensatory 10-11/2
            "2025-12-15, 45, 2026-02-24",  // December into the lunar new year: 1-2/1, make-up 10/1, Tết 16-20/2
            "2026-01-30, 15, 2026-02-27",  // a month before Tết to after it
            "2025-04-29, 90, 2025-09-09"}) // crosses 30/4-2/5 and 1-2/9 (checked by a day-by-day walk over the digest lists)
    void addsWorkingDays(LocalDate start, int days, LocalDate expected) {
        assertThat(CALENDAR.addWorkingDays(start, days)).isEqualTo(expected);
    }

    @Test
    void countsTheWorkingDaysOfEachYear() {
        // weekdays of the year, less the digest's weekday holidays, plus its make-up Saturdays
        assertThat(CALENDAR.countWorkingDays(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1))).isEqualTo(262 - 12 + 1);
        assertThat(CALENDAR.countWorkingDays(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1))).isEqualTo(261 - 12 + 1);
        assertThat(CALENDAR.countWorkingDays(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1))).isEqualTo(261 - 13 + 2);
    }

    @Test
    void countsOverAHalfOpenInterval() {
        assertThat(CALENDAR.countWorkingDays(LocalDate.of(2026, 2, 13), LocalDate.of(2026, 2, 23))).isEqualTo(1);
        assertThat(CALENDAR.countWorkingDays(LocalDate.of(2026, 2, 13), LocalDate.of(2026, 2, 24))).isEqualTo(2);
        assertThat(CALENDAR.countWorkingDays(LocalDate.of(2026, 2, 23), LocalDate.of(2026, 2, 23))).isZero();
        assertThat(CALENDAR.countWorkingDays(LocalDate.of(2026, 2, 24), LocalDate.of(2026, 2, 13))).isEqualTo(-2);
    }

    @Test
    void refusesDatesOutsideTheCalendar() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CALENDAR.addWorkingDays(LocalDate.of(2100, 12, 20), 30))
                .isInstanceOf(OutsideCalendar.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CALENDAR.day(LocalDate.of(2009, 12, 31)))
                .isInstanceOf(OutsideCalendar.class);
    }

    private static Set<LocalDate> dates(int year, String list) {
        return Arrays.stream(list.split(","))
                .map(String::strip)
                .map(mmdd -> LocalDate.parse(year + "-" + mmdd))
                .collect(Collectors.toSet());
    }
}
