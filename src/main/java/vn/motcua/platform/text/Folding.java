package vn.motcua.platform.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese text compared the way people type it: without diacritics, case or repeated spaces, so "Ủy ban nhân
 * dân xã", "uy ban nhan dan xa" and "UỶ BAN NHÂN DÂN XÃ" (old-style tone placement) are one name.
 */
public final class Folding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Folding() {
    }

    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        return SPACES.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code text} contains {@code wanted}, both folded; a blank {@code wanted} matches everything. */
    public static boolean contains(String text, String wanted) {
        return wanted.isBlank() || fold(text).contains(fold(wanted));
    }
}
