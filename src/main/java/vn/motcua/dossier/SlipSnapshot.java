package vn.motcua.dossier;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * What a slip (Form 01, 02 or 03) said when it was issued, kept as issued in {@code dossier.slip}: reprinting it
 * never recomputes anything, whatever changed in the catalog or the organisation since.
 *
 * @param form        01 (receipt and appointment), 02 (supplement request) or 03 (refusal)
 * @param number      số/ký hiệu of the slip
 * @param agency      the issuing agency (the receiving point), with {@code parentAgency} above it in the header
 * @param appointment Form 01: when the result is due; null when the procedure states no time limit
 * @param reason      Form 02: why; Form 03: the reason for refusing, in words
 * @param lookupUrl   what the QR code opens: the public lookup of this dossier
 */
public record SlipSnapshot(String form, String number, Instant issuedAt, String agency, @Nullable String parentAgency,
                           String place, String dossierCode, String procedureCode, String procedureName,
                           String applicantName, @Nullable String applicantIdNumber, @Nullable String applicantTaxCode,
                           String applicantAddress, @Nullable String applicantPhone, @Nullable String applicantEmail,
                           List<Line> documents, @Nullable Instant appointment, String processingTime,
                           List<Dossier.MissingItem> missing, String reason, String officer, String handlingAgency,
                           String channel, String lookupUrl) {

    /** A document received: its name, originals and copies. */
    public record Line(String name, int originals, int copies) {
    }
}
