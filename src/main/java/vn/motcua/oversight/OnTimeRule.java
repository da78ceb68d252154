package vn.motcua.oversight;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Whether a dossier was (or is) handled on time, by the rules of the 766 index (vn-rules §7.3, indicator 2.1):
 * <ul>
 *   <li>on time when the end of processing is no later than the appointment (NgayHenTra) <em>without</em> extension:
 *       an extension never makes a late dossier on time;</li>
 *   <li>the time the applicant took to bring a supplement is subtracted from the end;</li>
 *   <li>more than one supplement request counts as late;</li>
 *   <li>a dossier still open at the end of the period is judged at that moment: overdue when its appointment has
 *       passed (the waiting for a supplement, finished or still running, again does not count against it).</li>
 * </ul>
 * Early means finished on an earlier calendar day (Vietnam time) than the appointment's. A dossier whose procedure
 * states no time limit is on time.
 */
public final class OnTimeRule {

    public enum Judgement {
        /** Not received by the end of the period, or ended before it began: not counted in it. */
        OUT_OF_PERIOD,
        RESOLVED_EARLY, RESOLVED_ON_TIME, RESOLVED_LATE,
        /** Still open at the period's end, within its time. */
        IN_PROGRESS_ON_TIME,
        /** Still open at the period's end, past its appointment. */
        IN_PROGRESS_OVERDUE;

        public boolean onTime() {
            return switch (this) {
                case RESOLVED_EARLY, RESOLVED_ON_TIME, IN_PROGRESS_ON_TIME -> true;
                case OUT_OF_PERIOD, RESOLVED_LATE, IN_PROGRESS_OVERDUE -> false;
            };
        }

        public boolean resolved() {
            return switch (this) {
                case RESOLVED_EARLY, RESOLVED_ON_TIME, RESOLVED_LATE -> true;
                case OUT_OF_PERIOD, IN_PROGRESS_ON_TIME, IN_PROGRESS_OVERDUE -> false;
            };
        }
    }

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private OnTimeRule() {
    }

    /**
     * @param periodStart the first instant of the period (a dossier that ended before it is not counted)
     * @param periodEnd   the first instant after the period
     */
    public static Judgement judge(DossierFact f, Instant periodStart, Instant periodEnd) {
        if (!f.receivedAt().isBefore(periodEnd) || (f.endedAt() != null && f.endedAt().isBefore(periodStart))) {
            return Judgement.OUT_OF_PERIOD;
        }
        boolean endedInPeriod = f.endedAt() != null && f.endedAt().isBefore(periodEnd);
        Instant moment = endedInPeriod ? f.endedAt() : periodEnd;
        Instant effective = moment.minus(waited(f, moment));
        @Nullable Instant due = f.originalDueAt();
        boolean late = f.supplementCount() > 1 || (due != null && effective.isAfter(due));
        if (!endedInPeriod) {
            return late ? Judgement.IN_PROGRESS_OVERDUE : Judgement.IN_PROGRESS_ON_TIME;
        }
        if (late) {
            return Judgement.RESOLVED_LATE;
        }
        return due != null && day(effective).isBefore(day(due)) ? Judgement.RESOLVED_EARLY : Judgement.RESOLVED_ON_TIME;
    }

    /** The supplement interval up to {@code moment}: from the request to the documents' return, or to the moment while waiting. */
    private static Duration waited(DossierFact f, Instant moment) {
        Instant requested = f.supplementRequestedAt();
        if (requested == null || !requested.isBefore(moment)) {
            return Duration.ZERO;
        }
        Instant back = f.supplementReceivedAt();
        Instant until = back == null || back.isAfter(moment) ? moment : back;
        return Duration.between(requested, until);
    }

    private static LocalDate day(Instant t) {
        return t.atZone(VIETNAM).toLocalDate();
    }
}
