package vn.motcua.audit;

import java.time.Instant;

/** One recorded action: who did what to which target, when, and the chain hashes. */
public record AuditEntry(long seq, Instant occurredAt, String actor, String action, String target, String summary,
                         String previousHash, String hash) {

    /** When it happened, on Vietnam's clock (for pages). */
    public java.time.LocalDateTime localTime() {
        return java.time.LocalDateTime.ofInstant(occurredAt, vn.motcua.platform.TimeConfiguration.VIETNAM);
    }
}
