package vn.motcua.catalog;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * One version of a procedure: what it said from {@code validFrom} to {@code validTo}, the decision that published it
 * and, once closed, the decision that ended it. The decision's number, date and issuer are null where its source
 * does not state them. A version that a second decision of the same effective day superseded has
 * {@code validTo = validFrom - 1}: it was never in force, and is shown as superseded, not as a period.
 */
public record ProcedureVersion(String code, int versionNo, LocalDate validFrom, @Nullable LocalDate validTo, @Nullable String decisionNumber,
                               @Nullable LocalDate decisionDate, @Nullable String decisionIssuer, ProcedureRecord record,
                               @Nullable String decisionSourceFile, @Nullable Ending ending) {

    public ProcedureVersion(String code, int versionNo, LocalDate validFrom, @Nullable LocalDate validTo, @Nullable String decisionNumber,
                            @Nullable LocalDate decisionDate, @Nullable String decisionIssuer, ProcedureRecord record) {
        this(code, versionNo, validFrom, validTo, decisionNumber, decisionDate, decisionIssuer, record, null, null);
    }

    /**
     * The decision that closed this version: what it did to the procedure ({@code change}), from when
     * ({@code effectiveDate}), and the procedure that replaces it for REPLACED.
     */
    public record Ending(@Nullable String decisionNumber, @Nullable LocalDate decisionDate, @Nullable String decisionIssuer,
                         @Nullable String decisionSourceFile, LocalDate effectiveDate, Decision.Change change, @Nullable String replacedBy) {
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    /** Closed by a decision effective on its own first day: it never was in force. */
    public boolean supersededOnFirstDay() {
        return validTo != null && validTo.isBefore(validFrom);
    }

    /** Ended by a decision that abolished the procedure or replaced it by another one. */
    public boolean endsTheProcedure() {
        return ending != null && (ending.change() == Decision.Change.ABOLISHED || ending.change() == Decision.Change.REPLACED);
    }
}
