package vn.motcua.dossier;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * A dossier as the desk (or the portal) hands it in: the API's {@code POST /api/v1/dossiers} body and the intake
 * page's form, checked by {@link DossierIntake#receive}.
 *
 * @param procedureCode   the TTHC code (d.dddddd), whose version in force today applies
 * @param channel         DIRECT, ONLINE or POSTAL
 * @param handlingAgency  the competent agency's electronic ID; it may differ from the receiving point
 * @param receivingAgency the receiving point's electronic ID; by default the desk officer's own agency
 * @param documents       the documents handed in, against the checklist of the version in force
 * @param missing         for a supplement request: what is missing, each with why (added to the documents not handed in)
 * @param outcome         for DIRECT and POSTAL: RECEIVE, REQUEST_SUPPLEMENT or REFUSE; an ONLINE dossier is SUBMITTED
 * @param note            the reason of a supplement request or a refusal, in words; otherwise a note for the file
 * @param nationalCode    the code the national portal gave an online dossier; it is kept and no second one is issued
 */
public record Intake(@Nullable String procedureCode, @Nullable Channel channel, @Nullable String handlingAgency,
                     @Nullable String receivingAgency, @Nullable Applicant applicant, @Nullable List<DocumentIn> documents,
                     @Nullable List<Missing> missing, @Nullable Outcome outcome, @Nullable String note,
                     @Nullable String nationalCode) {

    /**
     * A document handed in: {@code requirement} is its number in the checklist (1, 2, … as printed) or its name.
     */
    public record DocumentIn(@Nullable String requirement, int originals, int copies, java.util.@Nullable UUID fileId) {
    }

    /** Something the applicant must still bring, and why. */
    public record Missing(@Nullable String requirement, @Nullable String reason) {
    }

    /** What the desk does with a dossier handed in. */
    public enum Outcome { RECEIVE, REQUEST_SUPPLEMENT, REFUSE }
}
