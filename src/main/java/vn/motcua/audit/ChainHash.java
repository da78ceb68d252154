package vn.motcua.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The unkeyed SHA-256 chain of the first audit design: SHA-256 over the previous hash and every field of a row, each
 * length-prefixed so fields cannot shift. Kept only to verify the rows that migration V2 carried over
 * (key {@code legacy-sha256}); new records are signed with {@link AuditKeys}.
 */
final class ChainHash {

    static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    static String of(String previousHash, long seq, Instant occurredAt, String actor, String action, String target, String summary) {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            for (String field : new String[]{previousHash, Long.toString(seq), occurredAt.toString(), actor, action, target, summary}) {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
