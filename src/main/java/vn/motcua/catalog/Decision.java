package vn.motcua.catalog;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A publishing decision (quyết định công bố TTHC) and its items. Drafted by a catalog officer, then applied
 * once: applying it creates the versions it announces.
 */
public record Decision(UUID id, String number, LocalDate decidedOn, String issuer, LocalDate effectiveDate, String source,
                       boolean applied, List<Item> items) {

    /** What a decision does to one procedure. */
    public enum Change {
        NEW, AMENDED, REPLACED, ABOLISHED
    }

    /**
     * @param record     the procedure as published (NEW, AMENDED); null for REPLACED and ABOLISHED
     * @param replacedBy for REPLACED, the code of the procedure that replaces it
     */
    public record Item(String code, Change change, @Nullable ProcedureRecord record, @Nullable String replacedBy) {
    }
}
