package vn.motcua.dossier;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One action on a dossier, as {@code POST /api/v1/dossiers/{code}/actions} takes it; which fields an action needs is
 * {@link DossierAction#needs()}.
 *
 * @param version        the dossier version the person saw: when someone acted meanwhile the action is refused (409)
 * @param note           the reason, answer or note, in words
 * @param assignee       ASSIGN: the username of the specialist (or of whoever holds the next step's role)
 * @param unit           ASSIGN, CONSULT, TRANSFER: the unit's id (ASSIGN without an assignee: the unit's queue)
 * @param agency         CONSULT, TRANSFER: the agency's id or the electronic ID it holds now
 * @param role           TRANSFER: the role that acts at the other agency (SPECIALIST by default)
 * @param days           CONSULT, TRANSFER: the budget in working days
 * @param missing        REQUEST_SUPPLEMENT: every missing item with its reason, at once
 * @param consultationId CONSULTATION_ANSWERED: which consultation is answered
 * @param amount         REQUEST_PAYMENT: the amount in VND
 * @param reason         PAUSE: one of the pause reasons of the procedure's policy
 * @param newDueAt       APOLOGIZE_AND_EXTEND: the new appointment
 * @param resultNumber   ISSUE_RESULT: the result's number (số, ký hiệu)
 * @param resultDate     ISSUE_RESULT: the date the result was signed
 * @param signedFileId   ISSUE_RESULT: the signed file (an upload of the files module)
 * @param delivery       RETURN_RESULT: how the result was handed over
 * @param receivedBy     RETURN_RESULT: who received it (the applicant or an authorised person, by name)
 */
public record ActionRequest(@Nullable DossierAction action, @Nullable Integer version, @Nullable String note,
                            @Nullable String assignee, @Nullable UUID unit, @Nullable String agency, @Nullable String role,
                            @Nullable Integer days, @Nullable List<Intake.Missing> missing, @Nullable UUID consultationId,
                            @Nullable Long amount, @Nullable String reason, @Nullable Instant newDueAt,
                            @Nullable String resultNumber, @Nullable LocalDate resultDate, @Nullable UUID signedFileId,
                            @Nullable Delivery delivery, @Nullable String receivedBy) {

    /** How a result reaches the applicant (Decree 118/2025 Art. 22). */
    public enum Delivery {
        /** At the one-stop desk. */
        COUNTER,
        /** By post (BCCI). */
        POST,
        /** Electronically, into the applicant's e-storage on the portal. */
        ELECTRONIC
    }

    /** An action with nothing but its name and the version seen (for tests and simple callers). */
    public static ActionRequest of(DossierAction action, @Nullable Integer version) {
        return new ActionRequest(action, version, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    public ActionRequest withNote(@Nullable String text) {
        return new ActionRequest(action, version, text, assignee, unit, agency, role, days, missing, consultationId, amount, reason,
                newDueAt, resultNumber, resultDate, signedFileId, delivery, receivedBy);
    }

    public ActionRequest withAssignee(@Nullable String username, @Nullable UUID unitId) {
        return new ActionRequest(action, version, note, username, unitId, agency, role, days, missing, consultationId, amount, reason,
                newDueAt, resultNumber, resultDate, signedFileId, delivery, receivedBy);
    }

    public ActionRequest withAgency(@Nullable String agencyRef, @Nullable Integer workingDays) {
        return new ActionRequest(action, version, note, assignee, unit, agencyRef, role, workingDays, missing, consultationId, amount,
                reason, newDueAt, resultNumber, resultDate, signedFileId, delivery, receivedBy);
    }

    public ActionRequest withMissing(@Nullable List<Intake.Missing> items) {
        return new ActionRequest(action, version, note, assignee, unit, agency, role, days, items, consultationId, amount, reason,
                newDueAt, resultNumber, resultDate, signedFileId, delivery, receivedBy);
    }

    public ActionRequest withConsultation(@Nullable UUID id) {
        return new ActionRequest(action, version, note, assignee, unit, agency, role, days, missing, id, amount, reason, newDueAt,
                resultNumber, resultDate, signedFileId, delivery, receivedBy);
    }

    public ActionRequest withNewDueAt(@Nullable Instant at) {
        return new ActionRequest(action, version, note, assignee, unit, agency, role, days, missing, consultationId, amount, reason, at,
                resultNumber, resultDate, signedFileId, delivery, receivedBy);
    }

    public ActionRequest withResult(@Nullable String number, @Nullable LocalDate date, @Nullable UUID fileId) {
        return new ActionRequest(action, version, note, assignee, unit, agency, role, days, missing, consultationId, amount, reason,
                newDueAt, number, date, fileId, delivery, receivedBy);
    }

    public ActionRequest withDelivery(@Nullable Delivery how, @Nullable String who) {
        return new ActionRequest(action, version, note, assignee, unit, agency, role, days, missing, consultationId, amount, reason,
                newDueAt, resultNumber, resultDate, signedFileId, how, who);
    }

    public ActionRequest withPayment(@Nullable Long vnd) {
        return new ActionRequest(action, version, note, assignee, unit, agency, role, days, missing, consultationId, vnd, reason,
                newDueAt, resultNumber, resultDate, signedFileId, delivery, receivedBy);
    }

    public ActionRequest withReason(@Nullable String pauseReason) {
        return new ActionRequest(action, version, note, assignee, unit, agency, role, days, missing, consultationId, amount, pauseReason,
                newDueAt, resultNumber, resultDate, signedFileId, delivery, receivedBy);
    }

    public ActionRequest withRole(@Nullable String stepRole) {
        return new ActionRequest(action, version, note, assignee, unit, agency, stepRole, days, missing, consultationId, amount, reason,
                newDueAt, resultNumber, resultDate, signedFileId, delivery, receivedBy);
    }
}
