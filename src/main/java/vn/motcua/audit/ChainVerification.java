package vn.motcua.audit;

import org.jspecify.annotations.Nullable;

/**
 * The result of checking the audit trail.
 *
 * @param intact            whether every checked record and seal matched
 * @param full              whether the check started from the first seal (else from the newest one already verified)
 * @param sealsChecked      seals read
 * @param recordsChecked    sealed records read
 * @param pendingRecords    records not sealed yet (their MACs were checked too)
 * @param lastSeal          the newest seal in the database, if any
 * @param problem           what is broken: RECORD_CHANGED, RECORD_REMOVED, RECORD_INSERTED, SEAL_CHANGED,
 *                          SEAL_MISSING, TAIL_TRUNCATED or UNKNOWN_KEY
 * @param firstBrokenRecord the first record that is changed, removed or inserted (for a truncated tail: the first
 *                          record of the first missing seal)
 * @param firstBrokenSeal   the seal in which the problem was found
 * @param reason            the problem in words, in Vietnamese
 * @param externalSeals     how many seals kept outside the database were compared (0 when none were given)
 * @param externalSigned    whether those came with a valid signature (a download), rather than as raw log lines
 */
public record ChainVerification(boolean intact, boolean full, long sealsChecked, long recordsChecked, long pendingRecords,
                                @Nullable Long lastSeal, @Nullable String problem, @Nullable Long firstBrokenRecord,
                                @Nullable Long firstBrokenSeal, @Nullable String reason, int externalSeals, boolean externalSigned) {

    ChainVerification withExternalSeals(int count, boolean signed) {
        return new ChainVerification(intact, full, sealsChecked, recordsChecked, pendingRecords, lastSeal, problem, firstBrokenRecord,
                firstBrokenSeal, reason, count, signed);
    }
}
