package vn.motcua.notification;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivers the outbox after the commits that filled it: every {@code motcua.notification.send-ms} and right after a
 * commit that queued messages. Each round claims due messages of the channels this node can deliver (FOR UPDATE SKIP
 * LOCKED: nodes never take the same message), hands each to its channel and records the outcome. A failed attempt is
 * tried again after first-retry × 2^(attempts-1) (capped at max-retry-delay); after max-attempts, or at once when
 * retrying cannot help, the message is FAILED and listed on {@code /admin/notifications}. A message is sent twice only
 * when a node dies between the SMTP server's acceptance and the row's update (its lease then runs out).
 */
@Component
public class OutboxSender implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int MAX_ROUNDS = 20;
    private static final int MAX_ERROR = 1000;

    private final Outbox outbox;
    private final List<Delivery> deliveries;
    private final NotificationSettings settings;
    private final Clock clock;
    private final ExecutorService waker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("notification-sender").factory());
    private final AtomicBoolean wakePending = new AtomicBoolean();

    OutboxSender(Outbox outbox, List<Delivery> deliveries, NotificationSettings settings, Clock clock) {
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.settings = settings;
        this.clock = clock;
    }

    /** Delivers what is due now; answers how many messages were handed to a channel successfully. */
    @Scheduled(fixedDelayString = "${motcua.notification.send-ms:5000}", initialDelayString = "${motcua.notification.send-ms:5000}")
    public int sendDue() {
        return sendDue(clock.instant());
    }

    /** Delivers what is due at {@code now} (tests move time forward through it). */
    int sendDue(Instant now) {
        List<Delivery> available = deliveries.stream().filter(Delivery::available).toList();
        List<NotificationChannel> channels = available.stream().map(Delivery::channel).toList();
        int sent = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<OutboxMessage> claimed = outbox.claim(now, channels, settings.batch(), now.plus(settings.lease()));
            for (OutboxMessage m : claimed) {
                if (deliver(m, delivery(available, m.channel()), now)) {
                    sent++;
                }
            }
            if (claimed.size() < settings.batch()) {
                break;
            }
        }
        return sent;
    }

    /** Runs a round soon, on its own thread (after a commit that queued messages); rounds asked for meanwhile merge. */
    void wake() {
        if (wakePending.compareAndSet(false, true)) {
            waker.execute(() -> {
                wakePending.set(false);
                try {
                    sendDue();
                } catch (RuntimeException e) {
                    log.warn("Gửi thông báo thất bại, sẽ thử lại ở lượt sau: {}", e.toString());
                }
            });
        }
    }

    private boolean deliver(OutboxMessage m, Delivery delivery, Instant now) {
        try {
            delivery.deliver(m);
        } catch (Delivery.PermanentFailure permanent) {
            log.warn("Thông báo #{} ({} tới {}) không gửi được và sẽ không thử lại: {}", m.id(), m.channel(), m.recipient(), permanent.getMessage());
            outbox.attemptFailed(m, describe(permanent), null);
            return false;
        } catch (Exception failure) {
            @Nullable Instant next = m.attempts() >= settings.maxAttempts() ? null : now.plus(settings.retryDelay(m.attempts()));
            if (next == null) {
                log.warn("Thông báo #{} ({} tới {}) thất bại sau {} lần thử: {}", m.id(), m.channel(), m.recipient(), m.attempts(), describe(failure));
            } else {
                log.info("Thông báo #{} ({} tới {}) lần thử {} thất bại, thử lại lúc {}: {}", m.id(), m.channel(), m.recipient(), m.attempts(),
                        next, describe(failure));
            }
            outbox.attemptFailed(m, describe(failure), next);
            return false;
        }
        if (!outbox.sent(m, clock.instant())) {
            log.warn("Thông báo #{} đã gửi nhưng lượt giữ đã hết hạn (một nút khác có thể gửi lại)", m.id());
        }
        return true;
    }

    private static Delivery delivery(List<Delivery> available, NotificationChannel channel) {
        return available.stream().filter(d -> d.channel() == channel).findFirst().orElseThrow();
    }

    /** The failure and its causes in one line, as administrators read it on the failed list. */
    static String describe(Throwable failure) {
        var text = new StringBuilder();
        for (Throwable t = failure; t != null && text.length() < MAX_ERROR; t = t.getCause() == t ? null : t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" ← ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage().strip().replaceAll("\\s+", " "));
            }
        }
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) + "…" : text.toString();
    }

    @Override
    public void destroy() {
        waker.shutdownNow();
    }
}
