package vn.motcua.audit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.IntegrationTest;
import vn.motcua.organization.AgencyDirectory;
import vn.motcua.organization.AgencyDraft;
import vn.motcua.organization.AgencyType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Forgeries by someone who can write to the database, each undone afterwards so the shared test database stays
 * intact for other tests. The test context seals only when told ({@code motcua.audit.seal-ms} is an hour), so no
 * scheduled seal races a forgery.
 */
class AuditChainTests extends IntegrationTest {

    @Autowired
    AuditLog log;
    @Autowired
    AuditSealer sealer;
    @Autowired
    AuditKeys keys;
    @Autowired
    AgencyDirectory agencies;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aStateChangeIsRecordedInItsOwnTransactionWithTheActor() {
        String id = uniqueElectronicId();
        agencies.create(new AgencyDraft(id, "UBND xã Nhật ký", AgencyType.COMMUNE_PEOPLES_COMMITTEE, null, LocalDate.of(2025, 7, 1), null));
        var newest = log.recent(1).getFirst();
        assertThat(newest.action()).isEqualTo("AGENCY_CREATED");
        assertThat(newest.target()).isEqualTo("agency:" + id);
        assertThat(newest.actor()).isEqualTo("system");
        assertThat(newest.sealed()).isFalse();
        assertIntact(log.verify(true));
        sealer.sealNow();
        assertThat(log.recent(1).getFirst().sealed()).isTrue();
        var full = log.verify(true);
        assertThat(full.intact()).isTrue();
        assertThat(full.pendingRecords()).isZero();
    }

    @Test
    void anActionRolledBackLeavesNoAuditRow() {
        long before = log.recent(1).getFirst().id();
        String id = uniqueElectronicId();
        transactions.executeWithoutResult(status -> {
            agencies.create(new AgencyDraft(id, "UBND xã Huỷ", AgencyType.COMMUNE_PEOPLES_COMMITTEE, null, LocalDate.of(2025, 7, 1), null));
            assertThat(log.recent(1).getFirst().target()).isEqualTo("agency:" + id);
            status.setRollbackOnly();
        });
        assertThat(agencies.findByElectronicId(id)).isEmpty();
        assertThat(log.recent(1).getFirst().id()).isEqualTo(before);
        sealer.sealNow();
        assertIntact(log.verify(true));
    }

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    record Probe(String target) implements vn.motcua.platform.AuditableEvent {
        public String action() {
            return "PROBE";
        }

        public String summary() {
            return "Thử ghi nhật ký";
        }
    }

    /** An action published outside a transaction could commit without its record: it is refused, and nothing is written. */
    @Test
    void anAuditableEventOutsideATransactionIsRefused() {
        long before = log.recent(1).getFirst().id();
        assertThatThrownBy(() -> events.publishEvent(new Probe("probe:" + uniqueElectronicId())))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
        assertThat(log.recent(1).getFirst().id()).isEqualTo(before);
        String target = "probe:" + uniqueElectronicId();
        transactions.executeWithoutResult(status -> events.publishEvent(new Probe(target)));
        assertThat(log.recent(1).getFirst().target()).isEqualTo(target);
    }

