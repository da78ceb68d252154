package vn.motcua.calendar;

/** Units of statutory time limits (rules digest §4.1; Decree 63/2010 Art. 8 makes the limit part of every procedure). */
public enum DurationUnit {
    /** Ngày làm việc: Monday-Friday and make-up Saturdays, less holidays and days off. */
    WORKING_DAY,
    /** Giờ làm việc: counted only inside office hours. */
    WORKING_HOUR,
    /** Ngày (calendar days); a due day that is not a working day rolls forward to the next one. */
    CALENDAR_DAY,
    /** Trong ngày: the result is due the same working day, or the next one when received after the cut-off. */
    SAME_DAY,
    /** Tháng (calendar months, as some catalog entries state them); a due day that is not a working day rolls forward. */
    MONTH;

    /** Whether a step of an internal process may be budgeted in this unit (steps run in working time only). */
    public boolean countsWorkingTime() {
        return this == WORKING_DAY || this == WORKING_HOUR;
    }
}
