package vn.motcua.dossier;

import vn.motcua.organization.Role;

import java.util.List;

/**
 * What staff do to a dossier ({@code POST /api/v1/dossiers/{code}/actions}). Each action names the request fields it
 * {@link #needs} and those it takes when given ({@link #optional}); which actions a person may take now is decided by
 * the dossier's state ({@link #allowedIn}), its current step and the person's roles ({@code DossierCase}).
 */
public enum DossierAction {
    /** The desk receives a submitted online or postal dossier: the clock starts (Form 01). */
    ACCEPT(List.of(), List.of()),
    /** Asks for everything missing, once (Form 02): at intake, or during processing within the window after receipt. */
    REQUEST_SUPPLEMENT(List.of("missing", "note"), List.of()),
    /** The documents came back: the clock runs again (restarted or shifted as the procedure's policy says). */
    SUPPLEMENT_RECEIVED(List.of(), List.of("note")),
    /** Refusal: at intake (Form 03), or on the merits by the signer, which ends with a refusal result. */
    REFUSE(List.of("note"), List.of()),
    /** The assigner gives the dossier to a specialist (or to a unit's queue); also reassigns an open step. */
    ASSIGN(List.of("assignee"), List.of("unit", "note")),
    /** The holder of the current step is done: the dossier goes to the next step. */
    COMPLETE_STEP(List.of(), List.of("note")),
    /** Back to the previous step, with the reason. */
    RETURN_STEP(List.of("note"), List.of()),
    /** The specialist proposes to refuse on the merits; the step is done and the proposal goes up for review and signature. */
    PROPOSE_REFUSAL(List.of("note"), List.of()),
    /** Asks another agency's opinion, with its own sub-deadline in working days; several may run at once. */
    CONSULT(List.of("agency", "note", "days"), List.of("unit")),
    /** The consulted agency answers. */
    CONSULTATION_ANSWERED(List.of("consultationId", "note"), List.of()),
    /** Hands the dossier to another agency for its part (liên thông), with that agency's budget in working days. */
    TRANSFER(List.of("agency", "days"), List.of("unit", "role", "note")),
    /** Asks the applicant to pay a fee or tax (national status 6), where the procedure's policy allows it. */
    REQUEST_PAYMENT(List.of("amount", "note"), List.of()),
    /** The payment arrived. */
    PAYMENT_RECEIVED(List.of(), List.of("note")),
    /** Stops the clock for a reason the procedure's policy lists (a site inspection…). */
    PAUSE(List.of("reason", "note"), List.of()),
    /** Ends a pause, or takes back a stop request: the dossier returns where it stood. */
    RESUME(List.of(), List.of("note")),
    /** Apology and extension (Form 04): once, at least one working day before the due time, with a new appointment. */
    APOLOGIZE_AND_EXTEND(List.of("note", "newDueAt"), List.of()),
    /** The signer approves the result (or the proposed refusal): the result is decided. */
    APPROVE(List.of(), List.of("note")),
    /** The clerk issues the signed result: number, date, the signed file. */
    ISSUE_RESULT(List.of("resultNumber", "resultDate"), List.of("signedFileId", "note")),
    /** The desk hands the result over (at the counter, by post, electronically) and records who received it. */
    RETURN_RESULT(List.of("delivery", "receivedBy"), List.of("note")),
    /** The applicant asks to stop or withdraw (before a result decision). */
    REQUEST_STOP(List.of("note"), List.of()),
    /** Processing stops (Form 05): the applicant's request granted. */
    STOP(List.of("note"), List.of());

    private final List<String> needs;
    private final List<String> optional;

    DossierAction(List<String> needs, List<String> optional) {
        this.needs = needs;
        this.optional = optional;
    }

    /** The request fields this action cannot do without. */
    public List<String> needs() {
        return needs;
    }

    /** The request fields this action takes when given. */
    public List<String> optional() {
        return optional;
    }

    /** Whether the action makes sense in this state at all (who may take it, and on which step, is decided apart). */
    public boolean allowedIn(DossierState state) {
        return switch (state) {
            case SUBMITTED -> this == ACCEPT || this == REQUEST_SUPPLEMENT || this == REFUSE || this == REQUEST_STOP;
            case AWAITING_INTAKE_SUPPLEMENT -> this == SUPPLEMENT_RECEIVED || this == STOP;
            // stopping is always the applicant's request first (REQUEST_STOP, national status 7), then its confirmation
            // (STOP, Form 05 "Ông/Bà đề nghị dừng"): vn-rules §2.4.2; never a direct stop by the agency
            case RECEIVED -> this == ASSIGN || this == COMPLETE_STEP || this == TRANSFER || this == REQUEST_STOP;
            case IN_PROCESSING -> switch (this) {
                case ACCEPT, SUPPLEMENT_RECEIVED, PAYMENT_RECEIVED, RESUME, RETURN_RESULT -> false;
                case REQUEST_SUPPLEMENT, REFUSE, ASSIGN, COMPLETE_STEP, RETURN_STEP, PROPOSE_REFUSAL, CONSULT, CONSULTATION_ANSWERED,
                     TRANSFER, REQUEST_PAYMENT, PAUSE, APOLOGIZE_AND_EXTEND, APPROVE, ISSUE_RESULT, REQUEST_STOP -> true;
                case STOP -> false;
            };
            case AWAITING_SUPPLEMENT -> this == SUPPLEMENT_RECEIVED || this == REQUEST_STOP;
            case AWAITING_PAYMENT -> this == PAYMENT_RECEIVED || this == REQUEST_STOP || this == APOLOGIZE_AND_EXTEND;
            case PAUSED -> this == RESUME || this == REQUEST_STOP || this == APOLOGIZE_AND_EXTEND
                    || this == CONSULTATION_ANSWERED;
            case WITHDRAWAL_REQUESTED -> this == STOP || this == RESUME;
            case RESULT_READY -> this == RETURN_RESULT;
            case REFUSED_AT_INTAKE, STOPPED, RETURNED -> false;
        };
    }

    /** The role that takes the action on the current step, when the action is the step's own (null: decided by the action). */
    static DossierAction completing(Role stepRole) {
        return switch (stepRole) {
            case ASSIGNER -> ASSIGN;
            case SIGNER -> APPROVE;
            case CLERK -> ISSUE_RESULT;
            case DESK_OFFICER -> RETURN_RESULT;
            case SPECIALIST, UNIT_HEAD, CENTRE_MANAGER, CATALOG_OFFICER, OVERSIGHT_VIEWER, ADMIN -> COMPLETE_STEP;
        };
    }
}
