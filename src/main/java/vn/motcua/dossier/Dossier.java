package vn.motcua.dossier;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A dossier as staff see it: what the desk recorded at intake, copied from the catalog and the organisation at that
 * moment (procedure version, agency names, processing time), its history and, once received, its processing
 * ({@link Progress}: steps, clock, result; its fields appear at the top level of the JSON).
 */
public record Dossier(UUID id, String code, boolean codeFromPortal, Channel channel, DossierState state, int nationalStatus,
                      Procedure procedure, Agency receivingAgency, Agency handlingAgency, Applicant applicant,
                      List<Document> documents, List<MissingItem> missing, ProcessingTime processingTime,
                      @Nullable Instant submittedAt, @Nullable Instant receivedAt, @Nullable Instant dueAt,
                      Instant decidedAt, String decidedBy, String note, int version, List<HistoryEntry> history,
                      List<SlipIssued> slips, @JsonUnwrapped Progress progress) {

    /** The procedure version in force at intake. */
    public record Procedure(String code, String name, int version, String decision) {
    }

    public record Agency(UUID id, String electronicId, String name) {
    }

    /**
     * A checklist item of the version in force, with what was handed in.
     *
     * @param number position in the checklist (1, 2, …), 0 for a document the checklist does not name
     */
    public record Document(int number, String name, boolean mandatory, int originals, int copies, @Nullable UUID fileId,
                           @Nullable String sha256) {
        public boolean handedIn() {
            return originals > 0 || copies > 0 || fileId != null;
        }
    }

    /** Something the applicant must still bring (Form 02), and why. */
    public record MissingItem(String name, String reason) {
    }

    /** The time limit of the procedure for the channel used, as copied at intake; amount and unit null when none is stated. */
    public record ProcessingTime(@Nullable Integer amount, @Nullable String unit, String text) {
    }

    /** One line of the history: when, who ({@code by} in JSON), which action, from which state to which, the notes. */
    public record HistoryEntry(Instant at, @JsonProperty("by") String actor, @Nullable DossierState from, DossierState to,
                               int nationalStatus, String publicNote, String note, String action, @Nullable String step) {
    }

    /** The original due time (before any extension), null before receipt. */
    public @Nullable Instant originalDueAt() {
        return progress.originalDueAt();
    }

    public boolean extended() {
        return progress.extended();
    }

    public List<Progress.CurrentStep> currentSteps() {
        return progress.currentSteps();
    }

    public record SlipIssued(UUID id, String form, String number, Instant issuedAt) {
    }
}
