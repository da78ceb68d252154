package vn.motcua.organization;

import java.util.regex.Pattern;

/**
 * An agency's electronic ID (mã định danh điện tử) per QĐ 20/2020/QĐ-TTg Art. 4: a level-1 group
 * {@code MX1X2} (M a letter A-Y, two digits), then dot-separated groups of 2-3 characters for each lower
 * level, read left to right, at most 35 characters. Example: {@code H36.01.02}.
 */
public record ElectronicId(String value) {

    static final int MAX_LENGTH = 35;
    private static final Pattern FORMAT = Pattern.compile("[A-Y]\\d{2}(\\.[0-9A-Z]{2,3})*");

    public ElectronicId {
        if (!isValid(value)) {
            throw new InvalidElectronicId(value);
        }
        value = value.strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** Whether {@code raw} (trimmed, any case) is an electronic ID of this form. */
    public static boolean isValid(String raw) {
        String value = raw.strip().toUpperCase(java.util.Locale.ROOT);
        return value.length() <= MAX_LENGTH && FORMAT.matcher(value).matches();
    }

    /** The level-1 group, which names the province or ministry, for example {@code H36}. */
    public String root() {
        int dot = value.indexOf('.');
        return dot < 0 ? value : value.substring(0, dot);
    }

    @Override
    public String toString() {
        return value;
    }
}
