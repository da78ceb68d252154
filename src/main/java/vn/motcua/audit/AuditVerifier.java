package vn.motcua.audit;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Checks records and seals in one consistent snapshot (REPEATABLE READ), so a check during heavy writing sees a
 * stable trail and counts what is not sealed yet as pending. Walks the seals in order: each must be signed with a
 * known key, chained to the one before, and cover exactly the records it lists, each record with a valid MAC.
 * Then compares the trail with the seals this node has made or verified (kept in memory, outside the database)
 * and with seals given from outside (a download or log lines): a seal listed there but missing here is a
 * truncated tail.
 */
@Component
class AuditVerifier {

    private static final org.slf4j.Logger watchLog = org.slf4j.LoggerFactory.getLogger("motcua.audit.seal");
    private static final int PAGE = 200;
    private static final int REMEMBERED = 10_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final AuditKeys keys;
    /** Seals this node has made or verified; the newest is where an incremental check starts. */
    private final ConcurrentSkipListMap<Long, Seal> known = new ConcurrentSkipListMap<>();
    private volatile @Nullable Seal verifiedUpTo;
    private final ReentrantLock checking = new ReentrantLock();
    private final Duration maxUnsealed;
    private final Clock clock;

    AuditVerifier(DataSource dataSource, PlatformTransactionManager transactions, AuditKeys keys, Clock clock,
                  @Value("${motcua.audit.max-unsealed:10m}") Duration maxUnsealed) {
        this.clock = clock;
        this.maxUnsealed = maxUnsealed;
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(2_000);
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.keys = keys;
    }

    /** Keeps the first seal seen under each number: a later, different one under the same number is a rewrite. */
    void remember(Seal seal) {
        known.putIfAbsent(seal.sealNo(), seal);
        while (known.size() > REMEMBERED) {
            known.pollFirstEntry();
        }
    }

    /** Every seal, without its id list (for the download). */
    List<Seal> seals() {
        return jdbc.query("""
                        select seal_no, sealed_at, from_tx, to_tx, digest, previous_mac, key_id, mac, cardinality(record_ids) as records,
                               record_ids[1] as first_record, record_ids[cardinality(record_ids)] as last_record
                        from audit.seal order by seal_no""",
                (rs, n) -> new Seal(rs.getLong("seal_no"), rs.getTimestamp("sealed_at").toInstant(), Long.parseLong(rs.getString("from_tx")),
                        Long.parseLong(rs.getString("to_tx")), rs.getInt("records"), rs.getLong("first_record"), rs.getLong("last_record"),
                        rs.getString("digest"), rs.getString("previous_mac"), rs.getString("key_id"), rs.getString("mac")));
    }

    /** The newest seal this node has made or verified, if any. */
    @Nullable Seal newestKnown() {
        var last = known.lastEntry();
        return last == null ? null : last.getValue();
    }

    /** The seal this node knows under that number, if any. */
    @Nullable Seal known(long sealNo) {
        return known.get(sealNo);
    }

    /** An incremental check every {@code motcua.audit.verify-ms} (5 min); a broken trail is logged as an error. */
    @Scheduled(fixedDelayString = "${motcua.audit.verify-ms:300000}", initialDelayString = "${motcua.audit.verify-ms:300000}")
    void watch() {
        try {
            var result = verify(false, List.of());
            if (result != null && !result.intact()) {
                watchLog.error("AUDIT-BROKEN problem={} record={} seal={}: {}", result.problem(), result.firstBrokenRecord(),
                        result.firstBrokenSeal(), result.reason());
            }
        } catch (RuntimeException e) {
            watchLog.error("AUDIT-BROKEN problem=CHECK_FAILED: không kiểm tra được nhật ký", e);
        }
    }

    ChainVerification verify(boolean full, List<Seal> external) {
        // Copied before the snapshot: a seal this node makes during the check is then neither here nor there.
        List<Seal> remembered = List.copyOf(known.values());
        checking.lock(); // one check at a time per node: a full one is a long read
        try {
            return snapshot.execute(status -> new Run(full).check(external, remembered));
        } finally {
            checking.unlock();
        }
    }

