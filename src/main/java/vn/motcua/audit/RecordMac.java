package vn.motcua.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** The MACs and digests of records and seals, in one place so that writing and verifying cannot disagree. */
final class RecordMac {

    static final String NO_SEAL = "0".repeat(64);

    private RecordMac() {
    }

    static String of(AuditKeys keys, String keyId, long id, Instant at, String actor, String action, String target, String summary) {
        return keys.mac(keyId, "record", id, at, actor, action, target, summary);
    }

    static String sealMac(AuditKeys keys, Seal s) {
        return keys.mac(s.keyId(), "seal", s.sealNo(), s.sealedAt(), s.fromTx(), s.toTx(), s.records(), s.firstRecord(),
                s.lastRecord(), s.digest(), s.previousMac(), s.keyId());
    }

    /** SHA-256 over the previous seal's MAC and each covered record's id and MAC, in (tx, id) order. */
    static final class Digest {
        private final MessageDigest sha;

        Digest(String previousMac) {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            sha.update(previousMac.getBytes(StandardCharsets.US_ASCII));
        }

        void add(long id, String mac) {
            sha.update(("|" + id + ":" + mac).getBytes(StandardCharsets.US_ASCII));
        }

        String hex() {
            return HexFormat.of().formatHex(sha.digest());
        }
    }
}
