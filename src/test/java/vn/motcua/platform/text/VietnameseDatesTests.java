package vn.motcua.platform.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.motcua.platform.web.VietnameseDates;

import java.text.ParseException;
import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Dates typed on pages as officials write them, the same in every browser language. */
class VietnameseDatesTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"01/07/2025,2025-07-01", "1/7/2025,2025-07-01", "29/02/2024,2024-02-29", "01-07-2025,2025-07-01",
            "01.07.2025,2025-07-01", "2025-07-01,2025-07-01", "' 31/12/2026 ',2026-12-31"})
    void readsDayMonthYear(String written, LocalDate expected) throws ParseException {
        assertThat(new VietnameseDates().parse(written, Locale.US)).isEqualTo(expected);
        assertThat(new VietnameseDates().parse(written, Locale.forLanguageTag("vi"))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"29/02/2025", "31/04/2026", "07/01", "2025/07/01", "13/13/2025", "hôm nay"})
    void refusesWhatIsNotADay(String written) {
        assertThatThrownBy(() -> new VietnameseDates().parse(written, Locale.US)).isInstanceOf(ParseException.class);
    }

    @Test
    void printsDayFirstWhateverTheLocale() {
        assertThat(new VietnameseDates().print(LocalDate.of(2025, 7, 1), Locale.US)).isEqualTo("01/07/2025");
        assertThat(new VietnameseDates().print(LocalDate.of(2025, 7, 1), Locale.forLanguageTag("en-GB"))).isEqualTo("01/07/2025");
    }
}
