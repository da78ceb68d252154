package vn.motcua.dossier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.IntegrationTest;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.organization.Role;
import vn.motcua.organization.RoleAssignment;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clock rules on a dossier with fixed times, counted in the default office hours (07:30-11:30, 13:30-17:00: 450
 * working minutes a day) of March 2026, which has no day off on a weekday. Expected times are worked out by hand in the
 * comments. The dossier: received Monday 2/3/2026 08:00, 5 working days, so due Monday 9/3 08:00 (same time of day,
 * EXACT_HOURS).
 */
class ProcessingClockTests extends IntegrationTest {

    static final UUID AGENCY = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final Instant RECEIVED = at("2026-03-02T08:00");
    static final Instant DUE = at("2026-03-09T08:00");

    @Autowired
    DossierClock clock;

    @Test
    void theAppointmentOfTheSampleIsWhatTheCommentSays() {
        assertThat(clock.restarted(RECEIVED, new Dossier.ProcessingTime(5, "WORKING_DAY", "05 ngày làm việc"), AGENCY)).isEqualTo(DUE);
    }

    /**
     * Supplement asked Wednesday 4/3 10:00, documents back Wednesday 11/3 14:00. Left at the stop: Wed 10:00-17:00 less
     * lunch 300 + Thu 450 + Fri 450 + Mon 07:30-08:00 30 = 1230 minutes. From Wed 11/3 14:00: Wed 180, Thu 450, Fri 450
     * (1080 ≥ 1230? no: 180+450+450 = 1080, 150 left) → Mon 16/3 07:30 + 150 = 10:00: the shifted due time. Waited: Wed 4/3
     * 300, Thu-Tue 4 × 450, Wed 11/3 07:30-11:30 240 + 13:30-14:00 30 = 2370 working minutes. RESTART: 5 working days
     * from Wed 11/3 14:00 = Wed 18/3 14:00 (Decree 61/2018 Art. 19: the time counts again from the start).
     */
    @ParameterizedTest
    @CsvSource({
            "RESTART, 2026-03-18T14:00, 2026-03-16T10:00",
            "SHIFT,   2026-03-16T10:00, 2026-03-16T10:00"})
    void aSupplementRestartsOrShiftsTheDueTimeAndTheIndexAlwaysShifts(ClockPolicy.OnSupplement policy, String due, String indexDue) {
        var c = received(policy(policy, 3));
        c.moveTo(DossierState.AWAITING_SUPPLEMENT, DossierAction.REQUEST_SUPPLEMENT);
        c.stopClock(at("2026-03-04T10:00"));
        c.moveTo(DossierState.IN_PROCESSING, DossierAction.SUPPLEMENT_RECEIVED);
        c.runClock(at("2026-03-11T14:00"), clock, true);
        assertThat(c.dueAt).isEqualTo(at(due));
        assertThat(c.originalDueAt).as("not an extension: the original due time follows").isEqualTo(at(due));
        assertThat(c.indexDueAt).isEqualTo(at(indexDue));
        assertThat(c.waitedMinutes).isEqualTo(2370);
        assertThat(c.stoppedClockAt).isNull();
    }

    /** A pause the procedure allows (and a payment wait that stops the clock) shifts; it never restarts. */
    @Test
    void aPauseShiftsEvenUnderARestartPolicy() {
        var c = received(policy(ClockPolicy.OnSupplement.RESTART, 3));
        c.stopClock(at("2026-03-04T10:00"));
        c.runClock(at("2026-03-11T14:00"), clock, false);
        assertThat(c.dueAt).isEqualTo(at("2026-03-16T10:00"));
        assertThat(c.originalDueAt).isEqualTo(at("2026-03-16T10:00"));
    }

