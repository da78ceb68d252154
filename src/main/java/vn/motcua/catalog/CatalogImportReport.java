package vn.motcua.catalog;

import java.util.List;

/**
 * What an import did. Rows that can never be imported (test rows, codes that are not national codes, a code
 * repeated in the file) are {@code rejected} and skipped (a malformed row refuses the whole file instead:
 * {@link CatalogUploads}); {@code notes} say what was imported
 * with a caveat (a suffixed code, a time without a unit, an unknown field). The rest is applied in one transaction.
 */
public record CatalogImportReport(int created, int updated, int unchanged, List<Line> rejected, List<Line> notes) {

    /** A row of the file (1 = the first line) and what about it. */
    public record Line(int row, String code, String reason) {
    }
}
