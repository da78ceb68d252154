package vn.motcua.organization;

import java.util.regex.Pattern;

/**
 * An agency's electronic ID (mã định danh điện tử) per QĐ 20/2020/QĐ-TTg Art. 4: a level-1 group
 * {@code MX1X2} (M a letter A-Y, two digits), then dot-separated groups of 2-3 characters for each lower
 * level, read left to right, at most 35 characters. Example: {@code H36.01.02}.
 */
public record ElectronicId(String value) {

    static final int MAX_LENGTH = 35;

    /** Group by group, numeric groups by value: H36, H36.10, H36.50, H36.50.01, H36.201. */
    public static final java.util.Comparator<String> ORDER = (a, b) -> {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].chars().allMatch(Character::isDigit) && y[i].chars().allMatch(Character::isDigit)
                    ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    };
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
