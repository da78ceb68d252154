package vn.motcua.dossier.slip;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class VietnameseDatesTests {

    // Decree 30/2020/NĐ-CP Annex I: a day below 10 and the months 1 and 2 take a leading zero; times in Vietnam (UTC+7).
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2027-03-12T08:30:00Z | 15 giờ 30 phút, ngày 12 tháng 3 năm 2027
            2026-12-01T02:15:00Z | 9 giờ 15 phút, ngày 01 tháng 12 năm 2026
            2026-02-05T01:05:00Z | 8 giờ 05 phút, ngày 05 tháng 02 năm 2026
            2026-01-09T10:00:00Z | 17 giờ 00 phút, ngày 09 tháng 01 năm 2026
            2026-09-02T00:00:00Z | 7 giờ 00 phút, ngày 02 tháng 9 năm 2026
            2026-10-10T06:45:00Z | 13 giờ 45 phút, ngày 10 tháng 10 năm 2026
            2026-12-31T17:30:00Z | 0 giờ 30 phút, ngày 01 tháng 01 năm 2027
            2026-06-30T16:59:00Z | 23 giờ 59 phút, ngày 30 tháng 6 năm 2026
            """)
    void writesAMomentAsPeopleReadIt(Instant at, String words) {
        assertThat(VietnameseDates.timeAndDate(at)).isEqualTo(words);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2026-12-01 | ngày 01 tháng 12 năm 2026
            2026-03-01 | ngày 01 tháng 3 năm 2026
            2026-02-28 | ngày 28 tháng 02 năm 2026
            2027-01-31 | ngày 31 tháng 01 năm 2027
            2026-11-30 | ngày 30 tháng 11 năm 2026
            """)
    void writesADayWithTheLeadingZerosOfDecree30(LocalDate day, String words) {
        assertThat(VietnameseDates.date(day)).isEqualTo(words);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Đà Lạt    | 2026-12-01T01:00:00Z | Đà Lạt, ngày 01 tháng 12 năm 2026
            Lâm Đồng  | 2026-11-30T17:00:00Z | Lâm Đồng, ngày 01 tháng 12 năm 2026
            Phan Thiết | 2026-11-30T16:59:59Z | Phan Thiết, ngày 30 tháng 11 năm 2026
            """)
    void datesTheDocumentOnVietnamsDay(String place, Instant at, String line) {
        assertThat(VietnameseDates.placeAndDate(place, at)).isEqualTo(line);
    }
}
