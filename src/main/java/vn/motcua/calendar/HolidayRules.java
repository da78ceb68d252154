package vn.motcua.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The holidays a year would have if the Government announced nothing: the statutory days in force
 * (Labor Code 2019 Art. 112, or the code before it) plus Art. 111(3): a holiday falling on the weekly rest
 * day gives a compensatory day off on the next working day. The Tết days default to the eve and the first
 * four days of the lunar year; the yearly announcement, when there is one, replaces all of this.
 */
final class HolidayRules {

    private HolidayRules() {
    }

    static List<AnnouncedDay> derive(int year, List<StatutoryHoliday> rules) {
        var holidays = new TreeMap<LocalDate, String>();
        for (var rule : rules) {
            LocalDate first = switch (rule.rule()) {
                case "SOLAR" -> LocalDate.of(year, rule.month(), rule.day());
                case "LUNAR" -> LunarCalendar.toSolar(new LunarDate(year, rule.month(), rule.day(), false)).orElse(null);
                case "LUNAR_NEW_YEAR" -> LunarCalendar.lunarNewYear(year).minusDays(1);
                case "NATIONAL_DAY_ADJACENT" -> nationalDayAdjacent(year);
                default -> throw new IllegalStateException("Unknown holiday rule " + rule.rule());
            };
            if (first == null) {
                continue;
            }
            for (int i = 0; i < rule.length(); i++) {
                LocalDate day = first.plusDays(i);
                if (rule.inForceOn(day) && day.getYear() == year) {
                    holidays.putIfAbsent(day, rule.name());
                }
            }
        }
        var result = new ArrayList<AnnouncedDay>();
        var taken = new TreeMap<LocalDate, String>(holidays);
        holidays.forEach((day, name) -> {
            result.add(new AnnouncedDay(day, DayKind.HOLIDAY, name));
            if (weekend(day)) {
                LocalDate off = day.plusDays(1);
                while (weekend(off) || taken.containsKey(off)) {
                    off = off.plusDays(1);
                }
                taken.put(off, name);
                result.add(new AnnouncedDay(off, DayKind.COMPENSATORY, "Nghỉ bù " + name));
            }
        });
        result.sort(java.util.Comparator.comparing(AnnouncedDay::date));
        return result;
    }

    /**
     * Art. 112(1)(đ) gives 2/9 and "one day before or after"; the Government picks the one that joins the
     * holiday to a weekend. Observed: 2021 Thu→3/9, 2022 Fri→1/9, 2023 Sat→1/9, 2024 Mon→3/9, 2025 Tue→1/9,
     * 2026 Wed→1/9. Only a default: announcements override it.
     */
    static LocalDate nationalDayAdjacent(int year) {
        LocalDate nationalDay = LocalDate.of(year, 9, 2);
        return switch (nationalDay.getDayOfWeek()) {
            case MONDAY, THURSDAY, SUNDAY -> nationalDay.plusDays(1);
            case TUESDAY, WEDNESDAY, FRIDAY, SATURDAY -> nationalDay.minusDays(1);
        };
    }

    static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** Indexes a year's exceptions by date. */
    static Map<LocalDate, AnnouncedDay> byDate(List<AnnouncedDay> days) {
        var map = new TreeMap<LocalDate, AnnouncedDay>();
        days.forEach(d -> map.put(d.date(), d));
        return map;
    }
}
