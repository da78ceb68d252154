package vn.motcua.audit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.IntegrationTest;
import vn.motcua.organization.AgencyDirectory;
import vn.motcua.organization.AgencyDraft;
import vn.motcua.organization.AgencyType;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tamper tests change rows behind the application's back, as someone with database access would, then
 * put them back so the shared test database stays intact for other tests.
 */
class AuditChainTests extends IntegrationTest {

    @Autowired
    AuditLog log;
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
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void anActionRolledBackLeavesNoAuditRow() {
        long before = log.recent(1).getFirst().seq();
        String id = uniqueElectronicId();
        transactions.executeWithoutResult(status -> {
            agencies.create(new AgencyDraft(id, "UBND xã Huỷ", AgencyType.COMMUNE_PEOPLES_COMMITTEE, null, LocalDate.of(2025, 7, 1), null));
            assertThat(log.recent(1).getFirst().target()).isEqualTo("agency:" + id);
            status.setRollbackOnly();
        });
        assertThat(agencies.findByElectronicId(id)).isEmpty();
        assertThat(log.recent(1).getFirst().seq()).isEqualTo(before);
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void theApplicationCannotChangeOrDeleteRows() {
        assertThatThrownBy(() -> jdbc.sql("update audit.entry set summary = 'x' where seq = 1").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit.entry where seq = 1").update())
                .hasMessageContaining("append-only");
    }

    @Test
    void verificationNamesTheFirstTamperedRow() {
        agencies.create(new AgencyDraft(uniqueElectronicId(), "UBND xã Sửa nhật ký", AgencyType.COMMUNE_PEOPLES_COMMITTEE, null,
                LocalDate.of(2025, 7, 1), null));
        var target = log.recent(3).getLast();
        String original = target.summary();
        bypassingTriggers("update audit.entry set summary = 'Đã bị sửa' where seq = " + target.seq());
        try {
            var result = log.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBrokenSeq()).isEqualTo(target.seq());
            assertThat(result.reason()).contains("content");

            var api = as("admin").get().uri("/api/v1/audit/verify").retrieve()
                    .toEntity(new ParameterizedTypeReference<Map<String, Object>>() { }).getBody();
            assertThat(api).containsEntry("intact", false).containsEntry("firstBrokenSeq", (int) target.seq());
        } finally {
            bypassingTriggers("update audit.entry set summary = '" + original.replace("'", "''") + "' where seq = " + target.seq());
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void verificationNoticesADeletedRow() {
        agencies.create(new AgencyDraft(uniqueElectronicId(), "UBND xã Xoá nhật ký", AgencyType.COMMUNE_PEOPLES_COMMITTEE, null,
                LocalDate.of(2025, 7, 1), null));
        var victim = log.recent(2).getLast();
        bypassingTriggers("delete from audit.entry where seq = " + victim.seq());
        try {
            var result = log.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBrokenSeq()).isEqualTo(victim.seq());
        } finally {
            bypassingTriggers("""
                    insert into audit.entry values (%d, '%s', '%s', '%s', '%s', '%s', '%s', '%s')""".formatted(victim.seq(),
                    java.sql.Timestamp.from(victim.occurredAt()).toInstant(), victim.actor(), victim.action(), victim.target(),
                    victim.summary().replace("'", "''"), victim.previousHash(), victim.hash()));
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void onlyAdministratorsReadTheAuditTrail() {
        var refused = as("cv.stp").get().uri("/api/v1/audit/verify").retrieve().toBodilessEntity();
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
    }

    private void bypassingTriggers(String sql) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql(sql).update();
        });
    }
}
