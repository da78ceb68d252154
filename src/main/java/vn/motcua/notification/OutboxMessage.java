package vn.motcua.notification;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * One message of the outbox, as administrators see it (and as the JSON endpoint returns it).
 *
 * @param eventKey     the dossier event it tells about (code, kind and time): one message per event and channel
 * @param attempts     deliveries tried so far
 * @param nextAttemptAt when a PENDING message is tried again (a SENDING one: when its node's lease runs out)
 * @param lastError    what the SMTP server or gateway answered on the last failed attempt
 */
public record OutboxMessage(long id, String eventKey, NotificationChannel channel, NotificationKind kind, String recipient,
                            String subject, String body, String dossierCode, NotificationStatus status, int attempts,
                            Instant nextAttemptAt, @Nullable String lastError, Instant createdAt, @Nullable Instant sentAt) {
}
