package vn.motcua.dossier.slip;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.jspecify.annotations.Nullable;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything one slip prints, fixed when it is issued. The slip is rendered from this alone (no dossier, catalog or
 * organisation is read), so the caller stores the content it issued (it serialises to JSON as it is, the form named by
 * {@code body.form}) and renders the stored content again for a reprint: an agency renamed or a procedure amended
 * later does not change a slip already in the applicant's hands.
 *
 * @param issuer          the agency issuing the slip (the receiving desk) under its parent (vn-rules §5.2 header)
 * @param place           the place name of the date line ("Đà Lạt")
 * @param issuedAt        when the slip was issued
 * @param reference       the slip's số/ký hiệu ("0001/TNHS"), or null to print a blank for it
 * @param dossierCode     the dossier code (Circular 03/2025 Art. 13), printed and looked up by the QR code
 * @param procedure       the procedure requested, as it was in force at receipt
 * @param applicant       who the dossier is for
 * @param receivingOfficer the officer who received, asked for the supplement or refused (signs the slip)
 * @param handlingAgency  the competent agency that handles the dossier (may differ from the receiving desk)
 * @param lookupUrl       the public lookup address the QR code encodes (absolute http or https)
 * @param body            what the form says: a receipt (01), a supplement request (02), a refusal (03), an apology and
 *                        extension (04), a stop notice (05) or the process-control slip (06)
 */
