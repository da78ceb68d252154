package vn.motcua.platform.text;

/**
 * Text that arrives from outside never holds control characters other than tab, line feed and carriage return.
 * PostgreSQL refuses U+0000 in every text column (a request carrying one would fail deep inside, as a fault), and the
 * other C0 controls are never typed by a person: they are refused where text enters, as bad input.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** The index of the first forbidden character of {@code text}, or -1 when there is none. */
    public static int firstForbidden(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
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
