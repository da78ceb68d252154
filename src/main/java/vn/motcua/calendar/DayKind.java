package vn.motcua.calendar;

import vn.motcua.platform.text.NamedValues;

import java.util.List;
import java.util.Optional;

/**
 * What a day is for civil servants. Only WEEKDAY and MAKEUP_WORKDAY are working days. Next to each constant, the
 * names an announcement file may use for it instead of the code (diacritics, case and punctuation aside).
 */
public enum DayKind {
    /** Monday to Friday, nothing announced. */
    WEEKDAY(true, "Ngày làm việc"),
    /** Saturday or Sunday, nothing announced. */
    WEEKEND(false, "Cuối tuần"),
    /** A public holiday of Labor Code 2019 Art. 112 (may fall on a weekend, to record where a compensatory day comes from). */
    HOLIDAY(false, "Nghỉ lễ, Tết", "Nghỉ lễ", "Nghỉ Tết", "Ngày lễ", "Lễ", "Tết"),
    /** A day off in place of a holiday that fell on a weekly rest day (Art. 111(3)). */
    COMPENSATORY(false, "Nghỉ bù", "Ngày nghỉ bù"),
    /** A weekday given off in exchange for a make-up Saturday (hoán đổi ngày làm việc). */
    SWAPPED_OFF(false, "Nghỉ hoán đổi", "Hoán đổi", "Ngày nghỉ hoán đổi", "Nghỉ hoán đổi ngày làm việc"),
    /** A Saturday worked to make up a swapped day (ngày làm bù). */
    MAKEUP_WORKDAY(true, "Làm bù", "Ngày làm bù", "Làm việc bù");

    private final boolean working;
    private final List<String> vietnameseNames;

    DayKind(boolean working, String... vietnameseNames) {
        this.working = working;
        this.vietnameseNames = List.of(vietnameseNames);
    }

    /** The names a file may use for this kind, the one the calendar page shows first. */
    public List<String> vietnameseNames() {
        return vietnameseNames;
    }

    private static final NamedValues<DayKind> NAMES = new NamedValues<>(List.of(values()), DayKind::vietnameseNames);
    private static final NamedValues<DayKind> ANNOUNCEABLE = new NamedValues<>(
            java.util.Arrays.stream(values()).filter(DayKind::announceable).toList(), DayKind::vietnameseNames);

    /** The kind written as its code or one of its Vietnamese names. */
    public static Optional<DayKind> fromWritten(String written) {
        return NAMES.find(written);
    }

    /** What an announcement may write, for error messages. */
    static String announceableNames() {
        return ANNOUNCEABLE.accepted();
    }

    public boolean working() {
        return working;
    }

    /** Kinds an announcement may list; WEEKDAY and WEEKEND are what every other day is. */
    public boolean announceable() {
        return this != WEEKDAY && this != WEEKEND;
    }
}
