package vn.motcua.dossier.slip;

import org.jspecify.annotations.Nullable;


/** Checks on the texts a slip prints. */
final class Texts {

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
        if (!Reasons.inWords(text)) {
            throw new IllegalArgumentException(field + " must say the reason in words, not a code: " + text);
        }
        return text;
    }
}
