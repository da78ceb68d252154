package vn.motcua.organization;

import java.util.List;

/**
 * The outcome of an agency CSV import. When {@code rejected} is not empty nothing was applied.
 *
 * @param created   agencies new to the province
 * @param updated   agencies whose name, type, parent or validity changed
 * @param unchanged rows identical to what is stored (importing a file twice changes nothing)
 */
public record ImportReport(int created, int updated, int unchanged, List<RejectedRow> rejected) {

    public boolean applied() {
        return rejected.isEmpty();
    }

    /** A CSV line (1 = the header) that was not accepted, and why. */
    public record RejectedRow(int row, String electronicId, String reason) {
    }
}
