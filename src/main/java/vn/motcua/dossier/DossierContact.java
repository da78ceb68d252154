package vn.motcua.dossier;

import org.jspecify.annotations.Nullable;

/**
 * How to reach the applicant of a dossier, as the desk recorded it at intake, with the names a message to them
 * needs (the procedure and the agencies, as copied at intake: later catalog or organisation changes do not alter them).
 */
public record DossierContact(String code, String applicantName, @Nullable String email, @Nullable String phone,
                             String procedureCode, String procedureName, String receivingAgency, String handlingAgency) {
}
