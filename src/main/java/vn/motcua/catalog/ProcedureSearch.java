package vn.motcua.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A catalog search: free text (words with or without diacritics, abbreviations, a code) and filters.
 *
 * @param agency part of the implementing or competent agency's name
 */
public record ProcedureSearch(@Nullable String text, @Nullable String field, @Nullable ProcedureLevel level,
                              @Nullable String agency, @Nullable OnlineLevel onlineLevel, int limit, int offset) {

    public ProcedureSearch {
        limit = Math.clamp(limit, 1, 200);
        offset = Math.max(0, offset);
    }

    public static ProcedureSearch text(String text, int limit) {
        return new ProcedureSearch(text, null, null, null, null, limit, 0);
    }
}
