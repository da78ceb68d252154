package vn.motcua.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A catalog search: free text (words with or without diacritics, abbreviations, a code) and filters.
 *
 * @param agency part of the implementing or competent agency's name
 * @param scope  which procedures rank first (default: the province's and communes' own)
 */
public record ProcedureSearch(@Nullable String text, @Nullable String field, @Nullable ProcedureLevel level,
                              @Nullable String agency, @Nullable OnlineLevel onlineLevel, int limit, int offset,
                              ProcedureScope scope) {

    public ProcedureSearch(@Nullable String text, @Nullable String field, @Nullable ProcedureLevel level,
                           @Nullable String agency, @Nullable OnlineLevel onlineLevel, int limit, int offset) {
        this(text, field, level, agency, onlineLevel, limit, offset, ProcedureScope.LOCAL_FIRST);
    }

    /** Longer questions are not searches but attempts to make the index work hard (Lucene's clause limit). */
    static final int MAX_WORDS = 32;
    static final int MAX_CHARS = 500;
    /** Nobody pages past the first ten thousand hits; the index would have to rank them all. */
    static final int MAX_OFFSET = 10_000;

    public ProcedureSearch {
        scope = scope == null ? ProcedureScope.LOCAL_FIRST : scope;
        limit = Math.clamp(limit, 1, 200);
        offset = Math.max(0, offset);
        if (text != null && (text.length() > MAX_CHARS || text.strip().split("\\s+").length > MAX_WORDS)) {
            throw CatalogProblem.queryTooLong(MAX_WORDS, MAX_CHARS);
        }
        if (offset > MAX_OFFSET) {
            throw CatalogProblem.pageTooFar(MAX_OFFSET);
        }
    }

    public static ProcedureSearch text(String text, int limit) {
        return new ProcedureSearch(text, null, null, null, null, limit, 0);
    }
}
