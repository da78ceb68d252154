package vn.motcua.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * What a procedure's public page shows on a day: the version in force; else, for a procedure abolished or replaced,
 * its last version and the decision that ended it; else, for one announced but not yet in force, the version to come.
 * A code printed on a QR at the desk thus always leads to a page that says what became of the procedure.
 */
public record ProcedurePage(ProcedureVersion version, Standing standing, List<ProcedureVersion> history) {

    /** Where the procedure stands on the day asked. */
    public enum Standing {
        IN_FORCE, ENDED, NOT_YET_IN_FORCE
    }

    static ProcedurePage of(List<ProcedureVersion> history, LocalDate day) {
        var inForce = history.stream().filter(v -> v.inForceOn(day)).reduce((a, b) -> b);
        if (inForce.isPresent()) {
            return new ProcedurePage(inForce.get(), Standing.IN_FORCE, history);
        }
        var last = history.stream().filter(v -> !v.validFrom().isAfter(day) && !v.supersededOnFirstDay()).reduce((a, b) -> b);
        if (last.isPresent()) {
            return new ProcedurePage(last.get(), Standing.ENDED, history);
        }
        var next = history.stream().filter(v -> v.validFrom().isAfter(day) && !v.supersededOnFirstDay()).findFirst()
                .orElse(history.getLast());
        return new ProcedurePage(next, Standing.NOT_YET_IN_FORCE, history);
    }
}
