package vn.motcua.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.platform.database.PendingWrites;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The audit trail's front door for reading and checking it. Recording is {@link AuditRecorder}'s: one INSERT in the
 * action's own transaction, with an HMAC under a key from configuration and no lock, so actions on different things
 * never wait for each other. {@link AuditSealer} later seals committed records; {@link #verify(boolean)} checks
 * records and seals, and {@link #verifyAgainst(String)} also compares them with seals kept outside the database.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final PendingWrites writes;
    private final AuditKeys keys;
    private final AuditVerifier verifier;
    private final AuditRecorder recorder;

    AuditLog(JdbcClient jdbc, PendingWrites writes, AuditKeys keys, AuditVerifier verifier, AuditRecorder recorder) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.keys = keys;
        this.verifier = verifier;
        this.recorder = recorder;
    }

    /** Records an action inside the caller's transaction (what {@link AuditRecorder} does for every event). */
    AuditEntry append(String actor, String action, String target, String summary) {
        return recorder.append(actor, action, target, summary);
    }

    /**
     * Checks the trail. Incremental: from the newest seal this node has already verified or made (the whole trail
     * after a restart). Full: every seal and record from the first. Records not sealed yet are checked for their
     * MAC and counted as pending.
     */
    public ChainVerification verify(boolean full) {
        return verifier.verify(full, List.of());
    }

    /**
     * A full check that also compares the trail with seals kept outside the database: the signed download of
     * {@link #exportSeals()} or the sealer's log lines ({@code AUDIT-SEAL seal=…}). A seal listed there but gone
     * from the database is a truncated tail; one that differs was rewritten.
     *
     * @throws InvalidSealExport when the text holds no seal line or its signature does not match
     */
    public ChainVerification verifyAgainst(String exported) {
        var read = SealExport.read(exported, keys);
        return verifier.verify(true, read.seals()).withExternalSeals(read.seals().size(), read.signed());
    }

    /** Every seal as a text file signed with the current key (HMAC-SHA256 over the lines above the signature). */
    @Transactional(readOnly = true)
    public String exportSeals() {
        return SealExport.write(verifier.seals(), keys);
    }

    /** The newest entries first, in the order of their transactions (the order they are sealed in). */
    @Transactional(readOnly = true)
    public List<AuditEntry> recent(int limit) {
        writes.flush(); // inside an action's transaction: its own records too
        return jdbc.sql("""
                        select r.*, r.tx < coalesce((select to_tx from audit.seal order by seal_no desc limit 1), '0'::xid8) as sealed
                        from audit.record r order by r.tx desc, r.id desc limit :limit""")
                .param("limit", Math.clamp(limit, 1, 1000))
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("target"), rs.getString("summary"),
                        rs.getBoolean("sealed")))
                .list();
    }

    /**
     * A page of records matching the query, newest first in transaction order. Pages follow the primary key
     * {@code (tx, id)} backwards from a cursor (keyset paging), so a page costs the same deep in the log as at its
     * head; a malformed cursor starts from the newest record.
     */
    @Transactional(readOnly = true)
    public AuditSlice search(AuditQuery query) {
        var where = new java.util.ArrayList<String>();
        var params = new java.util.HashMap<String, Object>();
        if (query.actor() != null && !query.actor().isBlank()) {
            where.add("r.actor = :actor");
            params.put("actor", query.actor().strip().toLowerCase(java.util.Locale.ROOT));
        }
        if (query.action() != null && !query.action().isBlank()) {
            where.add("r.action = :action");
            params.put("action", query.action().strip());
        }
        if (query.text() != null && !query.text().isBlank()) {
            where.add("(r.target ilike :text escape '\\' or r.summary ilike :text escape '\\')");
            params.put("text", "%" + query.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (query.from() != null) {
            where.add("r.occurred_at >= :from");
            params.put("from", Timestamp.from(query.from().atStartOfDay(vn.motcua.platform.TimeConfiguration.VIETNAM).toInstant()));
        }
        if (query.to() != null) {
            where.add("r.occurred_at < :to");
            params.put("to", Timestamp.from(query.to().plusDays(1).atStartOfDay(vn.motcua.platform.TimeConfiguration.VIETNAM).toInstant()));
        }
        var cursor = query.before() == null ? null : CURSOR.matcher(query.before());
        if (cursor != null && cursor.matches()) {
            where.add("(r.tx, r.id) < (cast(:beforeTx as xid8), :beforeId)");
            params.put("beforeTx", cursor.group(1));
            params.put("beforeId", Long.parseLong(cursor.group(2)));
        }
        int limit = Math.clamp(query.limit(), 1, 500);
        params.put("limit", limit + 1);
        record Row(AuditEntry entry, String tx) {
        }
        var rows = jdbc.sql("""
                        select r.id, r.occurred_at, r.actor, r.action, r.target, r.summary, r.tx::text as tx,
                               r.tx < coalesce((select to_tx from audit.seal order by seal_no desc limit 1), '0'::xid8) as sealed
                        from audit.record r
                        where %s
                        order by r.tx desc, r.id desc limit :limit""".formatted(where.isEmpty() ? "true" : String.join(" and ", where)))
                .params(params)
                .query((rs, n) -> new Row(new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("target"), rs.getString("summary"),
                        rs.getBoolean("sealed")), rs.getString("tx")))
                .list();
        boolean more = rows.size() > limit;
        var page = rows.subList(0, Math.min(limit, rows.size()));
        String next = more ? page.getLast().tx() + "-" + page.getLast().entry().id() : null;
        return new AuditSlice(page.stream().map(Row::entry).toList(), next);
    }

    private static final java.util.regex.Pattern CURSOR = java.util.regex.Pattern.compile("(\\d{1,20})-(\\d{1,18})");

    @Transactional(readOnly = true)
    public long countSince(Instant since) {
        writes.flush();
        return jdbc.sql("select count(*) from audit.record where occurred_at >= :since")
                .param("since", Timestamp.from(since)).query(Long.class).single();
    }
}
