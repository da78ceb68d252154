package vn.motcua.catalog;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A publishing decision (quyết định công bố TTHC) and its items. Drafted by a catalog officer, then applied
 * once: applying it creates the versions it announces.
 *
 * <p>{@code number}, {@code decidedOn} and {@code issuer} are what the decision's source states, and null where it
 * states nothing (the national export gives decision numbers but no dates; a province's listing names no decision).
 * An imported decision names the file it came from ({@code sourceFile}); its {@code effectiveDate} is the day it was
 * recorded in motcua, since the sources do not state one either.
 *
 * @param revision counts the edits of a draft, so a preview can tell that the draft changed after it was shown
 */
public record Decision(UUID id, @Nullable String number, @Nullable LocalDate decidedOn, @Nullable String issuer, LocalDate effectiveDate,
                       String source, boolean applied, List<Item> items, @Nullable String sourceFile, int revision) {

    public Decision(UUID id, @Nullable String number, @Nullable LocalDate decidedOn, @Nullable String issuer, LocalDate effectiveDate,
                    String source, boolean applied, List<Item> items) {
        this(id, number, decidedOn, issuer, effectiveDate, source, applied, items, null, 0);
    }

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

    /** How people name the decision: its number, or the file it was imported from when the source names none. */
    public String label() {
        return number != null ? number : sourceFile != null ? "(" + sourceFile + ")" : id.toString();
    }

    public boolean imported() {
        return "IMPORT".equals(source);
    }
}