    /**
     * Decree 61/2018 Art. 19(2): a supplement during processing within 3 working days of receipt (unless the procedure
     * says otherwise): from Mon 2/3 08:00 the window ends Thu 5/3 08:00; with 5 days, Mon 9/3 08:00.
     */
    @ParameterizedTest
    @CsvSource({
            "3, 2026-03-05T08:00, ",
            "3, 2026-03-05T08:01, dossier.supplement-window-closed",
            "3, 2026-03-06T09:00, dossier.supplement-window-closed",
            "5, 2026-03-06T09:00, ",
            "5, 2026-03-09T08:01, dossier.supplement-window-closed",
            "0, 2026-03-02T08:00, ",
            "0, 2026-03-02T08:30, dossier.supplement-window-closed"})
    void aSupplementIsAskedOnlyWithinTheWindowAfterReceipt(int days, String when, String refusal) {
        var c = received(policy(ClockPolicy.OnSupplement.RESTART, days));
        var problem = c.refusal(DossierAction.REQUEST_SUPPLEMENT, specialist(), clock, at(when));
        assertThat(problem == null ? null : problem.code()).isEqualTo(refusal);
    }

    @Test
    void aSupplementIsAskedOnce() {
        var c = received(policy(ClockPolicy.OnSupplement.RESTART, 3));
        c.supplementCount = 1;
        assertThat(c.refusal(DossierAction.REQUEST_SUPPLEMENT, specialist(), clock, at("2026-03-03T08:00")).code())
                .isEqualTo("dossier.supplement-once");
    }

    /**
     * Form 04 at least one working day before the due time (Mon 9/3 08:00): by Fri 6/3 08:00 at the latest (one working
     * day later is Mon 08:00; the weekend does not count), and only once.
     */
    @ParameterizedTest
    @CsvSource({
            "2026-03-05T16:00, ",
            "2026-03-06T08:00, ",
            "2026-03-06T08:01, dossier.extension-too-late",
            "2026-03-07T10:00, dossier.extension-too-late",
            "2026-03-09T07:45, dossier.extension-too-late"})
    void anExtensionGoesOutAtLeastOneWorkingDayBeforeTheDueTime(String when, String refusal) {
        var c = received(policy(ClockPolicy.OnSupplement.RESTART, 3));
        var problem = c.refusal(DossierAction.APOLOGIZE_AND_EXTEND, specialist(), clock, at(when));
        assertThat(problem == null ? null : problem.code()).isEqualTo(refusal);
    }

    @Test
    void anExtensionIsGrantedOnce() {
        var c = received(policy(ClockPolicy.OnSupplement.RESTART, 3));
        c.extended = true;
        assertThat(c.refusal(DossierAction.APOLOGIZE_AND_EXTEND, specialist(), clock, at("2026-03-03T08:00")).code())
                .isEqualTo("dossier.already-extended");
    }

    /** Payment waits and other pauses only where the procedure's policy allows them (vn-rules §4.1: no general pause). */
    @Test
    void paymentWaitsAndPausesOnlyWhereThePolicySaysSo() {
        var standard = received(ClockPolicy.standard());
        assertThat(standard.refusal(DossierAction.REQUEST_PAYMENT, specialist(), clock, at("2026-03-03T08:00")).code())
                .isEqualTo("dossier.payment-not-in-policy");
        assertThat(standard.refusal(DossierAction.PAUSE, specialist(), clock, at("2026-03-03T08:00")).code())
                .isEqualTo("dossier.pause-not-in-policy");
        var land = received(policy(ClockPolicy.OnSupplement.RESTART, 3));
        assertThat(land.refusal(DossierAction.REQUEST_PAYMENT, specialist(), clock, at("2026-03-03T08:00"))).isNull();
        assertThat(land.refusal(DossierAction.PAUSE, specialist(), clock, at("2026-03-03T08:00"))).isNull();
        var stranger = new DossierCase.Actor("cv.other", "Người khác", List.of(new RoleAssignment(Role.SPECIALIST, UUID.randomUUID(), null)));
        assertThat(land.refusal(DossierAction.PAUSE, stranger, clock, at("2026-03-03T08:00")).code()).isEqualTo("dossier.not-your-step");
    }

