package vn.motcua.dossier;

import java.util.Set;

/**
 * Where a dossier stands. Constants say what the state means to the applicant; each is reported to the national
 * portal as one of its ten status codes (vn-rules §2.4.1), and {@link #canMoveTo} is the whole transition table
 * (vn-rules §2.4.2). Overdue, extended and early are derived flags, not states.
 */
public enum DossierState {
    /** Submitted online or by post; a desk officer has not looked at it yet. */
    SUBMITTED,
    /** Received at the desk (Form 01); the statutory clock runs. */
    RECEIVED,
    /** Refused at intake (Form 03), with the reason in words. Final. */
    REFUSED_AT_INTAKE,
    /** The desk asked once for everything missing (Form 02); nothing is received yet. */
    AWAITING_INTAKE_SUPPLEMENT,
    /** Being handled along the internal process (assigned, appraised, reviewed, signed, issued). */
    IN_PROCESSING,
    /** The handling agency asked for more documents (Form 02); the clock is stopped. */
    AWAITING_SUPPLEMENT,
    /** Waiting for the applicant to pay a fee or tax; the clock is stopped where the procedure says so. */
    AWAITING_PAYMENT,
    /**
     * Processing stands for a reason the procedure's law allows (a site inspection, a verification): the clock is
     * stopped; still reported as in processing (national 4).
     */
    PAUSED,
    /** The applicant asked to withdraw; the agency has not confirmed yet. */
    WITHDRAWAL_REQUESTED,
    /** Stopped: withdrawal accepted or a stop notice issued (Form 05). Final. */
    STOPPED,
    /** The result (or a refusal on the merits) is signed and waits at the desk. */
    RESULT_READY,
    /** The result was handed over (at the counter, by post or electronically). Final. */
    RETURNED;

    /** The national portal's status code (TrangThaiHoSo, 1-10). */
    public int nationalCode() {
        return switch (this) {
            case SUBMITTED -> 1;
            case RECEIVED -> 2;
            case REFUSED_AT_INTAKE -> 3;
            case IN_PROCESSING, PAUSED -> 4;
            case AWAITING_INTAKE_SUPPLEMENT, AWAITING_SUPPLEMENT -> 5;
            case AWAITING_PAYMENT -> 6;
            case WITHDRAWAL_REQUESTED -> 7;
            case STOPPED -> 8;
            case RESULT_READY -> 9;
            case RETURNED -> 10;
        };
    }

    /**
     * Whether the statutory clock runs in this state. Waiting for a payment stops it only where the procedure's clock
     * policy says so (vn-rules §4.1: no general legal pause), so the state itself lets it run.
     */
    public boolean clockRuns() {
        return switch (this) {
            case RECEIVED, IN_PROCESSING, WITHDRAWAL_REQUESTED, AWAITING_PAYMENT -> true;
            case SUBMITTED, REFUSED_AT_INTAKE, AWAITING_INTAKE_SUPPLEMENT, AWAITING_SUPPLEMENT, PAUSED,
                 STOPPED, RESULT_READY, RETURNED -> false;
        };
    }

    /** No move leaves this state. */
    public boolean isFinal() {
        return nextStates().isEmpty();
    }

    public boolean canMoveTo(DossierState next) {
        return nextStates().contains(next);
    }

    /** Whether the dossier is still being worked on (not final, no result waiting): queues and lateness count it. */
    public boolean isOpen() {
        return switch (this) {
            case RECEIVED, IN_PROCESSING, AWAITING_SUPPLEMENT, AWAITING_PAYMENT, PAUSED, WITHDRAWAL_REQUESTED -> true;
            case SUBMITTED, AWAITING_INTAKE_SUPPLEMENT, REFUSED_AT_INTAKE, STOPPED, RESULT_READY, RETURNED -> false;
        };
    }

    /** The states this one may move to. */
    public Set<DossierState> nextStates() {
        return switch (this) {
            case SUBMITTED -> Set.of(RECEIVED, REFUSED_AT_INTAKE, AWAITING_INTAKE_SUPPLEMENT, WITHDRAWAL_REQUESTED);
            case AWAITING_INTAKE_SUPPLEMENT -> Set.of(SUBMITTED, RECEIVED, REFUSED_AT_INTAKE, STOPPED);
            // a received dossier stops only through the applicant's request (WITHDRAWAL_REQUESTED)
            case RECEIVED -> Set.of(IN_PROCESSING, WITHDRAWAL_REQUESTED);
            // a step handed on stays in processing: the move IN_PROCESSING -> IN_PROCESSING
            case IN_PROCESSING -> Set.of(IN_PROCESSING, AWAITING_SUPPLEMENT, AWAITING_PAYMENT, PAUSED, WITHDRAWAL_REQUESTED, RESULT_READY);
            case AWAITING_SUPPLEMENT, AWAITING_PAYMENT, PAUSED -> Set.of(IN_PROCESSING, WITHDRAWAL_REQUESTED);
            // the applicant takes the request back: the dossier returns where it stood
            case WITHDRAWAL_REQUESTED -> Set.of(STOPPED, SUBMITTED, RECEIVED, IN_PROCESSING, AWAITING_SUPPLEMENT, AWAITING_PAYMENT, PAUSED);
            case RESULT_READY -> Set.of(RETURNED);
            case REFUSED_AT_INTAKE, STOPPED, RETURNED -> Set.of();
        };
    }
}
