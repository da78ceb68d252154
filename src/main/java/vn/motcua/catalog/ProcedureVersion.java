package vn.motcua.catalog;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/** One version of a procedure: what it said from {@code validFrom} to {@code validTo}, and the decision that published it. */
public record ProcedureVersion(String code, int versionNo, LocalDate validFrom, @Nullable LocalDate validTo, String decisionNumber,
                               LocalDate decisionDate, String decisionIssuer, ProcedureRecord record) {

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}
