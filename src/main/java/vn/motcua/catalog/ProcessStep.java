package vn.motcua.catalog;

import org.jspecify.annotations.Nullable;

/**
 * One step of an internal process (rules digest §2.5): who does it, in which unit, within how long, on which
 * form, whether it may ask the applicant for more documents or propose a refusal. Steps sharing a
 * {@code parallelGroup} run at the same time (consultations of several agencies) and count once, by the longest.
 *
 * @param role     the organization role that performs it (DESK_OFFICER, SPECIALIST, UNIT_HEAD, SIGNER…)
 * @param timeUnit WORKING_DAY or WORKING_HOUR
 */
public record ProcessStep(String name, String role, @Nullable String unit, int duration, String timeUnit, @Nullable String form,
                          boolean maySupplement, boolean mayProposeRefusal, @Nullable String parallelGroup) {

    /** The step's budget in working hours (1 working day = 8 working hours, the convention of step budgets). */
    int hours() {
        return "WORKING_DAY".equals(timeUnit) ? duration * InternalProcesses.HOURS_PER_DAY : duration;
    }
}