    static Seal seal(ResultSet rs) throws SQLException {
        Long[] ids = (Long[]) rs.getArray("record_ids").getArray();
        return new Seal(rs.getLong("seal_no"), rs.getTimestamp("sealed_at").toInstant(),
                Long.parseLong(rs.getString("from_tx")), Long.parseLong(rs.getString("to_tx")), ids.length,
                ids.length == 0 ? 0 : ids[0], ids.length == 0 ? 0 : ids[ids.length - 1],
                rs.getString("digest"), rs.getString("previous_mac"), rs.getString("key_id"), rs.getString("mac"));
    }

    private record Stored(Seal seal, long[] ids) { }

    /** Stops the walk at the first problem. */
    private static final class Broken extends RuntimeException {
        final String problem;
        final @Nullable Long record;
        final @Nullable Long sealNo;

        Broken(String problem, @Nullable Long record, @Nullable Long sealNo, String reason) {
            super(reason, null, false, false);
            this.problem = problem;
            this.record = record;
            this.sealNo = sealNo;
        }
    }

    private final class Run {
        final boolean full;
        long sealsChecked;
        long recordsChecked;
        long pending;
        @Nullable Seal previous;
        String legacyHash = ChainHash.GENESIS;
        boolean seenKeyed;

        Run(boolean full) {
            this.full = full;
        }

        ChainVerification check(List<Seal> external, List<Seal> remembered) {
            Seal start = full ? null : verifiedUpTo;
            @Nullable Long lastSeal = jdbc.queryForObject("select max(seal_no) from audit.seal", Long.class);
            try {
                if (start != null) {
                    var stored = one(start.sealNo());
                    if (stored == null || !stored.seal().mac().equals(start.mac())) {
                        throw new Broken(stored == null ? "TAIL_TRUNCATED" : "SEAL_CHANGED", start.firstRecord(), start.sealNo(),
                                "Niêm phong số " + start.sealNo() + " đã kiểm tra trước đây " + (stored == null ? "không còn" : "đã bị thay đổi") + ".");
                    }
                    previous = stored.seal();
                }
                walkSeals();
                walkPending();
                compareWith(external);
                compareWith(remembered);
            } catch (Broken b) {
                return new ChainVerification(false, start == null, sealsChecked, recordsChecked, pending, lastSeal,
                        b.problem, b.record, b.sealNo, b.getMessage(), 0, false);
            }
            if (previous != null) {
                verifiedUpTo = previous;
                remember(previous);
            }
            return new ChainVerification(true, start == null, sealsChecked, recordsChecked, pending, lastSeal, null, null, null, null, 0, false);
        }

        private @Nullable Stored one(long sealNo) {
            return jdbc.query("select * from audit.seal where seal_no = ?", rs -> rs.next() ? stored(rs) : null, sealNo);
        }

        private Stored stored(ResultSet rs) throws SQLException {
            long sealNo = rs.getLong("seal_no");
            try {
                Long[] boxed = (Long[]) rs.getArray("record_ids").getArray();
                long[] ids = new long[boxed.length];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = boxed[i];
                }
                if (ids.length == 0) {
                    throw new IllegalStateException("no records");
                }
                return new Stored(seal(rs), ids);
            } catch (ClassCastException | NullPointerException | NumberFormatException | IllegalStateException e) {
                // a row the sealer cannot have written (no ids, a null id, a transaction number out of range)
                throw new Broken("SEAL_CHANGED", null, sealNo,
                        "Niêm phong số " + sealNo + " không đọc được (" + e.getClass().getSimpleName() + "): đã bị sửa.");
            }
        }

        private void walkSeals() {
            while (true) {
                long after = previous == null ? 0 : previous.sealNo();
                List<Stored> page = jdbc.query("select * from audit.seal where seal_no > ? order by seal_no limit ?",
                        (rs, n) -> stored(rs), after, PAGE);
                if (page.isEmpty()) {
                    return;
                }
                for (Stored s : page) {
                    checkSeal(s.seal());
                    previous = s.seal();
                }
                walkRecords(page);
            }
        }

