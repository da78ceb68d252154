package vn.motcua.catalog;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A version of a procedure's internal process, approved by a decision, for one agency (named by its stable id,
 * the organization module's agency id) or, when {@code agencyId} is null, for all.
 */
public record InternalProcess(String code, @Nullable UUID agencyId, int versionNo, String decisionNumber,
                              LocalDate decisionDate, LocalDate validFrom, @Nullable LocalDate validTo, List<ProcessStep> steps) {
}
