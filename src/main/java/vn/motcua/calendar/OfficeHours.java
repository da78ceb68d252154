package vn.motcua.calendar;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.UUID;

/**
 * Office hours in force from {@code validFrom}, for one agency or (when {@code agencyId} is null) for every
 * agency without its own. The agency is named by its stable id (the organization module's agency id), never by
 * its electronic ID, which is re-issued. A seasonal variant applies between {@code seasonFrom} and
 * {@code seasonTo} (inclusive, may wrap over the new year) and beats the all-year rule of the same date.
 *
 * @param cutoff dossiers received after this time count from the next working day for same-day services
 *               and paper transfers (Decree 61/2018 Art. 18: 15:00)
 */
public record OfficeHours(@Nullable UUID agencyId, LocalDate validFrom, @Nullable MonthDay seasonFrom,
                          @Nullable MonthDay seasonTo, LocalTime morningStart, LocalTime morningEnd,
                          LocalTime afternoonStart, LocalTime afternoonEnd, LocalTime cutoff, RoundingPolicy rounding) {

    public OfficeHours {
        if (!(morningStart.isBefore(morningEnd) && !morningEnd.isAfter(afternoonStart) && afternoonStart.isBefore(afternoonEnd))) {
            throw new IllegalArgumentException("Office hours must run morning start < morning end <= afternoon start < afternoon end");
        }
        if ((seasonFrom == null) != (seasonTo == null)) {
            throw new IllegalArgumentException("A season needs both its first and its last day");
        }
    }

    /** The same hours for every agency: two agencies with equal hours share one working-time index. */
    OfficeHours withoutAgency() {
        return agencyId == null ? this : new OfficeHours(null, validFrom, seasonFrom, seasonTo, morningStart, morningEnd,
                afternoonStart, afternoonEnd, cutoff, rounding);
    }

    boolean seasonal() {
        return seasonFrom != null;
    }

    boolean coversSeasonOf(LocalDate day) {
        if (seasonFrom == null || seasonTo == null) {
            return true;
        }
        MonthDay md = MonthDay.from(day);
        return seasonFrom.isAfter(seasonTo)
                ? !md.isBefore(seasonFrom) || !md.isAfter(seasonTo)
                : !md.isBefore(seasonFrom) && !md.isAfter(seasonTo);
    }

    DaySchedule schedule() {
        return new DaySchedule(minutes(morningStart), minutes(morningEnd), minutes(afternoonStart), minutes(afternoonEnd),
                minutes(cutoff), rounding);
    }

    private static int minutes(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }
}
