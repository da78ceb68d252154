package vn.motcua.oversight;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.IntegrationTest;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rebuild of oversight's projections as a background job over the API: 202 with the job to poll, its progress
 * and end, one at a time in the whole installation (another node's running job is a row of oversight.rebuild), a job
 * whose process stopped marked FAILED, who started it in the audit trail, ADMIN only.
 */
class ProjectionRebuildJobTests extends IntegrationTest {

    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };

    @Autowired
    JdbcClient jdbc;
    @Autowired
    FactStore store;

    @Test
    void aRebuildRunsInTheBackgroundAndIsPolledToItsEnd() {
        var started = as("admin").post().uri("/api/v1/oversight/projections/rebuild").retrieve().toEntity(MAP);
        assertThat(started.getStatusCode().value()).isEqualTo(202);
        String location = started.getHeaders().getLocation().toString();
        assertThat(location).startsWith("/api/v1/oversight/projections/rebuilds/");
        assertThat(started.getBody()).containsEntry("startedBy", "admin");
        var done = Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> as("admin").get().uri(location).retrieve().body(MAP), j -> !"RUNNING".equals(j.get("state")));
        assertThat(done).containsEntry("state", "DONE").containsEntry("failure", null);
        assertThat(((Number) done.get("events")).longValue()).isPositive();
        assertThat(((Number) done.get("position")).longValue()).isGreaterThanOrEqualTo(((Number) done.get("targetPosition")).longValue());
        assertThat(((Number) done.get("dossiers")).longValue()).isEqualTo(
                jdbc.sql("select count(*) from oversight.dossier_fact").query(Long.class).single());
        assertThat(jdbc.sql("select actor from audit.record where action = 'OVERSIGHT_PROJECTIONS_REBUILD_STARTED' order by occurred_at desc limit 1")
                .query(String.class).single()).isEqualTo("admin");
        // the rollups, counted again from the rebuilt facts, give what counting every dossier gives
        var agencies = new java.util.HashSet<>(jdbc.sql("select distinct handling_agency_id from oversight.dossier_fact").query(UUID.class).list());
        for (var p : FigureRollupTests.periods(Instant.now())) {
            for (var key : List.of(FactStore.Key.ALL, FactStore.Key.AGENCY, FactStore.Key.PROCEDURE)) {
                assertThat(store.figures(agencies, p[0], p[1], key)).as(p[0] + ".." + p[1] + " by " + key)
                        .containsExactlyInAnyOrderElementsOf(store.scanned(agencies, p[0], p[1], key));
            }
        }
        var listed = as("admin").get().uri("/api/v1/oversight/projections/rebuilds").retrieve().body(new ParameterizedTypeReference<java.util.List<Map<String, Object>>>() { });
        assertThat(listed.getFirst()).containsEntry("id", done.get("id"));
    }

    @Test
    void oneRebuildAtATimeAndAStalledOneIsMarkedFailed() {
        UUID elsewhere = UUID.randomUUID(); // a rebuild running on another node
        Instant now = Instant.now();
        jdbc.sql("""
                        insert into oversight.rebuild (id, started_by, started_at, progress_at, state, target_position)
                        values (:id, 'admin', :at, :at, 'RUNNING', 1000)""").param("id", elsewhere).param("at", Timestamp.from(now)).update();
        try {
            var refused = as("admin").post().uri("/api/v1/oversight/projections/rebuild").retrieve().toEntity(MAP);
            assertThat(refused.getStatusCode().value()).isEqualTo(409);
            assertThat(refused.getBody()).containsEntry("code", "oversight.rebuild-running");
            assertThat(String.valueOf(refused.getBody().get("detail"))).contains("Đang dựng lại");

            // its node stopped: nothing written for longer than motcua.oversight.rebuild-stalled-after (10 min)
            jdbc.sql("update oversight.rebuild set progress_at = :at where id = :id").param("id", elsewhere)
                    .param("at", Timestamp.from(now.minus(Duration.ofMinutes(11)))).update();
            var started = as("admin").post().uri("/api/v1/oversight/projections/rebuild?wait=true").retrieve().toEntity(MAP);
            assertThat(started.getStatusCode().value()).isEqualTo(200);
            assertThat(started.getBody()).containsEntry("state", "DONE");
            var stalled = as("admin").get().uri("/api/v1/oversight/projections/rebuilds/{id}", elsewhere).retrieve().body(MAP);
            assertThat(stalled).containsEntry("state", "FAILED");
            assertThat(String.valueOf(stalled.get("failure"))).contains("Bị gián đoạn");
            assertThat(jdbc.sql("select count(*) from audit.record where action = 'OVERSIGHT_PROJECTIONS_REBUILD_FAILED' and summary like '%gián đoạn%'")
                    .query(Long.class).single()).isPositive();
        } finally {
            jdbc.sql("update oversight.rebuild set state = 'FAILED', finished_at = now() where id = :id and state = 'RUNNING'")
                    .param("id", elsewhere).update();
        }
    }

    @Test
    void onlyAnAdministratorRebuildsAndAnUnknownJobIsNotFound() {
        assertThat(as("giamsat.snv").post().uri("/api/v1/oversight/projections/rebuild").retrieve().toEntity(MAP).getStatusCode().value())
                .isEqualTo(403);
        var missing = as("admin").get().uri("/api/v1/oversight/projections/rebuilds/{id}", UUID.randomUUID()).retrieve().toEntity(MAP);
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        assertThat(missing.getBody()).containsEntry("code", "oversight.rebuild-not-found");
        var malformed = as("admin").get().uri("/api/v1/oversight/projections/rebuilds/not-a-uuid").retrieve().toEntity(MAP);
        assertThat(malformed.getStatusCode().value()).isEqualTo(400);
    }
}
