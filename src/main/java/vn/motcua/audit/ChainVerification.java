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
 */
public record ChainVerification(boolean intact, boolean full, long sealsChecked, long recordsChecked, long pendingRecords,
                                @Nullable Long lastSeal, @Nullable String problem, @Nullable Long firstBrokenRecord,
                                @Nullable Long firstBrokenSeal, @Nullable String reason) {
}
