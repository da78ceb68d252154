package vn.motcua.dossier.slip;

import org.jspecify.annotations.Nullable;

import java.util.regex.Pattern;

/** Checks on the texts a slip prints. */
final class Texts {

    /** Two words of letters at least: "DOCUMENT_MISSING", "dossier.invalid-id" or "E42" are codes, not reasons. */
    private static final Pattern IN_WORDS = Pattern.compile("\\p{L}{2,}\\s+\\p{L}{2,}");

    private Texts() {
    }

    static String required(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value.strip();
    }

    static @Nullable String optional(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String inWords(@Nullable String value, String field) {
        String text = required(value, field);
        if (!IN_WORDS.matcher(text).find()) {
            throw new IllegalArgumentException(field + " must say the reason in words, not a code: " + text);
        }
        return text;
    }
}
