package vn.motcua.calendar;

/** How a WORKING_DAY appointment is stated (rules digest §4.2: provinces differ, so it is data). */
public enum RoundingPolicy {
    /** The same time of day, N working days later (received Monday 09:00, one day → Tuesday 09:00). */
    EXACT_HOURS,
    /** The end of office hours on the N-th working day. */
    END_OF_DAY
}
