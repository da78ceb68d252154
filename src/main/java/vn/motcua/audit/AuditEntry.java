package vn.motcua.audit;

import vn.motcua.platform.TimeConfiguration;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * One recorded action: who did what to which target, when.
 *
 * @param id     the record's number; numbers grow but have gaps (each node reserves a block)
 * @param sealed whether a seal covers it yet (a record waits at most a few seconds for its seal)
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String target, String summary,
                         boolean sealed) {

    /** When it happened, on Vietnam's clock (for pages). */
    public LocalDateTime localTime() {
        return LocalDateTime.ofInstant(occurredAt, TimeConfiguration.VIETNAM);
    }
}
