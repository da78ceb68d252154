package vn.motcua.audit;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.platform.AuditableEvent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import vn.motcua.platform.CurrentUser;

/**
 * The audit trail's front door. Appends are serialised by locking the chain head row, so two
 * transactions can never link to the same previous row; the lock is held until the action commits.
 */
@Service
public class AuditLog {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AuditLog.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records an auditable event inside the transaction that published it; refuses to run outside one. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(AuditableEvent event) {
        append(CurrentUser.name(), event.action(), event.target(), event.summary());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    AuditEntry append(String actor, String action, String target, String summary) {
        var head = jdbc.sql("select last_seq, last_hash from audit.chain_head where id = 1 for update")
                .query((rs, n) -> new Object[]{rs.getLong(1), rs.getString(2)})
                .single();
        long seq = (long) head[0] + 1;
        String previous = (String) head[1];
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String hash = ChainHash.of(previous, seq, at, actor, action, target, summary);
        jdbc.sql("""
                        insert into audit.entry (seq, occurred_at, actor, action, target, summary, previous_hash, hash)
                        values (:seq, :at, :actor, :action, :target, :summary, :previous, :hash)""")
                .param("seq", seq).param("at", Timestamp.from(at)).param("actor", actor).param("action", action)
                .param("target", target).param("summary", summary).param("previous", previous).param("hash", hash)
                .update();
        jdbc.sql("update audit.chain_head set last_seq = :seq, last_hash = :hash where id = 1")
                .param("seq", seq).param("hash", hash).update();
        log.info("Nhật ký #{}: {} {} {} ({})", seq, actor, action, target, summary);
        return new AuditEntry(seq, at, actor, action, target, summary, previous, hash);
    }

    /** Recomputes the chain from the first row and reports the first row that does not match. */
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        var checked = new AtomicLong();
        var previous = new AtomicReference<>(ChainHash.GENESIS);
        var broken = new AtomicReference<ChainVerification>();
        jdbc.sql("select * from audit.entry order by seq").query(rs -> {
            if (broken.get() != null) {
                return;
            }
            AuditEntry e = map(rs);
            long expectedSeq = checked.incrementAndGet();
            if (e.seq() != expectedSeq) {
                broken.set(ChainVerification.brokenAt(expectedSeq, expectedSeq, "row " + expectedSeq + " is missing"));
            } else if (!e.previousHash().equals(previous.get())) {
                broken.set(ChainVerification.brokenAt(expectedSeq, e.seq(), "link to the previous row does not match"));
            } else if (!e.hash().equals(ChainHash.of(e.previousHash(), e.seq(), e.occurredAt(), e.actor(), e.action(), e.target(), e.summary()))) {
                broken.set(ChainVerification.brokenAt(expectedSeq, e.seq(), "content does not match its hash"));
            }
            previous.set(e.hash());
        });
        if (broken.get() != null) {
            return broken.get();
        }
        String headHash = jdbc.sql("select last_hash from audit.chain_head where id = 1").query(String.class).single();
        if (!headHash.equals(previous.get())) {
            return ChainVerification.brokenAt(checked.get(), checked.get() + 1, "rows after " + checked.get() + " were removed");
        }
        return ChainVerification.ok(checked.get());
    }

    /** The newest entries first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> recent(int limit) {
        return jdbc.sql("select * from audit.entry order by seq desc limit :limit")
                .param("limit", Math.clamp(limit, 1, 1000))
                .query((rs, n) -> map(rs))
                .list();
    }

    @Transactional(readOnly = true)
    public long countSince(Instant since) {
        return jdbc.sql("select count(*) from audit.entry where occurred_at >= :since")
                .param("since", Timestamp.from(since)).query(Long.class).single();
    }

    private static AuditEntry map(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                rs.getString("action"), rs.getString("target"), rs.getString("summary"),
                rs.getString("previous_hash"), rs.getString("hash"));
    }

}
