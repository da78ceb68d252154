package vn.motcua.calendar;

import org.jspecify.annotations.Nullable;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Every day from {@code first} to {@code last} with its kind, and two precomputed arrays that make working-day
 * arithmetic O(1) for any distance: {@code workingBefore[i]} counts working days in [first, first+i), and
 * {@code workingDays[n]} is the index of the (n+1)-th working day. Immutable: a changed announcement builds a
 * new index.
 */
final class DayIndex {

    private static final DayKind[] KINDS = DayKind.values();

    final LocalDate first;
    final LocalDate last;
    private final long firstEpochDay;
    private final byte[] kinds;
    private final Map<Integer, String> names = new HashMap<>();
    private final int[] workingBefore;
    private final int[] workingDays;

    DayIndex(LocalDate first, LocalDate last, IntFunction<List<AnnouncedDay>> exceptionsOfYear) {
        this.first = first;
        this.last = last;
        this.firstEpochDay = first.toEpochDay();
        int size = (int) (last.toEpochDay() - firstEpochDay + 1);
        this.kinds = new byte[size];
        for (int i = 0; i < size; i++) {
            DayOfWeek dow = first.plusDays(i).getDayOfWeek();
            kinds[i] = (byte) (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? DayKind.WEEKEND : DayKind.WEEKDAY).ordinal();
        }
        for (int year = first.getYear(); year <= last.getYear(); year++) {
            for (AnnouncedDay day : exceptionsOfYear.apply(year)) {
                long i = day.date().toEpochDay() - firstEpochDay;
                if (i >= 0 && i < size) {
                    kinds[(int) i] = (byte) day.kind().ordinal();
                    names.put((int) i, day.name());
                }
            }
        }
        this.workingBefore = new int[size + 1];
        int count = 0;
        for (int i = 0; i < size; i++) {
            workingBefore[i] = count;
            if (KINDS[kinds[i]].working()) {
                count++;
            }
        }
        workingBefore[size] = count;
        this.workingDays = new int[count];
        for (int i = 0, n = 0; i < size; i++) {
            if (KINDS[kinds[i]].working()) {
                workingDays[n++] = i;
            }
        }
    }

    int size() {
        return kinds.length;
    }

    int index(LocalDate date) {
        long i = date.toEpochDay() - firstEpochDay;
        if (i < 0 || i >= kinds.length) {
            throw new OutsideCalendar(date, first, last);
        }
        return (int) i;
    }

    LocalDate dateAt(int index) {
        return LocalDate.ofEpochDay(firstEpochDay + index);
    }

    boolean working(int index) {
        return KINDS[kinds[index]].working();
    }

    CalendarDay day(LocalDate date) {
        int i = index(date);
        DayKind kind = KINDS[kinds[i]];
        return new CalendarDay(date, kind.working(), kind, names.get(i));
    }

    @Nullable String name(int index) {
        return names.get(index);
    }

    /** Index of the n-th working day after day {@code i} (not counting i); n = 0 gives i if working, else the next. */
    int addWorkingDays(int i, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("Working days to add must be 0 or more, not " + n);
        }
        int target = n == 0 ? (working(i) ? workingBefore[i] : workingBefore[i + 1]) : workingBefore[i + 1] + n - 1;
        if (target >= workingDays.length) {
            throw new OutsideCalendar(dateAt(i).plusDays(n * 7L / 5 + 30), first, last);
        }
        return workingDays[target];
    }

    LocalDate addWorkingDays(LocalDate date, int n) {
        return dateAt(addWorkingDays(index(date), n));
    }

    /** Working days in [from, to); negative when {@code to} is before {@code from}. */
    int countWorkingDays(LocalDate from, LocalDate to) {
        return workingBefore[boundary(to)] - workingBefore[boundary(from)];
    }

    private int boundary(LocalDate date) {
        long i = date.toEpochDay() - firstEpochDay;
        if (i < 0 || i > kinds.length) {
            throw new OutsideCalendar(date, first, last);
        }
        return (int) i;
    }
}
