package vn.motcua.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of notifications ({@code motcua.notification.*}; README, "Notifications").
 *
 * @param email         e-mail: queued for every applicant with an address while {@code enabled}; delivered only by a node
 *                      with an SMTP server ({@code spring.mail.host}); {@code from} and {@code fromName} head every message
 * @param sms           SMS: queued and delivered only while {@code enabled}, through the gateway named by {@code gateway}
 *                      ({@code logging}, the only one: it writes to the log what it would send)
 * @param maxAttempts   deliveries tried before a message is FAILED and listed for administrators
 * @param firstRetry    the wait after the first failed attempt; each further failure doubles it
 * @param maxRetryDelay the longest wait between two attempts
 * @param lease         how long a node holds a message it is delivering before another node may take it (a node that died)
 * @param batch         messages one round of the sender takes
 * @param sendMs        how often the sender looks for due messages
 * @param sendAfterCommit whether a commit that queued messages also wakes the sender at once (tests of retries turn it off)
 */
@ConfigurationProperties("motcua.notification")
record NotificationSettings(@DefaultValue Email email, @DefaultValue Sms sms, @DefaultValue("8") int maxAttempts,
                            @DefaultValue("1m") Duration firstRetry, @DefaultValue("1h") Duration maxRetryDelay,
                            @DefaultValue("2m") Duration lease, @DefaultValue("50") int batch,
                            @DefaultValue("5000") long sendMs, @DefaultValue("true") boolean sendAfterCommit) {

    NotificationSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("motcua.notification.max-attempts phải từ 1 trở lên (must be at least 1)");
        }
        if (firstRetry.isNegative() || maxRetryDelay.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("motcua.notification.max-retry-delay phải không nhỏ hơn first-retry (must not be shorter than first-retry)");
        }
    }

    record Email(@DefaultValue("true") boolean enabled, @DefaultValue("no-reply@motcua.invalid") String from,
                 @DefaultValue("Hệ thống một cửa điện tử") String fromName) {
    }

    /**
     * @param unaccented   send without diacritics (GSM 7-bit: 160 characters a part instead of 70), for gateways or
     *                     contracts that charge Unicode messages more
     * @param maxParts     the longest message, in parts; longer texts are cut at a word, never inside a letter
     */
    record Sms(@DefaultValue("false") boolean enabled, @DefaultValue("logging") String gateway,
               @DefaultValue("false") boolean unaccented, @DefaultValue("3") int maxParts) {
    }

    /** The wait before attempt {@code attempts + 1} after {@code attempts} failed ones: first-retry × 2^(attempts-1), capped. */
    Duration retryDelay(int attempts) {
        Duration delay = firstRetry;
        for (int i = 1; i < attempts && delay.compareTo(maxRetryDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
