package vn.motcua.dossier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DossierCodeTests {

    /** Circular 03/2025 Art. 13: e-ID, receipt date YYMMDD, a daily sequence of at least four digits (vn-rules §3.2). */
    @ParameterizedTest
    @CsvSource({
            "H56.14, 2024-08-23, 1, H56.14-240823-0001",      // the peer's production example (Thanh Hóa)
            "H36.50, 2026-03-02, 42, H36.50-260302-0042",
            "H36.201.01, 2026-12-31, 9999, H36.201.01-261231-9999",
            "H36.50, 2027-01-01, 10000, H36.50-270101-10000", // widens when it overflows
    })
    void isTheAgencyTheDayAndTheSequence(String electronicId, LocalDate day, long sequence, String expected) {
        assertThat(DossierCode.of(electronicId, day, sequence).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"H36.50-260302-001", "h36.50-260302-0001", "H36.50-2603020-0001", "H36.50/260302/0001", "", "H3.50-260302-0001"})
    void refusesWhatIsNotACode(String value) {
        assertThat(DossierCode.isValid(value)).isFalse();
        assertThatThrownBy(() -> new DossierCode(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSequenceStartsAtOne() {
        assertThatThrownBy(() -> DossierCode.of("H36.50", LocalDate.of(2026, 3, 2), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
