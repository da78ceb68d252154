package vn.motcua.calendar;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HolidayRulesTests {

    static final List<StatutoryHoliday> LABOR_CODES = TestCalendars.statutory();

    // Labor Code 2019 Art. 112: 11 days; Art. 111(3): a holiday on a weekly rest day gives a day off on the next working day.
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // 2027: Tết Đinh Mùi Sat 6/2 → eve Fri 5/2 + 6-9/2; Sat 6 and Sun 7 give 10 and 11/2; Giỗ Tổ Fri 16/4;
            // 30/4 Fri; 1/5 Sat → Mon 3/5; 2/9 Thu with 3/9.
            "2027|2027-01-01 H, 2027-02-05 H, 2027-02-06 H, 2027-02-07 H, 2027-02-08 H, 2027-02-09 H, 2027-02-10 C, 2027-02-11 C, "
                    + "2027-04-16 H, 2027-04-30 H, 2027-05-01 H, 2027-05-03 C, 2027-09-02 H, 2027-09-03 H",
            // 2028: 1/1 Sat → Mon 3/1; Tết Mậu Thân Wed 26/1 → 25-29/1; Giỗ Tổ Tue 4/4; 30/4 Sun → Tue 2/5 (1/5 Mon is a holiday);
            // 2/9 Sat with 1/9 Fri → Mon 4/9.
            "2028|2028-01-01 H, 2028-01-03 C, 2028-01-25 H, 2028-01-26 H, 2028-01-27 H, 2028-01-28 H, 2028-01-29 H, 2028-01-31 C, "
                    + "2028-04-04 H, 2028-04-30 H, 2028-05-01 H, 2028-05-02 C, 2028-09-01 H, 2028-09-02 H, 2028-09-04 C",
            // 2019, under Labor Code 2012: Quốc khánh was one day only
            "2019|2019-01-01 H, 2019-02-04 H, 2019-02-05 H, 2019-02-06 H, 2019-02-07 H, 2019-02-08 H, 2019-04-14 H, 2019-04-15 C, "
                    + "2019-04-30 H, 2019-05-01 H, 2019-09-02 H"})
    void derivesTheYearFromTheLaborCodeInForce(int year, String expected) {
        var derived = HolidayRules.derive(year, LABOR_CODES).stream()
                .map(d -> d.date() + " " + d.kind().name().charAt(0))
                .toList();
        assertThat(derived).containsExactly(expected.split(", "));
    }
}
