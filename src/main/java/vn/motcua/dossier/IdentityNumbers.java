package vn.motcua.dossier;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks of the numbers an applicant gives at the desk. They catch a mistyped number; they cannot prove that a
 * number was issued (only the national population database can, later through its adapter).
 *
 * <ul>
 *   <li><b>Citizen ID number</b> (số định danh cá nhân, printed on the căn cước card; Circular 59/2021/TT-BCA Art. 7,
 *   carried from 07/2016/TT-BCA): 12 digits = the 3-digit code of the province where the birth was registered
 *   (one of the 63 pre-2025 codes, which stay on every number already issued) + 1 digit for century and sex
 *   (0/1 born 1900-1999, 2/3 2000-2099, 4/5 2100-2199, 6/7 2200-2299, 8/9 2300-2399; even = male) + the last two
 *   digits of the birth year + 6 digits. When a date of birth is given too, century and year must agree.</li>
 *   <li><b>Tax code</b> (mã số thuế; Circular 105/2020/TT-BTC Art. 5): 10 digits whose tenth is the check digit
 *   {@code 10 - (31·d1 + 29·d2 + 23·d3 + 19·d4 + 17·d5 + 13·d6 + 7·d7 + 5·d8 + 3·d9) mod 11}, optionally followed by
 *   {@code -NNN} for a dependent unit (branch); since 1/7/2025 an individual's or household business's tax code is
 *   the 12-digit citizen ID number (Circular 86/2024/TT-BTC), which is accepted too.</li>
 * </ul>
 */
public final class IdentityNumbers {

    /** Birth-registration province codes of the 63 provinces before the 2025 merger (TT 07/2016/TT-BCA, Annex). */
    static final Set<String> PROVINCE_CODES = Set.of("001", "002", "004", "006", "008", "010", "011", "012", "014", "015",
            "017", "019", "020", "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038",
            "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060", "062", "064", "066",
            "067", "068", "070", "072", "074", "075", "077", "079", "080", "082", "083", "084", "086", "087", "089", "091",
            "092", "093", "094", "095", "096");
    private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");
    private static final Pattern TAX_CODE = Pattern.compile("(\\d{10})(-\\d{3})?");
    private static final int[] TAX_WEIGHTS = {31, 29, 23, 19, 17, 13, 7, 5, 3};

    private IdentityNumbers() {
    }

    /** What is wrong with a citizen ID number, in words for the officer; empty when it is well-formed. */
    public static Optional<String> citizenIdProblem(String number, @Nullable LocalDate dateOfBirth) {
        if (!TWELVE_DIGITS.matcher(number).matches()) {
            return Optional.of("Số định danh cá nhân phải có đúng 12 chữ số.");
        }
        if (!PROVINCE_CODES.contains(number.substring(0, 3))) {
            return Optional.of("Ba chữ số đầu (" + number.substring(0, 3) + ") không phải mã tỉnh nơi đăng ký khai sinh.");
        }
        if (dateOfBirth != null) {
            int centuryDigit = number.charAt(3) - '0';
            int century = 1900 + 100 * (centuryDigit / 2);
            int year = century + Integer.parseInt(number.substring(4, 6));
            if (year != dateOfBirth.getYear()) {
                return Optional.of("Số định danh cho năm sinh " + year + ", không khớp ngày sinh đã nhập (năm "
                        + dateOfBirth.getYear() + ").");
            }
        }
        return Optional.empty();
    }

    /** What is wrong with a tax code; empty when it is well-formed. */
    public static Optional<String> taxCodeProblem(String code) {
        if (TWELVE_DIGITS.matcher(code).matches()) {
            return citizenIdProblem(code, null).map(p -> "Mã số thuế 12 số là số định danh cá nhân: " + p);
        }
        var m = TAX_CODE.matcher(code);
        if (!m.matches()) {
            return Optional.of("Mã số thuế gồm 10 chữ số (đơn vị phụ thuộc: 10 chữ số, dấu gạch ngang và 3 chữ số), hoặc 12 chữ số của số định danh cá nhân.");
        }
        String digits = m.group(1);
        int total = 0;
        for (int i = 0; i < 9; i++) {
            total += TAX_WEIGHTS[i] * (digits.charAt(i) - '0');
        }
        int check = 10 - total % 11;
        if (check != digits.charAt(9) - '0') {
            return Optional.of("Mã số thuế không đúng chữ số kiểm tra: có thể đã gõ nhầm một chữ số.");
        }
        return Optional.empty();
    }
}
