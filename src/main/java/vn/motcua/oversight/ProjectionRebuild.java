package vn.motcua.oversight;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierReplay;
import vn.motcua.platform.AuditableEvent;
import vn.motcua.platform.database.PendingWrites;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Rebuilds oversight's projections ({@code oversight.dossier_fact}, {@code oversight.late_step}, the rollups of {@link FigureRollups}, and the centre's
 * {@code oversight.desk_flow} through {@link DeskFlows}) from the dossier
 * histories: empties them, then feeds every event the dossier module published ({@link DossierReplay}, in the order
 * it published them) through the same projection code that consumed them as they happened ({@link DossierFacts}),
 * a batch per transaction. Incremental and rebuilt rows are the same by construction; the property test checks it.
 *
 * <p>Moves that commit while a rebuild runs are not lost: their own projection writes land after the tables were
 * emptied, and their journal rows are read by the replay (a fact overwritten by the same or an older event stays as
 * it is: the upsert keeps the newer event, and a late step is kept once).
 *
 * <p>The replay writes the facts with the rollup trigger deferred, and the rollups are counted again from the whole
 * facts at the end ({@link FigureRollups#recount}, V6): through the trigger every replayed receipt of an old dossier
 * was first open at each month boundary since, then taken back at its end.
 *
 * <p>A rebuild is a <b>job</b> ({@code oversight.rebuild}) that runs in the background: at 5,000,000 dossiers it
 * replays some 30 million events, far longer than a request may wait. Its progress (journal position reached of the
 * position to reach, events replayed) is written with each batch, so the admin page shows it from any node; one job
 * runs at a time in the whole installation (a unique index on the running one: a second start answers 409
 * {@code oversight.rebuild-running}); a job whose process stopped (no batch for
 * {@code motcua.oversight.rebuild-stalled-after}, 10 minutes) is marked FAILED when someone looks or starts another.
 * Until it ends the figures are incomplete: the page says so. Starting is audited with who started it, the end with
 * what came out.
 */
@Service
public class ProjectionRebuild {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    static final int BATCH = 2_000;

    private final DossierReplay replay;
    private final DossierFacts facts;
    private final DeskFlows desks;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final FigureRollups rollups;
    private final Duration stalledAfter;
    private final PendingWrites writes;

    ProjectionRebuild(DossierReplay replay, DossierFacts facts, DeskFlows desks, JdbcClient jdbc, TransactionTemplate tx,
                      ApplicationEventPublisher events, Clock clock, FigureRollups rollups, PendingWrites writes,
                      @Value("${motcua.oversight.rebuild-stalled-after:10m}") Duration stalledAfter) {
        this.writes = writes;
        this.rollups = rollups;
        this.desks = desks;
        this.replay = replay;
        this.facts = facts;
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
        this.stalledAfter = stalledAfter;
    }

    /** A rebuild: who started it, where it stands, and (once DONE) the rows it left. */
    public record Job(UUID id, String startedBy, Instant startedAt, Instant progressAt, @Nullable Instant finishedAt, String state,
                      long targetPosition, long position, long events, @Nullable Long dossiers, @Nullable Long lateSteps,
                      @Nullable String failure) {
        public boolean running() {
            return "RUNNING".equals(state);
        }

        /** How far the replay is, 0-100 (100 once done). */
        public int percent() {
            if ("DONE".equals(state)) {
                return 100;
            }
            return targetPosition == 0 ? 0 : (int) Math.min(99, 100 * position / targetPosition);
        }

        /** Seconds from start to end (or to now while it runs). */
        public double seconds(Instant now) {
            return Duration.between(startedAt, finishedAt != null ? finishedAt : now).toMillis() / 1000.0;
        }
    }

    /** What a rebuild did: the events replayed, the rows it left and how long it took. */
    public record Result(long events, long dossiers, long lateSteps, Instant startedAt, Duration took) {
    }

    /** Audited: who started a rebuild. */
    public record RebuildStarted(UUID id, long targetPosition) implements AuditableEvent {
        public String action() {
            return "OVERSIGHT_PROJECTIONS_REBUILD_STARTED";
        }

        public String target() {
            return "oversight:projections";
        }

        public String summary() {
            return "Bắt đầu dựng lại số liệu giám sát từ lịch sử hồ sơ (đến sự kiện số " + targetPosition + ")";
        }
    }

    /** Audited: what a rebuild left (or that it failed). */
    public record ProjectionsRebuilt(long events, long dossiers, long lateSteps) implements AuditableEvent {
        public String action() {
            return "OVERSIGHT_PROJECTIONS_REBUILT";
        }

        public String target() {
            return "oversight:projections";
        }

        public String summary() {
            return "Dựng lại số liệu giám sát từ lịch sử hồ sơ: " + events + " sự kiện, " + dossiers + " hồ sơ, "
                    + lateSteps + " bước quá hạn";
        }
    }

    /** Audited: a rebuild that stopped before its end (the figures stay incomplete until the next one). */
    public record RebuildFailed(UUID id, String reason) implements AuditableEvent {
        public String action() {
            return "OVERSIGHT_PROJECTIONS_REBUILD_FAILED";
        }

        public String target() {
            return "oversight:projections";
        }

        public String summary() {
            return "Dựng lại số liệu giám sát không xong: " + reason;
        }
    }

    /**
     * Starts a rebuild (ADMIN only: the API and the page check it): in the background, or before returning when
     * {@code wait}. 409 {@code oversight.rebuild-running} while another runs anywhere.
     */
    public Job start(String by, boolean wait) {
        failStalled();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        try {
            tx.executeWithoutResult(s -> {
                long target = replay.end();
                jdbc.sql("""
                                insert into oversight.rebuild (id, started_by, started_at, progress_at, state, target_position)
                                values (:id, :by, :at, :at, 'RUNNING', :target)""")
                        .param("id", id).param("by", by).param("at", Timestamp.from(now)).param("target", target).update();
                events.publishEvent(new RebuildStarted(id, target));
            });
        } catch (DuplicateKeyException running) {
            throw new OversightProblem(HttpStatus.CONFLICT, "oversight.rebuild-running",
                    "Đang dựng lại số liệu giám sát; chờ lần đang chạy xong rồi hãy bắt đầu lần khác.");
        }
        if (wait) {
            run(id);
        } else {
            Thread.ofVirtual().name("oversight-rebuild-" + id).start(() -> run(id));
        }
        return job(id).orElseThrow();
    }

    /** Rebuilds before returning (the property tests' and a script's way); the job is recorded as any other. */
    public Result rebuild() {
        var job = start("system", true);
        if (!"DONE".equals(job.state())) {
            throw new IllegalStateException("rebuild " + job.id() + " ended " + job.state() + ": " + job.failure());
        }
        return new Result(job.events(), job.dossiers() == null ? 0 : job.dossiers(), job.lateSteps() == null ? 0 : job.lateSteps(),
                job.startedAt(), Duration.between(job.startedAt(), job.finishedAt()));
    }

    public Optional<Job> job(UUID id) {
        failStalled();
        return jdbc.sql("select * from oversight.rebuild where id = :id").param("id", id).query(ProjectionRebuild::job).optional();
    }

    /** The latest rebuilds, newest first. */
    public List<Job> recent(int limit) {
        failStalled();
        return jdbc.sql("select * from oversight.rebuild order by started_at desc limit :n").param("n", limit).query(ProjectionRebuild::job).list();
    }

    private void run(UUID id) {
        try {
            tx.executeWithoutResult(s -> {
                jdbc.sql("delete from oversight.late_step").update();
                rollups.emptyForRebuild(); // the facts with their rollups
                jdbc.sql("delete from oversight.desk_flow").update();
            });
            var position = DossierReplay.Position.START;
            while (true) {
                var batch = replay.next(position, BATCH);
                if (batch.events().isEmpty()) {
                    break;
                }
                List<DossierEvent> list = batch.events();
                var next = batch.next();
                tx.executeWithoutResult(s -> {
                    // the facts without their rollups, which are counted once the replay is done (V6)
                    writes.add("call oversight.defer_rollups()", java.util.Map.of());
                    list.forEach(e -> {
                        facts.project(e);
                        desks.project(e);
                    });
                    jdbc.sql("update oversight.rebuild set position = :p, events = :e, progress_at = :at where id = :id")
                            .param("p", next.after()).param("e", next.events()).param("at", Timestamp.from(clock.instant())).param("id", id)
                            .update();
                });
                position = next;
            }
            long replayed = position.events();
            rollups.recount();
            tx.executeWithoutResult(s -> {
                long dossiers = jdbc.sql("select count(*) from oversight.dossier_fact").query(Long.class).single();
                long late = jdbc.sql("select count(*) from oversight.late_step").query(Long.class).single();
                jdbc.sql("""
                                update oversight.rebuild set state = 'DONE', finished_at = :at, progress_at = :at, events = :e,
                                    dossiers = :d, late_steps = :l where id = :id""")
                        .param("at", Timestamp.from(clock.instant())).param("e", replayed).param("d", dossiers).param("l", late).param("id", id)
                        .update();
                events.publishEvent(new ProjectionsRebuilt(replayed, dossiers, late));
            });
        } catch (RuntimeException e) {
            // the last line of a background job: nobody waits for it to throw, so the fault is logged once and the job
            // ends FAILED; the figures stay incomplete until the next rebuild, which starts from the beginning
            log.error("Rebuild of the oversight projections {} stopped", id, e);
            fail(id, "Lỗi khi dựng lại (" + e.getClass().getSimpleName() + "); số liệu giám sát chưa đầy đủ, hãy dựng lại lần nữa");
        }
    }

    private void fail(UUID id, String reason) {
        tx.executeWithoutResult(s -> {
            int n = jdbc.sql("update oversight.rebuild set state = 'FAILED', finished_at = :at, failure = :f where id = :id and state = 'RUNNING'")
                    .param("at", Timestamp.from(clock.instant())).param("f", reason).param("id", id).update();
            if (n > 0) {
                events.publishEvent(new RebuildFailed(id, reason));
            }
        });
    }

    /** Marks FAILED a running job that has not finished a batch for {@code stalledAfter}: its process stopped. */
    void failStalled() {
        Instant before = clock.instant().minus(stalledAfter);
        var stalled = jdbc.sql("select id from oversight.rebuild where state = 'RUNNING' and progress_at < :before")
                .param("before", Timestamp.from(before)).query(UUID.class).list();
        for (UUID id : stalled) {
            fail(id, "Bị gián đoạn (không tiến triển từ " + stalledAfter.toMinutes() + " phút: hệ thống đã khởi động lại hoặc dừng); "
                    + "số liệu giám sát chưa đầy đủ, hãy dựng lại lần nữa");
        }
    }

    private static Job job(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        long dossiers = rs.getLong("dossiers");
        Long d = rs.wasNull() ? null : dossiers;
        long lateSteps = rs.getLong("late_steps");
        Long l = rs.wasNull() ? null : lateSteps;
        return new Job(rs.getObject("id", UUID.class), rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("progress_at").toInstant(), finished == null ? null : finished.toInstant(), rs.getString("state"),
                rs.getLong("target_position"), rs.getLong("position"), rs.getLong("events"), d, l, rs.getString("failure"));
    }
}
