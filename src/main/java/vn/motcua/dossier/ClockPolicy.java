package vn.motcua.dossier;

import java.util.List;

/**
 * How a procedure's clock behaves, as data ({@code dossier.clock_policy}; one row without a procedure is the default),
 * copied onto a dossier at receipt so a later change never moves its due time.
 *
 * @param supplementWindowDays working days after receipt within which processing may ask for a supplement (Decree
 *                             61/2018 Art. 19(2): 3 unless sector law says otherwise)
 * @param onSupplement         what the documents' return does to the due time: the law restarts the full period; the
 *                             shifted due time is computed either way for the national index
 * @param paymentAllowed       whether processing may wait for a fee or tax (national status 6)
 * @param paymentPauses        whether that wait stops the clock (only where sector law says so)
 * @param pauseReasons         the other pauses this procedure's law allows (site inspection, verification…)
 */
public record ClockPolicy(int supplementWindowDays, OnSupplement onSupplement, boolean paymentAllowed, boolean paymentPauses,
                          List<String> pauseReasons, String legalBasis) {

    public ClockPolicy {
        pauseReasons = List.copyOf(pauseReasons);
    }

    /** The default when no row says otherwise: 3 working days, restart, no payment wait, no pause. */
    public static ClockPolicy standard() {
        return new ClockPolicy(3, OnSupplement.RESTART, false, false, List.of(), "Nghị định 61/2018/NĐ-CP Điều 19");
    }

    public enum OnSupplement {
        /** The full processing time counts again from the return of the complete dossier (Decree 61/2018 Art. 19). */
        RESTART,
        /** The due time moves by the working time spent waiting (how the national index counts it). */
        SHIFT
    }
}
