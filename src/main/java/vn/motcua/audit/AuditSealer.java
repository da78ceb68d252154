package vn.motcua.audit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Seals committed records, one node at a time (a transaction-scoped advisory lock), every
 * {@code motcua.audit.seal-ms} (2 s by default). A seal covers the records of every transaction older than the
 * oldest one still running in this database, so no record can later appear inside a range already
 * sealed; a long transaction delays sealing, never breaks it. Each seal is written in one transaction (a sealer
 * that dies midway leaves nothing half-sealed) and logged as one {@code AUDIT-SEAL} line for the operator to ship.
 */
@Component
class AuditSealer {

    /** Logged on its own logger, so operators can route seal lines to storage the database writer cannot reach. */
    private static final Logger seals = LoggerFactory.getLogger("motcua.audit.seal");
    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);
    private static final long LOCK = 0x6d6f74637561L; // "motcua"
    static final int MAX_RECORDS = 20_000;
    /** Whether the last seal stopped at {@link #MAX_RECORDS} with more records waiting. */
    private volatile boolean moreWaiting;
    /** Whether the last scheduled run failed (its stack is logged once). */
    private volatile boolean failing;
    /**
     * Records of transactions below this have all committed or rolled back: the snapshot's xmax, or the oldest
     * transaction in progress in this database (read from pg_stat_activity after the snapshot was taken, so one
     * that has ended meanwhile is visible to the next statement). Transactions of other databases on the same
     * server are left out: they cannot write our records, and a long one there must not hold our seals back.
     */
    private static final String OLDEST_RUNNING_HERE = """
            select least(pg_snapshot_xmax(s.snap)::text::bigint,
                         coalesce((select min(x::text::bigint) from pg_snapshot_xip(s.snap) x
                                   where exists (select 1 from pg_stat_activity a
                                                 where a.datname = current_database()
                                                   and a.backend_xid::text = (x::text::bigint % 4294967296)::text)
                                     or exists (select 1 from pg_prepared_xacts p
                                                where p.database = current_database()
                                                  and p.transaction::text = (x::text::bigint % 4294967296)::text)),
                                  9223372036854775807))
            from (select pg_current_snapshot() as snap) s""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditKeys keys;
    private final AuditVerifier verifier;
    private final Clock clock;

    AuditSealer(JdbcClient jdbc, TransactionTemplate transactions, AuditKeys keys, AuditVerifier verifier, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.keys = keys;
        this.verifier = verifier;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${motcua.audit.seal-ms:2000}", initialDelayString = "${motcua.audit.seal-ms:2000}")
    void scheduled() {
        try {
            while (sealNow(() -> { }).isPresent() && moreWaiting) {
                // a backlog: keep sealing until it is gone
            }
            failing = false;
        } catch (RuntimeException e) {
            // a real fault (the database is unreachable, say): its stack once, then one line per retry every few seconds
            if (failing) {
                seals.error("AUDIT-BROKEN problem=SEALING_FAILED: vẫn không niêm phong được nhật ký, sẽ thử lại: {}", e.toString());
            } else {
                seals.error("AUDIT-BROKEN problem=SEALING_FAILED: không niêm phong được nhật ký, sẽ thử lại", e);
            }
            failing = true;
        }
    }

    /**
     * Whether a new seal may be chained onto the newest one: it must carry a valid MAC, and this node must not
     * remember a newer seal or a different one under its number (a cut tail would otherwise be sealed over and
     * look whole). Refusing leaves records pending, and verification names the problem.
     */
    private boolean trustworthy(@Nullable Seal last) {
        Seal newestKnown = verifier.newestKnown();
        String problem = null;
        if (last != null && (!keys.knows(last.keyId()) || !RecordMac.sealMac(keys, last).equals(last.mac()))) {
            problem = "SEAL_CHANGED: niêm phong mới nhất số " + last.sealNo() + " không khớp chữ ký";
        } else if (newestKnown != null && (last == null || newestKnown.sealNo() > last.sealNo())) {
            problem = "TAIL_TRUNCATED: máy chủ này đã tạo hoặc kiểm tra niêm phong số " + newestKnown.sealNo() + ", cơ sở dữ liệu chỉ còn đến "
                    + (last == null ? 0 : last.sealNo());
        } else if (last != null && verifier.known(last.sealNo()) != null && !verifier.known(last.sealNo()).mac().equals(last.mac())) {
            problem = "SEAL_CHANGED: niêm phong số " + last.sealNo() + " khác với bản máy chủ này đã biết";
        }
        if (problem != null) {
            seals.error("AUDIT-BROKEN problem={}; ngừng niêm phong cho đến khi nhật ký được khôi phục", problem);
            return false;
        }
        return true;
    }

    /** Seals what can be sealed now; empty when there is nothing new or another node is sealing. */
    Optional<Seal> sealNow() {
        return sealNow(() -> { });
    }

    /** {@code beforeCommit} runs after the seal is written and before it commits (tests make it fail). */
    Optional<Seal> sealNow(Runnable beforeCommit) {
        Seal seal = transactions.execute(status -> {
            boolean mine = Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(:lock)").param("lock", LOCK)
                    .query(Boolean.class).single());
            if (!mine) {
                return null;
            }
            long below = jdbc.sql(OLDEST_RUNNING_HERE).query(Long.class).single();
            @Nullable Seal last = jdbc.sql("select * from audit.seal order by seal_no desc limit 1")
                    .query((rs, n) -> AuditVerifier.seal(rs)).optional().orElse(null);
            if (!trustworthy(last)) {
                return null;
            }
            long from = last == null ? 0 : last.toTx();
            if (below <= from) {
                return null;
            }
            record Row(long id, long tx, String mac) { }
            List<Row> rows = new ArrayList<>(jdbc.sql("""
                            select id, tx::text::bigint as tx, mac from audit.record
                            where tx >= cast(cast(:from as text) as xid8) and tx < cast(cast(:below as text) as xid8)
                            order by tx, id limit :limit""")
                    .param("from", from).param("below", below).param("limit", MAX_RECORDS + 1)
                    .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("tx"), rs.getString("mac"))).list());
            long to = below;
            moreWaiting = rows.size() > MAX_RECORDS;
            if (rows.size() > MAX_RECORDS) {
                // Too many for one seal: stop before the last transaction read, or take it whole if it is the only one.
                long lastTx = rows.get(MAX_RECORDS).tx();
                rows.removeIf(r -> r.tx() == lastTx);
                to = lastTx;
                if (rows.isEmpty()) {
                    rows.addAll(jdbc.sql("select id, tx::text::bigint as tx, mac from audit.record where tx = cast(cast(:tx as text) as xid8) order by id")
                            .param("tx", lastTx).query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("tx"), rs.getString("mac"))).list());
                    to = lastTx + 1;
                }
            }
            if (rows.isEmpty()) {
                return null;
            }
            String previousMac = last == null ? RecordMac.NO_SEAL : last.mac();
            var digest = new RecordMac.Digest(previousMac);
            rows.forEach(r -> digest.add(r.id(), r.mac()));
            Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
            String keyId = keys.currentId();
            var unsigned = new Seal(last == null ? 1 : last.sealNo() + 1, at, from, to, rows.size(), rows.getFirst().id(),
                    rows.getLast().id(), digest.hex(), previousMac, keyId, "");
            var signed = new Seal(unsigned.sealNo(), at, from, to, unsigned.records(), unsigned.firstRecord(), unsigned.lastRecord(),
                    unsigned.digest(), previousMac, keyId, RecordMac.sealMac(keys, unsigned));
            jdbc.sql("""
                            insert into audit.seal (seal_no, sealed_at, from_tx, to_tx, record_ids, digest, previous_mac, key_id, mac)
                            values (:no, :at, cast(cast(:from as text) as xid8), cast(cast(:to as text) as xid8),
                                    cast(:ids as bigint[]), :digest, :previous, :key, :mac)""")
                    .param("no", signed.sealNo()).param("at", Timestamp.from(at)).param("from", from).param("to", to)
                    .param("ids", rows.stream().map(r -> Long.toString(r.id())).collect(Collectors.joining(",", "{", "}")))
                    .param("digest", signed.digest()).param("previous", previousMac).param("key", keyId).param("mac", signed.mac())
                    .update();
            beforeCommit.run();
            return signed;
        });
        if (seal != null) {
            verifier.remember(seal);
            seals.info("AUDIT-SEAL {}", seal.line());
        }
        return Optional.ofNullable(seal);
    }
}
