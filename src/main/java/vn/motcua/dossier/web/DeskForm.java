package vn.motcua.dossier.web;

import org.jspecify.annotations.Nullable;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Intake;
import vn.motcua.platform.DomainProblem.InvalidParam;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the officer types on the desk intake page, carried from the form to the "check your answers" step and back in
 * the page itself (hidden fields), so that nothing typed is ever lost. Its property paths are the API's field names
 * ({@code applicant.idNumber}, {@code documents[0].originals}), so a problem from {@code DossierIntake} lands next to
 * the field it names. The {@code token} is the intake's Idempotency-Key: a double click sends it twice and gets the
 * first dossier back.
 */
public class DeskForm {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    static final int MISSING_ROWS = 3;

    private String token = UUID.randomUUID().toString();
    private String procedureCode = "";
    private String channel = Channel.DIRECT.name();
    private String receivingAgency = "";
    private String handlingAgency = "";
    private String returningNumber = "";
    private ApplicantFields applicant = new ApplicantFields();
    private List<DocumentFields> documents = new ArrayList<>();
    private List<MissingFields> missing = new ArrayList<>();
    private String supplementNote = "";
    private String refusalReason = "";

    /** The intake to check or receive; {@code problems} gets what the page itself could not read (a date). */
    Intake toIntake(Intake.@Nullable Outcome outcome, List<InvalidParam> problems) {
        var a = applicant;
        LocalDate born = null;
        if (!a.dateOfBirth.isBlank()) {
            try {
                born = LocalDate.parse(a.dateOfBirth.strip(), DAY);
            } catch (DateTimeParseException e) {
                problems.add(new InvalidParam("applicant.dateOfBirth", "Ngày sinh viết theo ngày/tháng/năm, ví dụ 05/09/1990."));
            }
        }
        Applicant.Type type = "ORGANIZATION".equals(a.type) ? Applicant.Type.ORGANIZATION : Applicant.Type.CITIZEN;
        boolean citizen = type == Applicant.Type.CITIZEN;
        var address = new Applicant.Address(blank(a.address.provinceCode), null, blank(a.address.wardCode), null, blank(a.address.street));
        var person = new Applicant(type, a.fullName, blank(a.idNumber), citizen ? born : null, blank(a.phone), blank(a.email), address,
                citizen ? null : blank(a.taxCode), citizen ? null : blank(a.representative));
        var docs = new ArrayList<Intake.DocumentIn>();
        for (int i = 0; i < documents.size(); i++) {
            var d = documents.get(i);
            docs.add(new Intake.DocumentIn(Integer.toString(i + 1), d.originals, d.copies, d.fileUuid()));
        }
        List<Intake.Missing> missingIn = null;
        String note = null;
        if (outcome == Intake.Outcome.REQUEST_SUPPLEMENT) {
            missingIn = keptMissingRows().stream().map(missing::get).map(m -> new Intake.Missing(m.requirement, m.reason)).toList();
            note = supplementNote;
        } else if (outcome == Intake.Outcome.REFUSE) {
            note = refusalReason;
        }
        Channel ch = Channel.POSTAL.name().equals(channel) ? Channel.POSTAL : Channel.DIRECT;
        return new Intake(procedureCode, ch, blank(handlingAgency), blank(receivingAgency), person, docs, missingIn, outcome, note, null);
    }

    /** The supplement rows the officer filled in, by their row number: the service numbers only these. */
    List<Integer> keptMissingRows() {
        var kept = new ArrayList<Integer>();
        for (int i = 0; i < missing.size(); i++) {
            if (!missing.get(i).requirement.isBlank() || !missing.get(i).reason.isBlank()) {
                kept.add(i);
            }
        }
        return kept;
    }

    /** Fills the applicant from an earlier dossier (a returning applicant), keeping what the page does not know. */
    void fill(Applicant a) {
        applicant.type = a.type().name();
        applicant.fullName = a.fullName();
        applicant.idNumber = nz(a.idNumber());
        applicant.dateOfBirth = a.dateOfBirth() == null ? "" : a.dateOfBirth().format(DAY);
        applicant.phone = nz(a.phone());
        applicant.email = nz(a.email());
        applicant.taxCode = nz(a.taxCode());
        applicant.representative = nz(a.representative());
        if (a.address() != null) {
            applicant.address.provinceCode = nz(a.address().provinceCode());
            applicant.address.wardCode = nz(a.address().wardCode());
            applicant.address.street = nz(a.address().street());
        }
    }

    /** One row per checklist item, and the supplement request's blank rows. */
    void sizeTo(int checklist) {
        while (documents.size() < checklist) {
            documents.add(new DocumentFields());
        }
        while (documents.size() > checklist) {
            documents.removeLast();
        }
        while (missing.size() < MISSING_ROWS) {
            missing.add(new MissingFields());
        }
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }

