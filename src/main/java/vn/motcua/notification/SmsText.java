package vn.motcua.notification;

import java.text.BreakIterator;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A text message fitted to what phones carry. Vietnamese letters with diacritics are not in the GSM 7-bit alphabet, so
 * such a message goes as UCS-2: 70 characters in one part, 67 a part when it takes several (160 and 153 in GSM 7-bit).
 * The text is NFC first (a decomposed "ệ" would take three characters and could be cut between its marks); a text
 * longer than the allowed parts is cut at a word, never inside a letter, and ends with "…". Unaccented, the text drops
 * its diacritics (đ → d) and goes as GSM 7-bit, which some gateways and contracts require.
 *
 * @param parts    how many SMS parts the text takes
 * @param encoding {@code GSM7} or {@code UCS2}
 */
public record SmsText(String text, int parts, String encoding) {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** The GSM 03.38 basic alphabet (one septet each); the extension table's characters take two. */
    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€";

    static SmsText fit(String text, boolean unaccented, int maxParts) {
        String t = Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
        if (unaccented) {
            t = unaccent(t);
        }
        boolean gsm = isGsm(t);
        int single = gsm ? 160 : 70;
        int multi = gsm ? 153 : 67;
        int limit = maxParts <= 1 ? single : multi * maxParts;
        if (units(t, gsm) > limit) {
            t = cut(t, limit - (gsm ? 3 : 1), gsm) + (gsm ? "..." : "…");
        }
        int length = units(t, gsm);
        int parts = length <= single ? 1 : (length + multi - 1) / multi;
        return new SmsText(t, parts, gsm ? "GSM7" : "UCS2");
    }

    /** "Hồ sơ đã được tiếp nhận" → "Ho so da duoc tiep nhan"; what is still outside GSM 7-bit becomes "?". */
    static String unaccent(String text) {
        String bare = MARKS.matcher(Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)).replaceAll("");
        var out = new StringBuilder(bare.length());
        bare.codePoints().forEach(c -> out.append(c < 0x10000 && (GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0) ? Character.toString(c) : "?"));
        return out.toString();
    }

    private static boolean isGsm(String text) {
        return text.chars().allMatch(c -> GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0);
    }

    /** Septets (GSM 7-bit) or UTF-16 code units (UCS-2; a character outside the BMP takes two). */
    private static int units(String text, boolean gsm) {
        return gsm ? text.length() + (int) text.chars().filter(c -> GSM_EXTENSION.indexOf(c) >= 0).count() : text.length();
    }

    /** The longest start of {@code text} within {@code limit} units that ends between two letters, at a space if one is near. */
    private static String cut(String text, int limit, boolean gsm) {
        BreakIterator letters = BreakIterator.getCharacterInstance(Locale.forLanguageTag("vi"));
        letters.setText(text);
        int end = 0;
        for (int b = letters.next(); b != BreakIterator.DONE && units(text.substring(0, b), gsm) <= limit; b = letters.next()) {
            end = b;
        }
        int space = text.lastIndexOf(' ', end);
        if (space > end * 2 / 3) {
            end = space;
        }
        return text.substring(0, end).stripTrailing();
    }
}