    /** Lateness in working minutes: due Mon 9/3 08:00, handed over Tue 10/3 09:00 = Mon 450 - 30 + Tue 90 = 510 minutes. */
    @Test
    void lateMinutesAreWorkingMinutesPastTheBudget() {
        assertThat(clock.lateMinutes(DUE, at("2026-03-10T09:00"), AGENCY)).isEqualTo(450 - 30 + 90);
        assertThat(clock.lateMinutes(DUE, DUE, AGENCY)).isZero();
        assertThat(clock.lateMinutes(DUE, at("2026-03-09T07:45"), AGENCY)).isZero();
        // past the due time but outside office hours (the evening of the due day): still late
        assertThat(clock.lateMinutes(at("2026-03-09T17:00"), at("2026-03-09T19:00"), AGENCY)).isEqualTo(1);
    }

    /** The default process shares the legal time out: 5 working days = 2250 minutes; appraisal 55 % = 1237 minutes. */
    @Test
    void aDefaultStepIsDueAfterItsShareOfTheLegalTime() {
        var step = new Progress.PlannedStep(1, "Thẩm định hồ sơ", "SPECIALIST", AGENCY, "H36.99", "Sở thử", null, null, 0, null,
                2250 * 550 / 1000, true, true, null, false, null, null);
        // from Mon 2/3 08:00: Mon 420 (to 17:00) + Tue 450 = 870 + Wed 367 → Wed 07:30 + 367: 240 to 11:30, 127 from 13:30 = 15:37
        assertThat(clock.stepDue(RECEIVED, step, DUE)).isEqualTo(at("2026-03-04T15:37"));
        var approved = new Progress.PlannedStep(1, "Thẩm định", "SPECIALIST", AGENCY, "H36.99", "Sở thử", null, null, 2, DurationUnit.WORKING_DAY,
                0, true, true, null, false, null, null);
        assertThat(clock.stepDue(RECEIVED, approved, DUE)).isEqualTo(at("2026-03-04T08:00"));
        var none = new Progress.PlannedStep(5, "Trả kết quả", "DESK_OFFICER", AGENCY, "H36.99", "Sở thử", null, null, 0, null, 0, false,
                false, null, false, null, null);
        assertThat(clock.stepDue(RECEIVED, none, DUE)).isEqualTo(DUE);
    }

    // --- a dossier on the appraisal step, held by a specialist of AGENCY ---------------------------------------------

    static ClockPolicy policy(ClockPolicy.OnSupplement on, int windowDays) {
        return new ClockPolicy(windowDays, on, true, true, List.of("Kiểm tra thực địa"), "thử");
    }

    static DossierCase.Actor specialist() {
        return new DossierCase.Actor("cv.test", "Chuyên viên thử", List.of(new RoleAssignment(Role.SPECIALIST, AGENCY, null)));
    }

    static DossierCase received(ClockPolicy policy) {
        var step = new Progress.PlannedStep(0, "Thẩm định hồ sơ", "SPECIALIST", AGENCY, "H36.99", "Sở thử", null, null, 3,
                DurationUnit.WORKING_DAY, 0, true, true, null, false, null, null);
        var current = new Progress.CurrentStep(step.name(), step.role(), step.agency(), null, null, at("2026-03-05T08:00"), 0, AGENCY, null,
                RECEIVED, null);
        var progress = new Progress("thử", List.of(step), 0, List.of(current), RECEIVED, DUE, DUE, false, null, null, null, null, null,
                0, 0, 0, null, null, null, null, null, null, null, null, null, policy, List.of(), List.of());
        var agency = new Dossier.Agency(AGENCY, "H36.99", "Sở thử");
        var applicant = new Applicant(Applicant.Type.CITIZEN, "Nguyễn Văn Thử", "068090000001", null, null, null, null, null, null);
        var d = new Dossier(UUID.randomUUID(), "H36.99-260302-0001", false, Channel.DIRECT, DossierState.IN_PROCESSING, 4,
                new Dossier.Procedure("1.000001", "Thủ tục thử", 1, ""), agency, agency, applicant, List.of(), List.of(),
                new Dossier.ProcessingTime(5, "WORKING_DAY", "05 ngày làm việc"), null, RECEIVED, DUE, RECEIVED, "tn.test", "", 3,
                List.of(), List.of(), progress);
        return new DossierCase(d);
    }

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(DossierWords.VIETNAM).toInstant();
    }
}
