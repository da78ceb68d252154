package vn.motcua.dossier;

import org.jspecify.annotations.Nullable;
import vn.motcua.calendar.DurationUnit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Where a received dossier stands in its processing: the steps copied at receipt, who holds it now and until when,
 * the clock (the due time, the original due time an extension never moves, the shifted due time of the national
 * index), consultations, hand-overs, the result and its return. Part of {@link Dossier}; empty before receipt.
 *
 * @param processRef     the internal process the steps come from ("QĐ 12/QĐ-UBND, phiên bản 2"), or the default one
 * @param currentSteps   who must act now: the current step, and every open consultation
 * @param originalDueAt  the due time before any extension (restarted after a supplement when the policy restarts)
 * @param indexDueAt     the due time shifted by the time the clock stood: what the national index (Decision 766) uses
 * @param waitedMinutes  working minutes the clock stood (supplements, payment, pauses), in total
 */
public record Progress(String processRef, List<PlannedStep> plan, @Nullable Integer stepIndex, List<CurrentStep> currentSteps,
                       @Nullable Instant clockStart, @Nullable Instant originalDueAt, @Nullable Instant indexDueAt, boolean extended,
                       @Nullable String extensionReason, @Nullable Instant clockStoppedAt, @Nullable DossierState resumeState,
                       @Nullable Instant supplementRequestedAt, @Nullable Instant supplementReceivedAt, int supplementCount,
                       int waitedMinutes, int openConsultations, @Nullable String proposal, @Nullable String proposalReason,
                       @Nullable Instant approvedAt, @Nullable String approvedBy, @Nullable Result result,
                       @Nullable Instant resultReadyAt, @Nullable Instant returnedAt, @Nullable Returned returned,
                       @Nullable Instant stoppedAt, @Nullable ClockPolicy policy, List<Consultation> consultations,
                       List<Handover> handovers) {

    static Progress none() {
        return new Progress("", List.of(), null, List.of(), null, null, null, false, null, null, null, null, null, 0, 0, 0, null, null,
                null, null, null, null, null, null, null, null, List.of(), List.of());
    }

    /** Whether the result was ready before the due time (Art. 20: the applicant is told it may be collected early). */
    @com.fasterxml.jackson.annotation.JsonProperty("early")
    public boolean early() {
        return resultReadyAt != null && originalDueAt != null && resultReadyAt.isBefore(originalDueAt);
    }

    /**
     * A step of the internal process as copied at receipt. {@code budgetMinutes} is the step's own budget in working
     * minutes when the default process splits the legal time; a step of an approved process carries its duration and
     * unit instead; neither (0, null): the step ends with the dossier's due time.
     *
     * @param interAgency the step belongs to another agency than the handling one (liên thông)
     */
    public record PlannedStep(int index, String name, String role, UUID agencyId, String agency, String agencyName,
                              @Nullable UUID unitId, @Nullable String unit, int duration, @Nullable DurationUnit timeUnit,
                              long budgetMinutes, boolean maySupplement, boolean mayProposeRefusal, @Nullable String form,
                              boolean interAgency, @Nullable String doneBy, @Nullable UUID doneUnitId) {

        PlannedStep at(int newIndex) {
            return new PlannedStep(newIndex, name, role, agencyId, agency, agencyName, unitId, unit, duration, timeUnit, budgetMinutes,
                    maySupplement, mayProposeRefusal, form, interAgency, doneBy, doneUnitId);
        }

        PlannedStep doneBy(String username, @Nullable UUID unit) {
            return new PlannedStep(index, name, role, agencyId, agency, agencyName, unitId, this.unit, duration, timeUnit, budgetMinutes,
                    maySupplement, mayProposeRefusal, form, interAgency, username, unit);
        }
    }

    /** Who must act: a step ({@code consultationId} null) or an open consultation; {@code agency} is its electronic ID. */
    public record CurrentStep(String step, String role, String agency, @Nullable String unit, @Nullable String assignee,
                              @Nullable Instant dueAt, @Nullable Integer index, UUID agencyId, @Nullable UUID unitId,
                              @Nullable Instant startedAt, @Nullable UUID consultationId) {
    }

    /** An opinion asked of another agency, with its sub-deadline and, once given, the answer. */
    public record Consultation(UUID id, UUID agencyId, String agency, @Nullable UUID unitId, String question, Instant askedAt,
                               String askedBy, Instant dueAt, @Nullable Instant answeredAt, @Nullable String answeredBy,
                               @Nullable String answer, @Nullable Boolean onTime) {
    }

    /**
     * A hand-over, as Form 06 prints it: from whom to whom, when, and whether the side handing over kept its step
     * budget at that moment ({@code lateMinutes}: working minutes past it).
     */
    public record Handover(Instant at, String action, String step, @Nullable UUID fromAgencyId, String fromAgency, String fromUnit,
                           String fromPerson, @Nullable UUID toAgencyId, String toAgency, String toUnit, String toPerson,
                           @Nullable Instant heldSince, @Nullable Instant stepDueAt, boolean onTime, int lateMinutes) {
    }

    /** A result granted or a refusal on the merits, as the clerk issued it. */
    public record Result(Kind kind, @Nullable String number, @Nullable LocalDate date, @Nullable UUID signedFileId,
                         @Nullable String sha256, @Nullable String reason, @Nullable Instant issuedAt, @Nullable String issuedBy) {
        public enum Kind { GRANT, REFUSAL }
    }

    /** How the result was handed over and to whom. */
    public record Returned(ActionRequest.Delivery delivery, String receivedBy, Instant at, String by, String note) {
    }
}
