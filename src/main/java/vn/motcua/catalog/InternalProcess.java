package vn.motcua.catalog;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

/** A version of a procedure's internal process, approved by a decision, for one agency or (agency null) all. */
public record InternalProcess(String code, @Nullable String agencyElectronicId, int versionNo, String decisionNumber,
                              LocalDate decisionDate, LocalDate validFrom, @Nullable LocalDate validTo, List<ProcessStep> steps) {

    /** Working hours the process takes: sequential steps add up, a parallel group counts by its longest step. */
    public int totalHours() {
        return InternalProcesses.totalHours(steps);
    }
}
