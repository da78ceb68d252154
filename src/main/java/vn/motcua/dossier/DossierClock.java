package vn.motcua.dossier;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.calendar.WorkingCalendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

import static vn.motcua.dossier.DossierWords.VIETNAM;

/**
 * Every time rule of processing, in one place, all counted by the calendar module in the office hours of the agency
 * concerned (vn-rules §4.1): a step's due time, the supplement window after receipt, the "one working day before"
 * of an extension, what the return of a supplement does to the due time (restart and shift, both kept), pauses, and
 * the working minutes a step ran late.
 */
@Component
class DossierClock {

    private final WorkingCalendar calendar;

    DossierClock(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * When a step started at {@code start} falls due: its own duration (an approved process), or its share of the legal
     * time in working minutes (the default process), else the dossier's due time.
     */
    @Nullable Instant stepDue(Instant start, Progress.PlannedStep step, @Nullable Instant dossierDue) {
        if (step.timeUnit() != null && step.duration() > 0) {
            return instant(calendar.due(local(start), step.duration(), step.timeUnit(), step.agencyId()).due());
        }
        if (step.budgetMinutes() > 0) {
            return instant(calendar.addWorkingMinutes(local(start), step.budgetMinutes(), step.agencyId()));
        }
        return dossierDue;
    }

    /** Working minutes between two instants in an agency's office hours. */
    long workingMinutes(Instant from, Instant to, UUID agencyId) {
        return calendar.workingMinutesBetween(local(from), local(to), agencyId);
    }

    /**
     * {@code workingDays} working days after {@code start}: the end of the supplement window after receipt, a
     * consultation's sub-deadline.
     */
    Instant workingDaysAfter(Instant start, int workingDays, UUID agencyId) {
        return instant(calendar.due(local(start), workingDays, DurationUnit.WORKING_DAY, agencyId).due());
    }

    /** Whether {@code at} falls on a working day the calendar holds (a new appointment must). */
    boolean onWorkingDay(Instant at) {
        var date = local(at).toLocalDate();
        return !date.isBefore(WorkingCalendar.FIRST_DAY) && !date.isAfter(WorkingCalendar.LAST_DAY) && calendar.isWorkingDay(date);
    }

    /** Whether {@code now} is at least one working day before {@code due} (Form 04 must go out by then). */
    boolean oneWorkingDayBefore(Instant now, Instant due, UUID agencyId) {
        return !instant(calendar.due(local(now), 1, DurationUnit.WORKING_DAY, agencyId).due()).isAfter(due);
    }

    /** A due time that stood still from {@code stoppedAt} and runs again at {@code resumedAt}: the working time left carries over. */
    @Nullable Instant shifted(@Nullable Instant due, Instant stoppedAt, Instant resumedAt, UUID agencyId) {
        if (due == null) {
            return null;
        }
        long left = calendar.workingMinutesBetween(local(stoppedAt), local(due), agencyId);
        return instant(calendar.addWorkingMinutes(local(resumedAt), left, agencyId));
    }

    /** The full legal time again from {@code resumedAt} (Decree 61/2018 Art. 19: "tính lại từ đầu"). */
    @Nullable Instant restarted(Instant resumedAt, Dossier.ProcessingTime time, UUID agencyId) {
        if (time.amount() == null || time.unit() == null) {
            return null;
        }
        return instant(calendar.due(local(resumedAt), time.amount(), DurationUnit.valueOf(time.unit()), agencyId).due());
    }

    /** Working minutes past {@code due} at {@code at}; 0 when on time. */
    int lateMinutes(@Nullable Instant due, Instant at, UUID agencyId) {
        if (due == null || !at.isAfter(due)) {
            return 0;
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, calendar.workingMinutesBetween(local(due), local(at), agencyId)));
    }

    static LocalDateTime local(Instant at) {
        return LocalDateTime.ofInstant(at, VIETNAM);
    }

    static Instant instant(LocalDateTime t) {
        return t.atZone(VIETNAM).toInstant();
    }
}