public record SlipContent(Issuer issuer, String place, Instant issuedAt, @Nullable String reference, String dossierCode,
                          Procedure procedure, Applicant applicant, String receivingOfficer, String handlingAgency,
                          String lookupUrl, Body body) {

    public SlipContent {
        Objects.requireNonNull(issuer, "issuer");
        place = Texts.required(place, "place");
        Objects.requireNonNull(issuedAt, "issuedAt");
        reference = Texts.optional(reference);
        dossierCode = Texts.required(dossierCode, "dossierCode");
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(applicant, "applicant");
        receivingOfficer = Texts.required(receivingOfficer, "receivingOfficer");
        handlingAgency = Texts.required(handlingAgency, "handlingAgency");
        lookupUrl = Texts.required(lookupUrl, "lookupUrl");
        URI uri = URI.create(lookupUrl);
        if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("lookupUrl must be an absolute http(s) address: " + lookupUrl);
        }
        Objects.requireNonNull(body, "body");
    }

    /** Which form this content fills, decided by its body. */
    @JsonIgnore
    public SlipForm form() {
        return switch (body) {
            case Receipt r -> SlipForm.RECEIPT_01;
            case SupplementRequest s -> SlipForm.SUPPLEMENT_REQUEST_02;
            case Refusal r -> SlipForm.REFUSAL_03;
            case Apology a -> SlipForm.APOLOGY_04;
            case StopNotice n -> SlipForm.STOP_NOTICE_05;
            case ProcessControl p -> SlipForm.PROCESS_CONTROL_06;
        };
    }

    /**
     * The issuing agency ("Trung tâm Phục vụ hành chính công tỉnh") and its parent ("Ủy ban nhân dân tỉnh Lâm Đồng"),
     * with the desk's phone for questions. A line break in a name is where the header breaks it (agencies choose how
     * their name stands in two lines); running text joins the lines.
     */
    public record Issuer(String parentName, String name, @Nullable String phone) {
        public Issuer {
            parentName = Texts.required(parentName, "issuer.parentName");
            name = Texts.required(name, "issuer.name");
            phone = Texts.optional(phone);
        }
    }

    /** A procedure by its code ("1.000894") and name. */
    public record Procedure(String code, String name) {
        public Procedure {
            code = Texts.required(code, "procedure.code");
            name = Texts.required(name, "procedure.name");
        }
    }

    /** A citizen (ID number: the 12-digit personal identification number) or an organisation (ID number: its tax code). */
    public enum ApplicantKind { CITIZEN, ORGANIZATION }

    /** The applicant as identified at the desk; what was not given prints as a blank line. */
    public record Applicant(ApplicantKind kind, String name, @Nullable String idNumber, @Nullable String address,
                            @Nullable String phone, @Nullable String email, @Nullable String representative) {
        public Applicant {
            Objects.requireNonNull(kind, "applicant.kind");
            name = Texts.required(name, "applicant.name");
            idNumber = Texts.optional(idNumber);
            address = Texts.optional(address);
            phone = Texts.optional(phone);
            email = Texts.optional(email);
            representative = Texts.optional(representative);
        }

        public static Applicant citizen(String name, @Nullable String idNumber, @Nullable String address,
                                        @Nullable String phone, @Nullable String email) {
            return new Applicant(ApplicantKind.CITIZEN, name, idNumber, address, phone, email, null);
        }

        public static Applicant organization(String name, @Nullable String taxCode, @Nullable String address,
                                             @Nullable String phone, @Nullable String email, @Nullable String representative) {
            return new Applicant(ApplicantKind.ORGANIZATION, name, taxCode, address, phone, email, representative);
        }
    }

    /** What a form says beyond the common header. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "form")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Receipt.class, name = "RECEIPT_01"),
            @JsonSubTypes.Type(value = SupplementRequest.class, name = "SUPPLEMENT_REQUEST_02"),
            @JsonSubTypes.Type(value = Refusal.class, name = "REFUSAL_03"),
            @JsonSubTypes.Type(value = Apology.class, name = "APOLOGY_04"),
            @JsonSubTypes.Type(value = StopNotice.class, name = "STOP_NOTICE_05"),
            @JsonSubTypes.Type(value = ProcessControl.class, name = "PROCESS_CONTROL_06")})
    public sealed interface Body permits Receipt, SupplementRequest, Refusal, Apology, StopNotice, ProcessControl {
    }

    /**
     * Form 01: the documents received, the number of sets, the legal processing time in words ("05 ngày làm việc"),
     * when the dossier was received, the appointment for the result, where the result is returned, and the entry in
     * the tracking book (null: left blank for the officer to write).
     */
    public record Receipt(List<ReceivedDocument> documents, int sets, String legalTime, Instant receivedAt,
                          Instant appointmentAt, ResultDelivery delivery, @Nullable BookEntry book) implements Body {
        public Receipt {
            documents = List.copyOf(documents);
            if (documents.isEmpty()) {
                throw new IllegalArgumentException("a receipt lists the documents received");
            }
            if (sets < 1) {
                throw new IllegalArgumentException("sets must be at least 1");
            }
            legalTime = Texts.required(legalTime, "legalTime");
            Objects.requireNonNull(receivedAt, "receivedAt");
            Objects.requireNonNull(appointmentAt, "appointmentAt");
            if (appointmentAt.isBefore(receivedAt)) {
                throw new IllegalArgumentException("the appointment is before the receipt");
            }
            Objects.requireNonNull(delivery, "delivery");
        }
    }

    /** One document of a receipt: its name as in the procedure's list, and how many originals and copies came. */
    public record ReceivedDocument(String name, int originals, int copies) {
        public ReceivedDocument {
            name = Texts.required(name, "document.name");
            if (originals < 0 || copies < 0 || originals + copies == 0) {
                throw new IllegalArgumentException("a received document has at least one original or copy: " + name);
            }
        }
    }

    /** "Vào Sổ theo dõi hồ sơ, Quyển số …, Số thứ tự …". */
    public record BookEntry(String volume, int number) {
        public BookEntry {
            volume = Texts.required(volume, "book.volume");
            if (number < 1) {
                throw new IllegalArgumentException("book numbers start at 1");
            }
        }
    }

    /**
     * Form 02: everything to supply or correct, asked for at once, each with its reason, and the reason for the
     * request as a whole (Decree 118/2025 Art. 17; the reasons are words, never an error code).
     */
    public record SupplementRequest(List<MissingItem> missing, String reason) implements Body {
        public SupplementRequest {
            missing = List.copyOf(missing);
            if (missing.isEmpty()) {
                throw new IllegalArgumentException("a supplement request names what is missing");
            }
            reason = Texts.inWords(reason, "reason");
        }
    }

    /** One thing to supply or correct ("Bản sao Giấy khai sinh của con") and why ("Hồ sơ chưa có giấy tờ này"). */
    public record MissingItem(String what, String reason) {
        public MissingItem {
            what = Texts.required(what, "missing.what");
            reason = Texts.inWords(reason, "missing.reason");
        }
    }

    /** Form 03: the reason for refusing, in words (vn-rules §5.2: never a technical error code). */
    public record Refusal(String reason) implements Body {
        public Refusal {
            reason = Texts.inWords(reason, "reason");
        }
    }

    /**
     * Form 04: the agency responsible for the delay apologises to the applicant: when the dossier was received, the
     * appointment it had, why it will be late, and the new appointment it proposes (only once per dossier, at least
     * one working day before the appointment; vn-rules §5.2). Signed by the head of that agency.
     */
    public record Apology(Instant receivedAt, Instant originalDueAt, String reason, Instant newDueAt, String signerTitle) implements Body {
        public Apology {
            Objects.requireNonNull(receivedAt, "receivedAt");
            Objects.requireNonNull(originalDueAt, "originalDueAt");
            reason = Texts.inWords(reason, "reason");
            Objects.requireNonNull(newDueAt, "newDueAt");
            if (!newDueAt.isAfter(originalDueAt)) {
                throw new IllegalArgumentException("the new appointment is not after the one it replaces");
            }
            signerTitle = Texts.required(signerTitle, "signerTitle");
        }
    }

    /**
     * Form 05: processing stops at the applicant's request: when it was asked, at which stage the dossier was, the
     * reason, that no result decision had been issued, and what happens to fees and original documents.
     */
    public record StopNotice(Instant requestedAt, String stage, String reason, String fees) implements Body {
        public StopNotice {
            Objects.requireNonNull(requestedAt, "requestedAt");
            stage = Texts.required(stage, "stage");
            reason = Texts.inWords(reason, "reason");
            fees = Texts.required(fees, "fees");
        }
    }

    /** Form 06: every hand-over, in order, as it was recorded (generated from the append-only history, never edited). */
    public record ProcessControl(List<ControlRow> rows) implements Body {
        public ProcessControl {
            rows = List.copyOf(rows);
        }
    }

    /**
     * One hand-over of Form 06: the agency, who handed over ("Giao") and who received ("Nhận"), when, and the result
     * at that point: "Trước hạn", "Đúng hạn" or "Quá hạn".
     */
    public record ControlRow(String agency, String giver, String receiver, Instant at, String result, String note) {
        public ControlRow {
            agency = Texts.required(agency, "row.agency");
            giver = Objects.requireNonNullElse(giver, "");
            receiver = Objects.requireNonNullElse(receiver, "");
            Objects.requireNonNull(at, "row.at");
            result = Texts.required(result, "row.result");
            note = Objects.requireNonNullElse(note, "");
        }
    }
}