    @Test
    void theApplicationCannotChangeOrDeleteRecordsOrSeals() {
        record(3);
        sealer.sealNow();
        assertThatThrownBy(() -> jdbc.sql("update audit.record set summary = 'x'").update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit.record").update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("update audit.seal set mac = mac").update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit.seal").update()).hasMessageContaining("append-only");
    }

    @Test
    void aChangedSealedRecordIsNamed() {
        List<AuditEntry> made = record(3);
        sealer.sealNow();
        var victim = made.get(1);
        forge("update audit.record set summary = 'Đã bị sửa' where id = " + victim.id());
        try {
            var result = log.verify(true);
            assertThat(result.intact()).isFalse();
            assertThat(result.problem()).isEqualTo("RECORD_CHANGED");
            assertThat(result.firstBrokenRecord()).isEqualTo(victim.id());

            var api = as("admin").get().uri("/api/v1/audit/verify?full=true").retrieve()
                    .toEntity(new ParameterizedTypeReference<Map<String, Object>>() { }).getBody();
            assertThat(api).containsEntry("intact", false).containsEntry("problem", "RECORD_CHANGED")
                    .containsEntry("firstBrokenRecord", (int) victim.id());
        } finally {
            forge("update audit.record set summary = '" + victim.summary().replace("'", "''") + "' where id = " + victim.id());
        }
        assertIntact(log.verify(true));
    }

    @Test
    void aChangedRecordNotYetSealedIsNamedToo() {
        var victim = record(1).getFirst();
        forge("update audit.record set actor = 'someone-else' where id = " + victim.id());
        try {
            var result = log.verify(true);
            assertThat(result.problem()).isEqualTo("RECORD_CHANGED");
            assertThat(result.firstBrokenRecord()).isEqualTo(victim.id());
        } finally {
            forge("update audit.record set actor = '" + victim.actor() + "' where id = " + victim.id());
        }
        assertIntact(log.verify(true));
    }

    /** The old design's forgery: change a row and recompute every hash after it. Without the key it cannot verify. */
    @Test
    void aRecordRewrittenWithRecomputedHashesIsNamed() {
        var victim = record(2).getFirst();
        sealer.sealNow();
        String original = jdbc.sql("select mac from audit.record where id = :id").param("id", victim.id()).query(String.class).single();
        // An attacker without the key signs with a key of their own and rewrites the seal's digest to match.
        String forgedMac = java.util.HexFormat.of().formatHex(sha256("forged" + victim.id()));
        forge("update audit.record set summary = 'Đã bị sửa', mac = '" + forgedMac + "' where id = " + victim.id());
        try {
            var result = log.verify(true);
            assertThat(result.intact()).isFalse();
            assertThat(result.problem()).isEqualTo("RECORD_CHANGED");
            assertThat(result.firstBrokenRecord()).isEqualTo(victim.id());
        } finally {
            forge("update audit.record set summary = '" + victim.summary().replace("'", "''") + "', mac = '" + original + "' where id = " + victim.id());
        }
        assertIntact(log.verify(true));
    }

    @Test
    void aRemovedSealedRecordIsNamed() {
        List<AuditEntry> made = record(3);
        sealer.sealNow();
        var victim = made.get(1);
        String saved = save("audit.record", "id = " + victim.id());
        forge("delete from audit.record where id = " + victim.id());
        try {
            var result = log.verify(true);
            assertThat(result.intact()).isFalse();
            assertThat(result.problem()).isEqualTo("RECORD_REMOVED");
            assertThat(result.firstBrokenRecord()).isEqualTo(victim.id());
        } finally {
            restore("audit.record", saved);
        }
        assertIntact(log.verify(true));
    }

    @Test
    void aRecordInsertedIntoASealedRangeIsNamed() {
        record(2);
        var seal = sealer.sealNow().orElseThrow();
        long forgedId = seal.lastRecord() + 1_000_000;
        forge("""
                insert into audit.record (id, tx, occurred_at, actor, action, target, summary, key_id, mac)
                values (%d, '%d', now(), 'admin', 'STAFF_DEACTIVATED', 'staff:1', 'Bịa đặt', 'test2026', '%s')"""
                .formatted(forgedId, seal.fromTx(), "0".repeat(64)));
        try {
            var result = log.verify(true);
            assertThat(result.problem()).isEqualTo("RECORD_INSERTED");
            assertThat(result.firstBrokenRecord()).isEqualTo(forgedId);
            assertThat(result.firstBrokenSeal()).isEqualTo(seal.sealNo());
        } finally {
            forge("delete from audit.record where id = " + forgedId);
        }
        assertIntact(log.verify(true));
    }

    /** A row in the old unkeyed format can be forged by anyone, so it is accepted only in the migrated block. */
    @Test
    void aRecordInTheOldUnkeyedFormatAddedLaterIsAnInsertion() {
        record(1);
        sealer.sealNow();
        var at = java.time.Instant.parse("2026-01-05T02:00:00Z");
        long forgedId = 900_000_000L + Integer.parseInt(unique());
        String hash = ChainHash.of(ChainHash.GENESIS, forgedId, at, "admin", "STAFF_DEACTIVATED", "staff:1", "Bịa đặt");
        forge("""
                insert into audit.record (id, occurred_at, actor, action, target, summary, key_id, mac)
                values (%d, '%s', 'admin', 'STAFF_DEACTIVATED', 'staff:1', 'Bịa đặt', 'legacy-sha256', '%s')"""
                .formatted(forgedId, at, hash));
        try {
            var result = log.verify(true);
            assertThat(result.problem()).isEqualTo("RECORD_INSERTED");
            assertThat(result.firstBrokenRecord()).isEqualTo(forgedId);
        } finally {
            forge("delete from audit.record where id = " + forgedId);
        }
        assertIntact(log.verify(true));
    }

    /**
     * The old design's other forgery: delete the newest rows and roll the head back. Here the newest records go with
     * the seals that cover them; this node remembers the seals it made, and the signed download names them too.
     */
    @Test
    void aTruncatedTailIsFoundFromTheSealsKeptOutsideTheDatabase() {
        record(2);
        var kept = sealer.sealNow().orElseThrow();
        String exportBefore = as("admin").get().uri("/api/v1/audit/seals").retrieve().body(String.class);
        List<AuditEntry> tail = record(3);
        var cut = sealer.sealNow().orElseThrow();
        String exportAfter = as("admin").get().uri("/api/v1/audit/seals").retrieve().body(String.class);
        assertThat(exportAfter).contains(cut.line()).contains("signature key=test2026 hmac=");

        String savedSeals = save("audit.seal", "seal_no >= " + cut.sealNo());
        String tailIds = tail.stream().map(e -> Long.toString(e.id())).collect(java.util.stream.Collectors.joining(","));
        String savedRecords = save("audit.record", "id in (" + tailIds + ")");
        forge("delete from audit.seal where seal_no >= " + cut.sealNo());
        forge("delete from audit.record where id in (" + tailIds + ")");
        try {
            var remembered = log.verify(false);
            assertThat(remembered.intact()).isFalse();
            assertThat(remembered.problem()).isEqualTo("TAIL_TRUNCATED");
            assertThat(remembered.firstBrokenSeal()).isEqualTo(cut.sealNo());
            assertThat(remembered.firstBrokenRecord()).isEqualTo(tail.getFirst().id());

            var againstDownload = as("admin").post().uri("/api/v1/audit/verify").contentType(MediaType.TEXT_PLAIN)
                    .body(exportAfter).retrieve().toEntity(new ParameterizedTypeReference<Map<String, Object>>() { }).getBody();
            assertThat(againstDownload).containsEntry("intact", false).containsEntry("problem", "TAIL_TRUNCATED")
                    .containsEntry("firstBrokenRecord", (int) tail.getFirst().id());

            // Raw log lines work as well as the download.
            var againstLogLine = log.verifyAgainst("2026-12-01 INFO motcua.audit.seal : AUDIT-SEAL " + cut.line());
            assertThat(againstLogLine.problem()).isEqualTo("TAIL_TRUNCATED");
            // What was kept before the cut still verifies against an older download.
            assertThat(log.verifyAgainst(exportBefore).problem()).isNotEqualTo("SEAL_CHANGED");
            assertThat(exportBefore).contains(kept.line());
        } finally {
            restore("audit.record", savedRecords);
            restore("audit.seal", savedSeals);
        }
        assertIntact(log.verify(true));
        assertThat(log.verifyAgainst(exportAfter).intact()).isTrue();
    }

    /**
     * The reviewer's forgery: cut the newest seal and let the sealer seal the records again. The node that made the
     * seal refuses to chain over the gap, and log lines holding two different seals under one number give it away.
     */
    @Test
    void aCutTailIsNotSealedOverAndTwoSealsUnderOneNumberAreNoticed() {
        record(2);
        var original = sealer.sealNow().orElseThrow();
        String savedSeals = save("audit.seal", "seal_no = " + original.sealNo());
        forge("delete from audit.seal where seal_no = " + original.sealNo());
        try {
            assertThat(sealer.sealNow()).as("this node remembers seal %d", original.sealNo()).isEmpty();
            var result = log.verify(false);
            assertThat(result.problem()).isEqualTo("TAIL_TRUNCATED");
            assertThat(result.firstBrokenSeal()).isEqualTo(original.sealNo());

            var forgedLine = original.line().replaceFirst("mac=[0-9a-f]{64}", "mac=" + "ab".repeat(32));
            var twoUnderOneNumber = log.verifyAgainst("AUDIT-SEAL " + original.line() + "\nAUDIT-SEAL " + forgedLine + "\n");
            assertThat(twoUnderOneNumber.problem()).isEqualTo("SEAL_CHANGED");
            assertThat(twoUnderOneNumber.externalSigned()).isFalse();
        } finally {
            restore("audit.seal", savedSeals);
        }
        assertIntact(log.verify(true));
        assertThat(sealer.sealNow()).isEmpty(); // nothing new, and sealing is allowed again
    }

    @Test
    void aRecordMovedOutOfReachOfTheSealerIsNamed() {
        var victim = record(1).getFirst();
        String tx = jdbc.sql("select tx::text from audit.record where id = :id").param("id", victim.id()).query(String.class).single();
        forge("update audit.record set tx = '9223372036854775000' where id = " + victim.id());
        try {
            var result = log.verify(true);
            assertThat(result.problem()).isEqualTo("RECORD_INSERTED");
            assertThat(result.firstBrokenRecord()).isEqualTo(victim.id());
        } finally {
            forge("update audit.record set tx = '" + tx + "' where id = " + victim.id());
        }
        assertIntact(log.verify(true));
    }

    @Test
    void sealingThatStallsIsReported() {
        sealer.sealNow();
        var at = java.time.Instant.now().minus(java.time.Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        long id = jdbc.sql("select nextval('audit.record_id_seq')").query(Long.class).single();
        String mac = RecordMac.of(keys, "test2026", id, at, "admin", "OLD_ACTION", "test:stall", "Chờ niêm phong rất lâu");
        jdbc.sql("""
                        insert into audit.record (id, occurred_at, actor, action, target, summary, key_id, mac)
                        values (:id, :at, 'admin', 'OLD_ACTION', 'test:stall', 'Chờ niêm phong rất lâu', 'test2026', :mac)""")
                .param("id", id).param("at", java.sql.Timestamp.from(at)).param("mac", mac).update();
        var result = log.verify(true);
        assertThat(result.problem()).isEqualTo("SEALING_STALLED");
        assertThat(result.firstBrokenRecord()).isEqualTo(id);
        forge("delete from audit.record where id = " + id); // never sealed, so its removal cannot be seen
        assertIntact(log.verify(true));
    }

    @Test
    void aMalformedSealRowIsRefusedAndMalformedLinesAreAProblemNotAFault() {
        record(1);
        var seal = sealer.sealNow().orElseThrow();
        assertThatThrownBy(() -> jdbc.sql("""
                        insert into audit.seal values (9000000000, now(), '0', '18446744073709551615', '{NULL}',
                        :h, :h, 'test2026', :h)""").param("h", "0".repeat(64)).update())
                .hasMessageContaining("seal_well_formed");
        String bad = seal.line().replaceFirst("seal=\\d+", "seal=99999999999999999999999");
        var refused = as("admin").post().uri("/api/v1/audit/verify").contentType(MediaType.TEXT_PLAIN).body(bad)
                .retrieve().toEntity(new ParameterizedTypeReference<Map<String, Object>>() { });
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).containsEntry("code", "audit.invalid-seal-export");
        String crlf = log.exportSeals().replace("\n", "\r\n");
        var signed = log.verifyAgainst(crlf);
        assertIntact(signed);
        assertThat(signed.externalSigned()).isTrue();
        assertThat(signed.externalSeals()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void anAlteredDownloadIsRefusedWithAProblem() {
        record(1);
        sealer.sealNow();
        String export = log.exportSeals();
        String altered = export.replaceFirst("records=\\d+", "records=999");
        var refused = as("admin").post().uri("/api/v1/audit/verify").contentType(MediaType.TEXT_PLAIN).body(altered)
                .retrieve().toEntity(new ParameterizedTypeReference<Map<String, Object>>() { });
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).containsEntry("code", "audit.invalid-seal-export");
        var empty = as("admin").post().uri("/api/v1/audit/verify").contentType(MediaType.TEXT_PLAIN).body("không có gì")
                .retrieve().toEntity(new ParameterizedTypeReference<Map<String, Object>>() { });
        assertThat(empty.getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void aSealerThatDiesMidwayLeavesNothingHalfSealed() {
        List<AuditEntry> made = record(2);
        long sealsBefore = seals();
        assertThatThrownBy(() -> sealer.sealNow(() -> { throw new IllegalStateException("máy chủ tắt giữa chừng"); }))
                .hasMessageContaining("giữa chừng");
        assertThat(seals()).isEqualTo(sealsBefore);
        assertThat(log.recent(1).getFirst().sealed()).isFalse();
        var next = sealer.sealNow().orElseThrow();
        assertThat(next.sealNo()).isEqualTo(sealsBefore + 1);
        assertThat(next.lastRecord()).isEqualTo(made.getLast().id());
        assertIntact(log.verify(true));
    }

    @Test
    void verificationDuringHeavyWritingAnswersCorrectly() throws Exception {
        var stop = new AtomicBoolean();
        var written = new AtomicInteger();
        List<Thread> writers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            writers.add(Thread.ofPlatform().start(() -> {
                while (!stop.get()) {
                    transactions.executeWithoutResult(s -> log.append("bench", "LOAD_TEST", "load:" + written.incrementAndGet(), "Ghi song song"));
                }
            }));
        }
        try {
            for (int round = 0; round < 5; round++) {
                sealer.sealNow();
                var result = log.verify(round % 2 == 0);
                assertThat(result.intact()).as("round %d: %s", round, result).isTrue();
            }
        } finally {
            stop.set(true);
            for (Thread w : writers) {
                w.join();
            }
        }
        assertThat(written.get()).isGreaterThan(8);
        while (sealer.sealNow().isPresent()) {
            // seal everything written
        }
        var last = log.verify(true);
        assertThat(last.intact()).isTrue();
        assertThat(last.pendingRecords()).isZero();
    }

    @Test
    void onlyAdministratorsReadTheAuditTrail() {
        assertThat(as("cv.stp").get().uri("/api/v1/audit/verify").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(403);
        assertThat(as("cv.stp").get().uri("/api/v1/audit/seals").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(403);
    }

    private List<AuditEntry> record(int count) {
        List<AuditEntry> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            made.add(transactions.execute(s -> log.append("admin", "TEST_ACTION", "test:" + unique(), "Thao tác thử")));
        }
        return made;
    }

    private static void assertIntact(ChainVerification result) {
        assertThat(result.intact()).as("%s", result).isTrue();
    }

    private long seals() {
        return jdbc.sql("select count(*) from audit.seal").query(Long.class).single();
    }

    /** As someone with database access would: with triggers off. */
    private void forge(String sql) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql(sql).update();
        });
    }

    /** Copies rows aside (to put them back after a forgery) and names the copy. */
    private String save(String table, String where) {
        String copy = "public.saved_" + table.replace('.', '_') + "_" + unique();
        jdbc.sql("create table " + copy + " as select * from " + table + " where " + where).update();
        return copy;
    }

    private void restore(String table, String copy) {
        forge("insert into " + table + " select * from " + copy + " on conflict do nothing");
        jdbc.sql("drop table " + copy).update();
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
