package vn.motcua.oversight;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * What oversight keeps of one dossier, projected from the dossier module's events: the dates the statistics and the
 * 766 index use (vn-rules §2.4.2 "keep separate timestamps").
 *
 * @param originalDueAt  the appointment without extension (NgayHenTra): what on time is judged against
 * @param supplementCount how many times the handling agency asked for more documents after receipt
 * @param supplementRequestedAt the last supplement request (NgayYeuCauBoSung), null when none
 * @param supplementReceivedAt  when the documents of that request came back (NgayHoanThanhBoSung), null while waiting
 * @param endedAt        NgayKetThucXuLy: the first of result ready (9), returned (10), stopped, refused or withdrawn
 * @param end            how it ended, null while open
 */
public record DossierFact(String code, Instant receivedAt, @Nullable Instant originalDueAt, boolean extended, int supplementCount,
                          @Nullable Instant supplementRequestedAt, @Nullable Instant supplementReceivedAt, @Nullable Instant endedAt,
                          @Nullable End end) {

    public enum End {
        /** The result (a grant) is ready or returned. */
        RESOLVED,
        /** Refused on the merits: a refusal is the result. */
        REFUSED,
        /** Stopped or withdrawn at the applicant's request (Form 05). */
        STOPPED
    }
}