        private void checkSeal(Seal s) {
            long expectedNo = previous == null ? 1 : previous.sealNo() + 1;
            if (s.sealNo() != expectedNo) {
                throw new Broken("SEAL_MISSING", previous == null ? null : previous.lastRecord(), expectedNo,
                        "Thiếu niêm phong số " + expectedNo + ": các bản ghi nó bao phủ đã bị xoá cùng nó.");
            }
            if (!keys.knows(s.keyId())) {
                throw new Broken("UNKNOWN_KEY", s.firstRecord(), s.sealNo(),
                        "Niêm phong số " + s.sealNo() + " ký bằng khoá '" + s.keyId() + "' không có trong cấu hình.");
            }
            String previousMac = previous == null ? RecordMac.NO_SEAL : previous.mac();
            long previousTo = previous == null ? 0 : previous.toTx();
            if (!RecordMac.sealMac(keys, s).equals(s.mac()) || !s.previousMac().equals(previousMac) || s.fromTx() != previousTo) {
                throw new Broken("SEAL_CHANGED", s.firstRecord(), s.sealNo(),
                        "Niêm phong số " + s.sealNo() + " không khớp chữ ký hoặc không nối tiếp niêm phong trước.");
            }
            sealsChecked++;
        }

        /** Merges the records of a page of seals (read in (tx, id) order) with the ids each seal lists. */
        private void walkRecords(List<Stored> page) {
            var cursor = new Object() {
                int seal = 0;
                int position = 0;
                Map<Long, Integer> index = indexOf(page.getFirst());
                RecordMac.Digest digest = new RecordMac.Digest(page.getFirst().seal().previousMac());
            };
            jdbc.query("""
                            select id, tx::text::bigint as txn, occurred_at, actor, action, target, summary, key_id, mac
                            from audit.record where tx >= cast(? as xid8) and tx < cast(? as xid8) order by tx, id""",
                    rs -> {
                        long tx = rs.getLong("txn");
                        while (tx >= page.get(cursor.seal).seal().toTx()) {
                            finishSeal(page.get(cursor.seal), cursor.position, cursor.digest);
                            cursor.seal++;
                            cursor.position = 0;
                            cursor.index = indexOf(page.get(cursor.seal));
                            cursor.digest = new RecordMac.Digest(page.get(cursor.seal).seal().previousMac());
                        }
                        Stored s = page.get(cursor.seal);
                        long id = rs.getLong("id");
                        Integer at = cursor.index.get(id);
                        if (at == null || at < cursor.position) {
                            throw new Broken("RECORD_INSERTED", id, s.seal().sealNo(),
                                    "Bản ghi số " + id + " không thuộc niêm phong số " + s.seal().sealNo() + ": đã bị chèn thêm.");
                        }
                        if (at > cursor.position) {
                            long missing = s.ids()[cursor.position];
                            throw new Broken("RECORD_REMOVED", missing, s.seal().sealNo(),
                                    "Bản ghi số " + missing + " thuộc niêm phong số " + s.seal().sealNo() + " đã bị xoá.");
                        }
                        checkMac(rs, s.seal().sealNo());
                        cursor.digest.add(id, rs.getString("mac"));
                        cursor.position++;
                        recordsChecked++;
                    },
                    Long.toString(page.getFirst().seal().fromTx()), Long.toString(page.getLast().seal().toTx()));
            finishSeal(page.get(cursor.seal), cursor.position, cursor.digest);
            for (int i = cursor.seal + 1; i < page.size(); i++) {
                finishSeal(page.get(i), 0, new RecordMac.Digest(page.get(i).seal().previousMac()));
            }
        }

        private Map<Long, Integer> indexOf(Stored s) {
            var index = new HashMap<Long, Integer>(s.ids().length * 2);
            for (int i = 0; i < s.ids().length; i++) {
                index.put(s.ids()[i], i);
            }
            return index;
        }

        private void finishSeal(Stored s, int seen, RecordMac.Digest digest) {
            if (seen < s.ids().length) {
                long missing = s.ids()[seen];
                throw new Broken("RECORD_REMOVED", missing, s.seal().sealNo(),
                        "Bản ghi số " + missing + " thuộc niêm phong số " + s.seal().sealNo() + " đã bị xoá.");
            }
            if (!digest.hex().equals(s.seal().digest())) {
                throw new Broken("SEAL_CHANGED", s.seal().firstRecord(), s.seal().sealNo(),
                        "Các bản ghi của niêm phong số " + s.seal().sealNo() + " không khớp mã tổng hợp.");
            }
        }

