package vn.motcua.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class LunarCalendarTests {

    // Mùng 1 Tết as published in Vietnamese calendars (lịch vạn niên, Hồ Ngọc Đức's tables). Where Vietnam's
    // date differs from China's (UTC+7 against UTC+8) the Chinese date is in the comment.
    @ParameterizedTest(name = "Tết {1} = {0}")
    @CsvSource({
            "1968-01-29, 1968, Mậu Thân",   // China 30/1: the Tết offensive's two dates
            "1975-02-11, 1975, Ất Mão",
            "1985-01-21, 1985, Ất Sửu",     // China 20/2, a whole month apart
            "1990-01-27, 1990, Canh Ngọ",
            "2000-02-05, 2000, Canh Thìn",
            "2007-02-17, 2007, Đinh Hợi",   // China 18/2
            "2010-02-14, 2010, Canh Dần",
            "2020-01-25, 2020, Canh Tý",
            "2021-02-12, 2021, Tân Sửu",
            "2022-02-01, 2022, Nhâm Dần",
            "2023-01-22, 2023, Quý Mão",    // China: rabbit year; Vietnam: cat (Mão)
            "2024-02-10, 2024, Giáp Thìn",
            "2025-01-29, 2025, Ất Tỵ",
            "2026-02-17, 2026, Bính Ngọ",
            "2027-02-06, 2027, Đinh Mùi",
            "2030-02-02, 2030, Canh Tuất"})  // China 3/2: the new moon is at 23:07 in Hà Nội, 00:07 in Beijing
    void findsTetAsVietnamesePublishedCalendarsHaveIt(LocalDate tet, int year, String name) {
        assertThat(LunarCalendar.lunarNewYear(year)).isEqualTo(tet);
        assertThat(LunarCalendar.toLunar(tet)).isEqualTo(new LunarDate(year, 1, 1, false));
        assertThat(LunarCalendar.toLunar(tet.minusDays(1)).year()).isEqualTo(year - 1);
        assertThat(LunarDate.yearName(year)).isEqualTo(name);
    }

    // Giỗ Tổ Hùng Vương, 10/3 lunar (rules digest §4.4: 18/4/2024, 7/4/2025, 26/4/2026 a Sunday, 16/4/2027).
    @ParameterizedTest
    @CsvSource({"2024, 2024-04-18", "2025, 2025-04-07", "2026, 2026-04-26", "2027, 2027-04-16"})
    void findsTheHungKingsDay(int year, LocalDate expected) {
        assertThat(LunarCalendar.toSolar(new LunarDate(year, 3, 10, false))).contains(expected);
    }

    // Leap months in Vietnamese calendars: 2020 nhuận tháng 4, 2023 nhuận tháng 2, 2025 nhuận tháng 6.
    @ParameterizedTest
    @CsvSource({
            "2020-05-23, 2020, 4", "2023-03-22, 2023, 2", "2025-07-25, 2025, 6"})
    void knowsTheLeapMonths(LocalDate firstDayOfLeapMonth, int year, int month) {
        assertThat(LunarCalendar.toLunar(firstDayOfLeapMonth)).isEqualTo(new LunarDate(year, month, 1, true));
        assertThat(LunarCalendar.toLunar(firstDayOfLeapMonth.minusDays(1)))
                .satisfies(d -> assertThat(d.month()).isEqualTo(month))
                .satisfies(d -> assertThat(d.leapMonth()).isFalse());
        assertThat(LunarCalendar.toSolar(new LunarDate(year, month, 1, true))).contains(firstDayOfLeapMonth);
    }

    @Test
    void aLeapMonthThatDoesNotExistHasNoSolarDate() {
        assertThat(LunarCalendar.toSolar(new LunarDate(2026, 5, 1, true))).isEmpty();
        assertThat(LunarCalendar.toSolar(new LunarDate(2023, 3, 1, true))).as("2023 leaps month 2, not 3").isEmpty();
    }

    @Test
    void aThirtiethDayThatDoesNotExistHasNoSolarDate() {
        int missing = 0;
        for (int month = 1; month <= 12; month++) {
            if (LunarCalendar.toSolar(new LunarDate(2026, month, 30, false)).isEmpty()) {
                missing++;
            }
        }
        assertThat(missing).as("a lunar year has short (29-day) months").isBetween(4, 8);
    }

    @Test
    void convertsEveryDayFrom1900To2199BackAndForth() {
        LocalDate day = LocalDate.of(1900, 3, 1);
        LunarDate previous = LunarCalendar.toLunar(day.minusDays(1));
        while (day.getYear() <= 2199) {
            LunarDate lunar = LunarCalendar.toLunar(day);
            assertThat(LunarCalendar.toSolar(lunar)).contains(day);
            boolean nextDay = lunar.day() == previous.day() + 1 && lunar.month() == previous.month() && lunar.leapMonth() == previous.leapMonth();
            boolean newMonth = lunar.day() == 1 && previous.day() >= 29;
            assertThat(nextDay || newMonth).as("%s follows %s", lunar, previous).isTrue();
            previous = lunar;
            day = day.plusDays(1);
        }
    }
}
