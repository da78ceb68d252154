package vn.motcua.dossier.slip;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Form 07, the tracking book (Sổ theo dõi hồ sơ) of a desk for a period: one row per dossier received, numbered from
 * {@code firstNumber} (a paper book is opened per year and numbered on; a period's extract starts where it starts).
 * Like a slip it is rendered from this content alone.
 */
public record TrackingBook(SlipContent.Issuer issuer, String place, Instant issuedAt, LocalDate from, LocalDate to,
                           int firstNumber, List<Row> rows) {

    public TrackingBook {
        Objects.requireNonNull(issuer, "issuer");
        place = Texts.required(place, "place");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends before it starts");
        }
        if (firstNumber < 1) {
            throw new IllegalArgumentException("book numbers start at 1");
        }
        rows = List.copyOf(rows);
    }

    /**
     * One dossier in the book, with the columns of Form 07 (vn-rules §5.2): the times not yet reached are null and
     * print blank; "Ký nhận" is left for the applicant's signature on paper.
     */
    public record Row(String dossierCode, String procedureName, int sets, String applicantName,
                      @Nullable String addressAndPhone, String handlingAgency, Instant receivedAt,
                      @Nullable Instant appointmentAt, @Nullable Instant transferredAt, @Nullable Instant resultReceivedAt,
                      @Nullable Instant returnedAt, @Nullable String note) {
        public Row {
            dossierCode = Texts.required(dossierCode, "dossierCode");
            procedureName = Texts.required(procedureName, "procedureName");
            if (sets < 1) {
                throw new IllegalArgumentException("sets must be at least 1");
            }
            applicantName = Texts.required(applicantName, "applicantName");
            addressAndPhone = Texts.optional(addressAndPhone);
            handlingAgency = Texts.required(handlingAgency, "handlingAgency");
            Objects.requireNonNull(receivedAt, "receivedAt");
            note = Texts.optional(note);
        }
    }
}
