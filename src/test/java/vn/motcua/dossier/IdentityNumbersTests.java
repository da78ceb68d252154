package vn.motcua.dossier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Citizen ID numbers (TT 59/2021/TT-BCA Art. 7) and tax codes (TT 105/2020/TT-BTC Art. 5; TT 86/2024/TT-BTC). */
class IdentityNumbersTests {

    @ParameterizedTest(name = "{0} born {1}: {2}")
    @CsvSource(value = {
            "068090012345, 1990-05-17, ok",             // Lâm Đồng, male born 1990
            "001195000001, 1995-01-01, ok",             // Hà Nội, female (1) born 1995
            "079205001234, 2005-12-31, ok",             // TP HCM, male born 2005 (century digit 2)
            "079305001234, 2005-12-31, ok",             // female born 2005 (century digit 3)
            "068090012345, null, ok",                    // no date of birth to compare
            "068090012345, 1991-05-17, year",            // says 1990
            "068290012345, 1990-05-17, year",            // century digit 2 means 2090
            "003090012345, 1990-05-17, province",        // 003 is no province code
            "06809001234, null, digits",                 // 11 digits
            "06809001234X, null, digits",
            "0680 9001 2345, null, digits"}, nullValues = "null")
    void citizenIdNumbers(String number, LocalDate born, String expected) {
        var problem = IdentityNumbers.citizenIdProblem(number, born);
        switch (expected) {
            case "ok" -> assertThat(problem).isEmpty();
            case "year" -> assertThat(problem).get().asString().contains("năm sinh");
            case "province" -> assertThat(problem).get().asString().contains("mã tỉnh");
            default -> assertThat(problem).get().asString().contains("12 chữ số");
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "0314409058, true",          // the worked example of the MST check digit: 332 mod 11 = 2, 10 - 2 = 8
            "0314409058-002, true",      // a dependent unit of it
            "0314409057, false",         // one digit mistyped
            "0314409058-02, false",
            "031440905, false",
            "068090012345, true",        // since 1/7/2025 an individual's ID number is their tax code
            "003090012345, false"})
    void taxCodes(String code, boolean valid) {
        assertThat(IdentityNumbers.taxCodeProblem(code).isEmpty()).isEqualTo(valid);
    }

    @Test
    void aCheckDigitOfTenMeansNoValidCode() {
        // Σ = 0 mod 11 would need a check digit of 10: no 10-digit code ends so. 0000000000: Σ = 0 → 10.
        assertThat(IdentityNumbers.taxCodeProblem("0000000000")).isPresent();
    }

    @Test
    void namesAreMaskedButTheFamilyNameStays() {
        assertThat(citizen("Nguyễn Văn An").maskedName()).isEqualTo("Nguyễn V** A*");
        assertThat(citizen("Đặng Thị Hồng Nhung").maskedName()).isEqualTo("Đặng T** H*** N****");
        assertThat(citizen("Lê").maskedName()).isEqualTo("L*");
        var company = new Applicant(Applicant.Type.ORGANIZATION, "Công ty TNHH Đà Lạt Xanh", null, null, null, null, null, "0314409058", null);
        assertThat(company.maskedName()).isEqualTo("Công ty TNHH Đà Lạt Xanh");
    }

    private static Applicant citizen(String name) {
        return new Applicant(Applicant.Type.CITIZEN, name, "068090012345", null, null, null, null, null, null);
    }
}
