package vn.motcua.oversight;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierReplay;
import vn.motcua.platform.AuditableEvent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
 */
@Service
public class ProjectionRebuild {

    static final int BATCH = 2_000;

    private final DossierReplay replay;
    private final DossierFacts facts;
    private final DeskFlows desks;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final FigureRollups rollups;

    ProjectionRebuild(DossierReplay replay, DossierFacts facts, DeskFlows desks, JdbcClient jdbc, TransactionTemplate tx,
                      ApplicationEventPublisher events, Clock clock, FigureRollups rollups) {
        this.rollups = rollups;
        this.desks = desks;
        this.replay = replay;
        this.facts = facts;
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
    }

    /** What a rebuild did: the events replayed, the rows it left and how long it took. */
    public record Result(long events, long dossiers, long lateSteps, Instant startedAt, Duration took) {
    }

    /** Audited: who rebuilt the projections, and what came out. */
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

    /** Empties the projections and replays every dossier event into them. Only an administrator calls this (API and page). */
    public Result rebuild() {
        Instant started = clock.instant();
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
            tx.executeWithoutResult(s -> list.forEach(e -> {
                facts.project(e);
                desks.project(e);
            }));
            position = batch.next();
        }
        long replayed = position.events();
        return tx.execute(s -> {
            long dossiers = jdbc.sql("select count(*) from oversight.dossier_fact").query(Long.class).single();
            long late = jdbc.sql("select count(*) from oversight.late_step").query(Long.class).single();
            events.publishEvent(new ProjectionsRebuilt(replayed, dossiers, late));
            return new Result(replayed, dossiers, late, started, Duration.between(started, clock.instant()));
        });
    }
}
