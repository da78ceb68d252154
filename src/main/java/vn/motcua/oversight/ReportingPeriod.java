package vn.motcua.oversight;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * A month, quarter or year the index and the reports are computed for, written as the national portal writes it:
 * {@code 2026-03}, {@code 2026-Q1}, {@code 2026}. {@code from} is its first day, {@code until} the day after its last.
 */
public record ReportingPeriod(Kind kind, String text, LocalDate from, LocalDate until) {

    public enum Kind { MONTH, QUARTER, YEAR }

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    /**
     * The years a period may fall in: one-stop dossiers were not kept on information systems before 1990, and a
     * period past 2100 is a typing slip (year 0000 would print as "Tháng 1/0").
     */
    static final int FIRST_YEAR = 1990;
    static final int LAST_YEAR = 2100;

    /** @throws IllegalArgumentException with a Vietnamese message naming the accepted forms */
    public static ReportingPeriod parse(String text) {
        var period = parseForm(text);
        if (period.from.getYear() < FIRST_YEAR || period.from.getYear() > LAST_YEAR) {
            throw new IllegalArgumentException("Kỳ đánh giá \"" + text + "\" không hợp lệ: năm phải từ " + FIRST_YEAR + " đến " + LAST_YEAR);
        }
        return period;
    }

    private static ReportingPeriod parseForm(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT);
        var m = MONTH.matcher(t);
        if (m.matches()) {
            var month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            return new ReportingPeriod(Kind.MONTH, t, month.atDay(1), month.plusMonths(1).atDay(1));
        }
        m = QUARTER.matcher(t);
        if (m.matches()) {
            var first = YearMonth.of(Integer.parseInt(m.group(1)), 3 * Integer.parseInt(m.group(2)) - 2);
            return new ReportingPeriod(Kind.QUARTER, t, first.atDay(1), first.plusMonths(3).atDay(1));
        }
        m = YEAR.matcher(t);
        if (m.matches()) {
            int year = Integer.parseInt(m.group(1));
            return new ReportingPeriod(Kind.YEAR, t, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
        }
        throw new IllegalArgumentException("Kỳ đánh giá \"" + text + "\" không hợp lệ: ghi theo tháng (2026-03), quý (2026-Q1) hoặc năm (2026)");
    }

    /** The period's last day: the rules in force on it are the rules the period is scored by. */
    public LocalDate lastDay() {
        return until.minusDays(1);
    }
}
