package vn.motcua.notification;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.motcua.platform.database.PendingWrites;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * The outbox table. Queuing is an INSERT that waits in {@link PendingWrites} and commits (or rolls back) with the event's
 * transaction, at no round trip of its own; {@code on conflict do nothing} on (event, channel) makes a repeated event
 * queue nothing more. Claiming takes due messages with {@code FOR UPDATE SKIP LOCKED}, so nodes never take the same one.
 */
@Repository
class Outbox {

    private final JdbcClient jdbc;
    private final PendingWrites writes;

    Outbox(JdbcClient jdbc, PendingWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    void queue(String eventKey, NotificationChannel channel, NotificationKind kind, String recipient, String subject, String body,
               String dossierCode, Instant at) {
        var p = new HashMap<String, @Nullable Object>();
        p.put("event", eventKey);
        p.put("channel", channel.name());
        p.put("kind", kind.name());
        p.put("recipient", recipient);
        p.put("subject", subject);
        p.put("body", body);
        p.put("code", dossierCode);
        p.put("at", Timestamp.from(at));
        writes.add("""
                insert into notification.outbox (event_key, channel, kind, recipient, subject, body, dossier_code, status,
                    attempts, next_attempt_at, created_at)
                values (:event, :channel, :kind, :recipient, :subject, :body, :code, 'PENDING', 0, :at, :at)
                on conflict (event_key, channel) do nothing""", p);
    }

    /**
     * Takes up to {@code limit} due messages of these channels for this node: they become SENDING until {@code leaseUntil}
     * (counted as an attempt), so a node that dies mid-delivery leaves them to another node once the lease runs out.
     * One statement, committed on its own: no lock is held while the SMTP server answers.
     */
    List<OutboxMessage> claim(Instant now, List<NotificationChannel> channels, int limit, Instant leaseUntil) {
        if (channels.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        update notification.outbox o set status = 'SENDING', attempts = o.attempts + 1, next_attempt_at = :lease
                        where o.id in (select id from notification.outbox
                                       where status in ('PENDING', 'SENDING') and next_attempt_at <= :now and channel = any(:channels)
                                       order by next_attempt_at, id limit :limit
                                       for update skip locked)
                        returning o.*""")
                .param("now", Timestamp.from(now)).param("lease", Timestamp.from(leaseUntil)).param("limit", limit)
                .param("channels", channels.stream().map(Enum::name).toArray(String[]::new))
                .query(this::row).list().stream()
                .sorted(java.util.Comparator.comparingLong(OutboxMessage::id)) // RETURNING keeps no order: send in the order queued
                .toList();
    }

    /** Delivered; false when this node's claim was lost meanwhile (its lease ran out and another node took it). */
    boolean sent(OutboxMessage m, Instant at) {
        return jdbc.sql("""
                        update notification.outbox set status = 'SENT', sent_at = :at
                        where id = :id and status = 'SENDING' and attempts = :attempts""")
                .param("id", m.id()).param("attempts", m.attempts()).param("at", Timestamp.from(at)).update() == 1;
    }

    /** A failed attempt: PENDING again from {@code next}, or FAILED when {@code next} is null. */
    void attemptFailed(OutboxMessage m, String error, @Nullable Instant next) {
        jdbc.sql("""
                        update notification.outbox set status = :status, last_error = :error, next_attempt_at = :next
                        where id = :id and status = 'SENDING' and attempts = :attempts""")
                .param("id", m.id()).param("attempts", m.attempts()).param("error", error)
                .param("status", next == null ? NotificationStatus.FAILED.name() : NotificationStatus.PENDING.name())
                .param("next", Timestamp.from(next == null ? m.nextAttemptAt() : next))
                .update();
    }

    /** A FAILED message back in the queue with its attempts counted afresh; false when it is not FAILED (any more). */
    boolean resend(long id, Instant now) {
        return jdbc.sql("""
                        update notification.outbox set status = 'PENDING', attempts = 0, next_attempt_at = :now
                        where id = :id and status = 'FAILED'""")
                .param("id", id).param("now", Timestamp.from(now)).update() == 1;
    }

    Optional<OutboxMessage> byId(long id) {
        return jdbc.sql("select * from notification.outbox where id = :id").param("id", id).query(this::row).optional();
    }

    /** One page of the messages in a status (all when null), newest first. */
    List<OutboxMessage> list(@Nullable NotificationStatus status, @Nullable String dossierCode, int limit, int offset) {
        return jdbc.sql("select * from notification.outbox where " + where(status, dossierCode)
                        + " order by created_at desc, id desc limit :limit offset :offset")
                .params(params(status, dossierCode)).param("limit", limit).param("offset", offset).query(this::row).list();
    }

    long count(@Nullable NotificationStatus status, @Nullable String dossierCode) {
        return jdbc.sql("select count(*) from notification.outbox where " + where(status, dossierCode))
                .params(params(status, dossierCode)).query(Long.class).single();
    }

    List<OutboxMessage> ofDossier(String code) {
        return jdbc.sql("select * from notification.outbox where dossier_code = :code order by id").param("code", code)
                .query(this::row).list();
    }

    private static String where(@Nullable NotificationStatus status, @Nullable String dossierCode) {
        return (status == null ? "true" : "status = :status") + (dossierCode == null ? "" : " and dossier_code = :code");
    }

    private static java.util.Map<String, Object> params(@Nullable NotificationStatus status, @Nullable String dossierCode) {
        var p = new HashMap<String, Object>();
        if (status != null) {
            p.put("status", status.name());
        }
        if (dossierCode != null) {
            p.put("code", dossierCode);
        }
        return p;
    }

    private OutboxMessage row(ResultSet rs, int n) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        return new OutboxMessage(rs.getLong("id"), rs.getString("event_key"), NotificationChannel.valueOf(rs.getString("channel")),
                NotificationKind.valueOf(rs.getString("kind")), rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
                rs.getString("dossier_code"), NotificationStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(),
                sent == null ? null : sent.toInstant());
    }
}