    public static class ApplicantFields {
        private String type = Applicant.Type.CITIZEN.name();
        private String fullName = "";
        private String idNumber = "";
        private String dateOfBirth = "";
        private String phone = "";
        private String email = "";
        private String taxCode = "";
        private String representative = "";
        private AddressFields address = new AddressFields();

        public String getType() { return type; }
        public void setType(String type) { this.type = nn(type); }
        public String getFullName() { return fullName; }
        public void setFullName(String fullName) { this.fullName = nn(fullName); }
        public String getIdNumber() { return idNumber; }
        public void setIdNumber(String idNumber) { this.idNumber = nn(idNumber); }
        public String getDateOfBirth() { return dateOfBirth; }
        public void setDateOfBirth(String dateOfBirth) { this.dateOfBirth = nn(dateOfBirth); }
        public String getPhone() { return phone; }
        public void setPhone(String phone) { this.phone = nn(phone); }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = nn(email); }
        public String getTaxCode() { return taxCode; }
        public void setTaxCode(String taxCode) { this.taxCode = nn(taxCode); }
        public String getRepresentative() { return representative; }
        public void setRepresentative(String representative) { this.representative = nn(representative); }
        public AddressFields getAddress() { return address; }
        public void setAddress(AddressFields address) { this.address = address == null ? new AddressFields() : address; }

        public boolean isOrganization() {
            return Applicant.Type.ORGANIZATION.name().equals(type);
        }
    }

    public static class AddressFields {
        private String provinceCode = "";
        private String wardCode = "";
        private String street = "";

        public String getProvinceCode() { return provinceCode; }
        public void setProvinceCode(String provinceCode) { this.provinceCode = nn(provinceCode); }
        public String getWardCode() { return wardCode; }
        public void setWardCode(String wardCode) { this.wardCode = nn(wardCode); }
        public String getStreet() { return street; }
        public void setStreet(String street) { this.street = nn(street); }
    }

    /** A checklist row: originals and copies handed in, and the scan uploaded for it (kept across steps by its id). */
    public static class DocumentFields {
        private int originals;
        private int copies;
        private String fileId = "";
        private String fileName = "";

        public int getOriginals() { return originals; }
        public void setOriginals(int originals) { this.originals = originals; }
        public int getCopies() { return copies; }
        public void setCopies(int copies) { this.copies = copies; }
        public String getFileId() { return fileId; }
        public void setFileId(String fileId) { this.fileId = nn(fileId); }
        public String getFileName() { return fileName; }
        public void setFileName(String fileName) { this.fileName = nn(fileName); }

        @Nullable UUID fileUuid() {
            try {
                return fileId.isBlank() ? null : UUID.fromString(fileId.strip());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        public boolean isHandedIn() {
            return originals > 0 || copies > 0 || !fileId.isBlank();
        }
    }

    public static class MissingFields {
        private String requirement = "";
        private String reason = "";

        public String getRequirement() { return requirement; }
        public void setRequirement(String requirement) { this.requirement = nn(requirement); }
        public String getReason() { return reason; }
        public void setReason(String reason) { this.reason = nn(reason); }
    }

    private static String nn(@Nullable String s) {
        return s == null ? "" : s;
    }

    public String getToken() { return token; }
    public void setToken(String token) { this.token = nn(token); }
    public String getProcedureCode() { return procedureCode; }
    public void setProcedureCode(String procedureCode) { this.procedureCode = nn(procedureCode); }
    public String getChannel() { return channel; }
    public void setChannel(String channel) { this.channel = nn(channel); }
    public String getReceivingAgency() { return receivingAgency; }
    public void setReceivingAgency(String receivingAgency) { this.receivingAgency = nn(receivingAgency); }
    public String getHandlingAgency() { return handlingAgency; }
    public void setHandlingAgency(String handlingAgency) { this.handlingAgency = nn(handlingAgency); }
    public String getReturningNumber() { return returningNumber; }
    public void setReturningNumber(String returningNumber) { this.returningNumber = nn(returningNumber); }
    public ApplicantFields getApplicant() { return applicant; }
    public void setApplicant(ApplicantFields applicant) { this.applicant = applicant == null ? new ApplicantFields() : applicant; }
    public List<DocumentFields> getDocuments() { return documents; }
    public void setDocuments(List<DocumentFields> documents) { this.documents = documents == null ? new ArrayList<>() : documents; }
    public List<MissingFields> getMissing() { return missing; }
    public void setMissing(List<MissingFields> missing) { this.missing = missing == null ? new ArrayList<>() : missing; }
    public String getSupplementNote() { return supplementNote; }
    public void setSupplementNote(String supplementNote) { this.supplementNote = nn(supplementNote); }
    public String getRefusalReason() { return refusalReason; }
    public void setRefusalReason(String refusalReason) { this.refusalReason = nn(refusalReason); }
}
