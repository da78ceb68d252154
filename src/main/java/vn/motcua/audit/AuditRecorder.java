package vn.motcua.audit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.motcua.platform.AuditableEvent;
import vn.motcua.platform.CurrentUser;
import vn.motcua.platform.database.PendingWrites;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes an audit record for every {@link AuditableEvent}, in the transaction that published it, and refuses to run
 * outside one (the action and its record commit together or not at all).
 *
 * <p>It is on the path of every state-changing action, so it is a plain listener: no {@code @EventListener} method
 * (resolved and invoked reflectively for each event) and no {@code @Transactional} proxy (which would only join the
 * caller's transaction); measured, those two cost about as much as the record itself (docs/benchmarks.md, audit
 * cost). The INSERT waits in {@link PendingWrites} and goes to the database with the action's other pending writes
 * (its history row, say) or just before the commit, so it costs no round trip of its own.
 */
@Component
class AuditRecorder implements GenericApplicationListener {

    private static final Logger log = LoggerFactory.getLogger(AuditRecorder.class);
    private static final int ID_BLOCK = 64; // audit.record_id_seq increments by this much

    private static final String INSERT = """
            insert into audit.record (id, occurred_at, actor, action, target, summary, key_id, mac)
            values (:id, :at, :actor, :action, :target, :summary, :key, :mac)""";

    private final JdbcClient jdbc;
    private final PendingWrites writes;
    private final Clock clock;
    private final AuditKeys keys;
    private final ReentrantLock idLock = new ReentrantLock();
    private long nextId;
    private long idLimit;

    AuditRecorder(JdbcClient jdbc, PendingWrites writes, Clock clock, AuditKeys keys) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.clock = clock;
        this.keys = keys;
    }

    @Override
    public boolean supportsEventType(ResolvableType eventType) {
        return PayloadApplicationEvent.class.isAssignableFrom(eventType.toClass())
                && AuditableEvent.class.isAssignableFrom(eventType.as(PayloadApplicationEvent.class).getGeneric().toClass());
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof AuditableEvent auditable) {
            append(CurrentUser.name(), auditable.action(), auditable.target(), auditable.summary());
        }
    }

    AuditEntry append(String actor, String action, String target, String summary) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("An audit record is written in the action's own transaction; there is none");
        }
        long id = nextId();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String keyId = keys.currentId();
        String mac = RecordMac.of(keys, keyId, id, at, actor, action, target, summary);
        var params = new HashMap<String, @Nullable Object>();
        params.put("id", id);
        params.put("at", Timestamp.from(at));
        params.put("actor", actor);
        params.put("action", action);
        params.put("target", target);
        params.put("summary", summary);
        params.put("key", keyId);
        params.put("mac", mac);
        writes.add(INSERT, params, 1);
        log.debug("Nhật ký #{}: {} {} {} ({})", id, actor, action, target, summary);
        return new AuditEntry(id, at, actor, action, target, summary, false);
    }

    /** Ids come from a sequence in blocks, outside any lock on data: one round trip per 64 records. */
    private long nextId() {
        idLock.lock();
        try {
            if (nextId == idLimit) {
                nextId = jdbc.sql("select nextval('audit.record_id_seq')").query(Long.class).single();
                idLimit = nextId + ID_BLOCK;
            }
            return nextId++;
        } finally {
            idLock.unlock();
        }
    }
}
