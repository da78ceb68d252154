package vn.motcua.calendar;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What replacing a year's list of days would change, before anything is: the days it adds, removes and changes
 * (kind or reason), and the working days the year would have. {@code digest} covers the list as it stands and as it
 * would be, so the confirmation applies exactly this, or nothing if the year changed meanwhile.
 *
 * @param announcedBefore whether the year had an announcement (else its days were derived from the Labor Code)
 */
public record AnnouncementPreview(int year, boolean announcedBefore, List<AnnouncedDay> added, List<AnnouncedDay> removed,
                                  List<Changed> changed, int unchanged, long workingDaysBefore, long workingDaysAfter,
                                  @Nullable LocalEdit localEdit, String digest) {

    /** A day in both lists whose kind or reason differs. */
    public record Changed(AnnouncedDay before, AnnouncedDay after) {
    }

    /** The holidays (Tết among them) the replacement would take away: what an administrator must not miss. */
    public List<AnnouncedDay> removedHolidays() {
        return removed.stream().filter(d -> d.kind() == DayKind.HOLIDAY).toList();
    }

    public boolean changesNothing() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    static AnnouncementPreview of(int year, boolean announcedBefore, List<AnnouncedDay> before, List<AnnouncedDay> after,
                                  long workingBefore, long workingAfter, @Nullable LocalEdit edit, String digest) {
        Map<LocalDate, AnnouncedDay> old = before.stream().collect(Collectors.toMap(AnnouncedDay::date, Function.identity()));
        Map<LocalDate, AnnouncedDay> now = after.stream().collect(Collectors.toMap(AnnouncedDay::date, Function.identity()));
        var added = new ArrayList<AnnouncedDay>();
        var changed = new ArrayList<Changed>();
        int same = 0;
        for (var day : after) {
            var was = old.get(day.date());
            if (was == null) {
                added.add(day);
            } else if (!was.equals(day)) {
                changed.add(new Changed(was, day));
            } else {
                same++;
            }
        }
        var removed = before.stream().filter(d -> !now.containsKey(d.date())).toList();
        return new AnnouncementPreview(year, announcedBefore, added, removed, changed, same, workingBefore, workingAfter, edit, digest);
    }
}
