package vn.motcua.catalog;

import org.jspecify.annotations.Nullable;
import vn.motcua.calendar.DurationUnit;

/**
 * One step of an internal process (rules digest §2.5): who does it, in which unit, within how long, on which
 * form, whether it may ask the applicant for more documents or propose a refusal. Steps sharing a
 * {@code parallelGroup} run at the same time (consultations of several agencies) and end with the longest.
 * A step's budget is counted by the working calendar in the office hours of the agency that follows the process.
 *
 * @param role     the organization role that performs it (DESK_OFFICER, SPECIALIST, UNIT_HEAD, SIGNER…)
 * @param timeUnit WORKING_DAY or WORKING_HOUR (steps run in working time)
 */
public record ProcessStep(String name, String role, @Nullable String unit, int duration, @Nullable DurationUnit timeUnit,
                          @Nullable String form, boolean maySupplement, boolean mayProposeRefusal, @Nullable String parallelGroup) {
}
