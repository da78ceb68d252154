package vn.motcua.calendar;

/** What a day is for civil servants. Only WEEKDAY and MAKEUP_WORKDAY are working days. */
public enum DayKind {
    /** Monday to Friday, nothing announced. */
    WEEKDAY(true),
    /** Saturday or Sunday, nothing announced. */
    WEEKEND(false),
    /** A public holiday of Labor Code 2019 Art. 112 (may fall on a weekend, to record where a compensatory day comes from). */
    HOLIDAY(false),
    /** A day off in place of a holiday that fell on a weekly rest day (Art. 111(3)). */
    COMPENSATORY(false),
    /** A weekday given off in exchange for a make-up Saturday (hoán đổi ngày làm việc). */
    SWAPPED_OFF(false),
    /** A Saturday worked to make up a swapped day (ngày làm bù). */
    MAKEUP_WORKDAY(true);

    private final boolean working;

    DayKind(boolean working) {
        this.working = working;
    }

    public boolean working() {
        return working;
    }

    /** Kinds an announcement may list; WEEKDAY and WEEKEND are what every other day is. */
    public boolean announceable() {
        return this != WEEKDAY && this != WEEKEND;
    }
}
