package vn.motcua.dossier;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.Deadline;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.calendar.WorkingCalendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

import static vn.motcua.dossier.DossierWords.VIETNAM;

/**
 * The appointment of a dossier received complete at {@code receivedAt}: the procedure's time limit for the channel
 * used, counted by the calendar in the handling agency's office hours (vn-rules §4.1-§4.2: outside office hours the
 * clock starts at the next working period; the 15:00 cut-off moves a same-day result to the next working day).
 * For an online dossier {@code receivedAt} is when the desk accepted it, not when it was submitted.
 */
@Component
class Appointments {

    private final WorkingCalendar calendar;

    Appointments(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /** When the clock starts and when the result is due; null when the procedure states no time limit with a unit. */
    @Nullable Deadline due(Instant receivedAt, Dossier.ProcessingTime time, UUID handlingAgencyId) {
        if (time.amount() == null || time.unit() == null) {
            return null;
        }
        return calendar.due(LocalDateTime.ofInstant(receivedAt, VIETNAM), time.amount(), DurationUnit.valueOf(time.unit()), handlingAgencyId);
    }
}
