package vn.motcua.dossier;

import org.jspecify.annotations.Nullable;
import vn.motcua.platform.AuditableEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The applicant rated the service after the result was returned (once per dossier). Published by
 * {@code dossier.rating.DossierRatings} in the transaction that stores the rating, and audited. Not one of the
 * {@link DossierEvent}s (it does not move the dossier, and carries no national status of its own); oversight counts it
 * for indicator 5.4 of QĐ 766 and the per-officer satisfaction figures.
 *
 * @param channel    {@code QR} (the applicant, from the receipt's QR code, proving the dossier with the last four
 *                   digits of a phone or ID number) or {@code DESK} (the desk screen opened by {@code openedBy})
 * @param receivedBy the desk officer who received the dossier (or accepted it online): the officer the rating counts for
 * @param returnedBy who handed the result over
 * @param overall    the answer to the overall question (1-5) when the set in force asked it
 * @param answers    every answer, by question code
 */
public record DossierRated(String code, String procedureCode, UUID receivingAgencyId, UUID handlingAgencyId, String channel,
                           @Nullable String receivedBy, @Nullable String returnedBy, @Nullable String openedBy,
                           @Nullable Integer overall, List<Answer> answers, Instant at) implements AuditableEvent {

    public record Answer(String question, int value) {
    }

    @Override
    public String action() {
        return "DOSSIER_RATED";
    }

    @Override
    public String target() {
        return "dossier:" + code;
    }

    @Override
    public String summary() {
        return "Đánh giá hồ sơ " + code + (channel.equals("DESK") ? " tại quầy" : " qua mã QR")
                + (overall == null ? "" : ", hài lòng chung " + overall + "/5");
    }
}
