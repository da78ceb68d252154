package vn.motcua.platform.text;

/**
 * Text that arrives from outside never holds control characters other than tab, line feed and carriage return.
 * PostgreSQL refuses U+0000 in every text column (a request carrying one would fail deep inside, as a fault), and the
 * other C0 controls are never typed by a person: they are refused where text enters, as bad input. So are the
 * bidirectional embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069), which turn a name around on
 * the page and the slip ("\u202eNguyễn Văn An" shows as "nA năV nễyugN"), and a lone surrogate, which is no character
 * at all (it would be stored as "?"). Zero-width characters and C1 controls are left alone: the national catalog's
 * texts carry some, and they change no meaning a reader sees.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** The index of the first forbidden character of {@code text}, or -1 when there is none. */
    public static int firstForbidden(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069) {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++; // a pair: one character outside the basic plane (an emoji), allowed
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** How the character at {@code index} is named in a message: "U+0000". */
    public static String describe(CharSequence text, int index) {
        return String.format("U+%04X", (int) text.charAt(index));
    }
}
