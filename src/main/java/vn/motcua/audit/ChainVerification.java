package vn.motcua.audit;

import org.jspecify.annotations.Nullable;

/**
 * The result of recomputing the hash chain.
 *
 * @param intact         whether every row matched
 * @param checked        rows read
 * @param firstBrokenSeq the first row whose hash or link does not match, if any
 * @param reason         why that row is broken
 */
public record ChainVerification(boolean intact, long checked, @Nullable Long firstBrokenSeq, @Nullable String reason) {

    static ChainVerification ok(long checked) {
        return new ChainVerification(true, checked, null, null);
    }

    static ChainVerification brokenAt(long checked, long seq, String reason) {
        return new ChainVerification(false, checked, seq, reason);
    }
}
