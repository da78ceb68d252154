package vn.motcua.dossier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.IntegrationTest;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import whose process stopped (a restart, a crash) does not show "running" for ever: once it has written no chunk
 * for ten minutes it is marked FAILED with the reason, in the API as on the admin page, and audited; one that moved on
 * a minute ago is left running.
 */
class HistoryImportStalledTests extends IntegrationTest {

    @Autowired
    HistoryImports imports;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anImportThatStoppedMovingIsMarkedFailed() {
        UUID stalled = job(Duration.ofMinutes(45));
        UUID moving = job(Duration.ofMinutes(1));
        assertThat(imports.failStalled()).isPositive();
        @SuppressWarnings("unchecked")
        var api = (java.util.Map<String, Object>) as("admin").get().uri("/api/v1/dossiers/history-imports/{id}", stalled).retrieve()
                .body(HistoryImportApiTests.MAP).get("job");
        assertThat(api).containsEntry("state", "FAILED");
        assertThat((String) api.get("failure")).contains("Bị gián đoạn").contains("gửi lại cùng tệp");
        assertThat(api.get("finishedAt")).isNotNull();
        assertThat(imports.job(moving).orElseThrow().state()).isEqualTo("RUNNING");
        assertThat(jdbc.sql("select count(*) from audit.record where target = :t").param("t", "history-import:" + stalled)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(imports.failStalled()).as("once").isZero();
        jdbc.sql("delete from dossier.history_import where id = :id").param("id", moving).update();
    }

    /** A job row as HistoryImports writes it, last moved on {@code ago} ago. */
    private UUID job(Duration ago) {
        UUID id = UUID.randomUUID();
        Instant at = Instant.now().minus(ago);
        jdbc.sql("""
                        insert into dossier.history_import (id, started_by, started_at, file_name, file_sha256, total_lines, done_lines,
                            imported, state, progress_at)
                        values (:id, 'admin', :at, 'cu.jsonl', 'ab', 1000, 500, 500, 'RUNNING', :at)""")
                .param("id", id).param("at", Timestamp.from(at)).update();
        return id;
    }
}
