package vn.motcua.notification;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.platform.web.Paged;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The notification module's front door for administrators: the outbox by status (failed deliveries first), the
 * messages of one dossier, and resending a failed message (audited). Which channels this node delivers is
 * {@link #deliveringChannels()}: a node without an SMTP server leaves e-mail waiting.
 */
@Service
public class Notifications {

    private final Outbox outbox;
    private final List<Delivery> deliveries;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Notifications(Outbox outbox, List<Delivery> deliveries, ApplicationEventPublisher events, Clock clock) {
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.events = events;
        this.clock = clock;
    }

    /** One page (1-based) of the messages in a status (all when null), newest first. */
    @Transactional(readOnly = true)
    public Paged<OutboxMessage> list(@Nullable NotificationStatus status, @Nullable String dossierCode, int page, int size,
                                     String path, Map<String, String> filters) {
        int perPage = Math.clamp(size, 1, Paged.MAX_SIZE);
        long total = outbox.count(status, dossierCode);
        int pages = (int) Math.max(1, (total + perPage - 1) / perPage);
        int number = Math.clamp(page, 1, pages);
        return new Paged<>(outbox.list(status, dossierCode, perPage, (number - 1) * perPage), number, perPage, total, path, filters);
    }

    /** How many messages are in each status. */
    @Transactional(readOnly = true)
    public Map<NotificationStatus, Long> counts() {
        var counts = new EnumMap<NotificationStatus, Long>(NotificationStatus.class);
        for (NotificationStatus s : NotificationStatus.values()) {
            counts.put(s, outbox.count(s, null));
        }
        return counts;
    }

    @Transactional(readOnly = true)
    public List<OutboxMessage> ofDossier(String code) {
        return outbox.ofDossier(code);
    }

    @Transactional(readOnly = true)
    public OutboxMessage get(long id) {
        return outbox.byId(id).orElseThrow(() -> NotificationProblem.notFound(id));
    }

    /**
     * Puts a FAILED message back in the queue, due now, with its attempts counted afresh.
     *
     * @throws NotificationProblem when there is no such message (404) or it is not FAILED (409: sent meanwhile, or resent by someone else)
     */
    @Transactional
    public OutboxMessage resend(long id) {
        OutboxMessage m = get(id);
        if (!outbox.resend(id, clock.instant().truncatedTo(ChronoUnit.MICROS))) {
            throw NotificationProblem.notFailed(id, outbox.byId(id).map(OutboxMessage::status).orElse(m.status()));
        }
        events.publishEvent(new NotificationResent(id, m.dossierCode(), m.channel(), m.recipient()));
        return get(id);
    }

    /** The channels this node delivers now (e-mail only with an SMTP server configured, SMS only when switched on). */
    public List<NotificationChannel> deliveringChannels() {
        return deliveries.stream().filter(Delivery::available).map(Delivery::channel).sorted().toList();
    }

    /** The status as administrators read it. */
    public static String statusWords(NotificationStatus status) {
        return switch (status) {
            case PENDING -> "chờ gửi";
            case SENDING -> "đang gửi";
            case SENT -> "đã gửi";
            case FAILED -> "gửi thất bại";
        };
    }

    /** When this node's clock says it is (pages show how long a message has waited). */
    public Instant now() {
        return clock.instant();
    }
}
