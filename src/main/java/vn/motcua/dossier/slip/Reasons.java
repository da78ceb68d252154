package vn.motcua.dossier.slip;

import java.util.regex.Pattern;

/**
 * Whether a reason is written in words, as every slip must give it (vn-rules §5.2: never a technical error code):
 * two words next to each other, one of them of two letters or more ("Đồng ý dừng", "Bản chụp mờ", "Thiếu giấy khai
 * sinh"), where "DOCUMENT_MISSING", "dossier.invalid-id", "E42", "test" or "OK" are not. One rule for the desk, the
 * processing actions and the slips, so that what a form accepts a slip prints.
 */
public final class Reasons {

    private static final Pattern IN_WORDS = Pattern.compile("\\p{L}{2,}+\\s++\\p{L}++|\\p{L}++\\s++\\p{L}{2,}+");
    /** Only the start is searched: the pattern's cost grows with the square of a run without spaces. */
    private static final int SEARCHED = 4000;

    private Reasons() {
    }

    public static boolean inWords(String text) {
        return IN_WORDS.matcher(text.length() > SEARCHED ? text.substring(0, SEARCHED) : text).find();
    }
}