        private void checkMac(ResultSet rs, @Nullable Long sealNo) throws SQLException {
            long id = rs.getLong("id");
            String keyId = rs.getString("key_id");
            var at = rs.getTimestamp("occurred_at").toInstant();
            String actor = rs.getString("actor");
            String action = rs.getString("action");
            String target = rs.getString("target");
            String summary = rs.getString("summary");
            String mac = rs.getString("mac");
            String expected;
            if (AuditKeys.LEGACY.equals(keyId)) {
                // Rows of the old SHA-256 chain were all moved in by migration V2, in one transaction before any
                // keyed record: anywhere else such a row (which needs no key to forge) is an insertion.
                boolean migratedBlock = !seenKeyed && sealNo != null && sealNo == 1;
                if (!migratedBlock) {
                    throw new Broken("RECORD_INSERTED", id, sealNo, "Bản ghi số " + id + " mang dấu chuỗi cũ nhưng nằm ngoài phần được chuyển sang khi nâng cấp: đã bị chèn thêm.");
                }
                expected = ChainHash.of(legacyHash, id, at, actor, action, target, summary);
                legacyHash = expected;
            } else if (keys.knows(keyId)) {
                seenKeyed = true;
                expected = RecordMac.of(keys, keyId, id, at, actor, action, target, summary);
            } else {
                throw new Broken("UNKNOWN_KEY", id, sealNo, "Bản ghi số " + id + " ký bằng khoá '" + keyId + "' không có trong cấu hình.");
            }
            if (!expected.equals(mac)) {
                throw new Broken("RECORD_CHANGED", id, sealNo, "Nội dung bản ghi số " + id + " không khớp mã xác thực: đã bị sửa.");
            }
        }

        private void walkPending() {
            long from = previous == null ? 0 : previous.toTx();
            Instant stalledBefore = clock.instant().minus(maxUnsealed);
            jdbc.query("""
                            select r.*, r.tx >= pg_snapshot_xmax(pg_current_snapshot()) as impossible
                            from audit.record r where r.tx >= cast(? as xid8) order by r.tx, r.id""", rs -> {
                long id = rs.getLong("id");
                if (rs.getBoolean("impossible")) {
                    throw new Broken("RECORD_INSERTED", id, null,
                            "Bản ghi số " + id + " mang số giao dịch chưa từng có: đã bị chèn hoặc sửa để tránh niêm phong.");
                }
                checkMac(rs, null);
                if (rs.getTimestamp("occurred_at").toInstant().isBefore(stalledBefore)) {
                    throw new Broken("SEALING_STALLED", id, null, "Bản ghi số " + id + " chờ niêm phong quá " + maxUnsealed.toMinutes()
                            + " phút: bộ niêm phong không chạy, hoặc một giao dịch mở quá lâu giữ nó lại.");
                }
                pending++;
            }, Long.toString(from));
        }

        /** Seals kept outside the database must all be here, unchanged. */
        private void compareWith(List<Seal> references) {
            var byNumber = new TreeMap<Long, Seal>();
            for (Seal reference : references) {
                Seal other = byNumber.putIfAbsent(reference.sealNo(), reference);
                if (other != null && !other.mac().equals(reference.mac())) {
                    throw new Broken("SEAL_CHANGED", other.firstRecord(), reference.sealNo(), "Bản lưu bên ngoài có hai niêm phong khác nhau mang số "
                            + reference.sealNo() + ": nhật ký đã bị cắt rồi niêm phong lại.");
                }
            }
            if (byNumber.isEmpty()) {
                return;
            }
            Map<Long, String> macs = new HashMap<>();
            jdbc.query("select seal_no, mac from audit.seal where seal_no between ? and ?",
                    rs -> { macs.put(rs.getLong(1), rs.getString(2)); }, byNumber.firstKey(), byNumber.lastKey());
            for (Seal reference : byNumber.values()) {
                String mac = macs.get(reference.sealNo());
                if (mac == null) {
                    throw new Broken("TAIL_TRUNCATED", reference.firstRecord(), reference.sealNo(),
                            "Niêm phong số " + reference.sealNo() + " (bản ghi " + reference.firstRecord() + "–" + reference.lastRecord()
                                    + ") có trong bản lưu bên ngoài nhưng không còn trong cơ sở dữ liệu: phần cuối nhật ký đã bị cắt.");
                }
                if (!mac.equals(reference.mac())) {
                    throw new Broken("SEAL_CHANGED", reference.firstRecord(), reference.sealNo(),
                            "Niêm phong số " + reference.sealNo() + " khác với bản lưu bên ngoài: đã bị viết lại.");
                }
            }
        }
    }
}
