package vn.motcua.oversight;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.platform.TimeConfiguration;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Keeps the rollups of {@code oversight.dossier_fact} (migration V3: {@code figure_ended}, {@code open_boundary})
 * that {@link FactStore} counts months, quarters and years from. The trigger on the facts appends signed rows to the
 * two {@code *_delta} tables in the writer's own transaction, so nothing waits on a shared counter; this job
 * <ul>
 *   <li>{@link #fold() folds} the deltas into the main tables every few seconds (readers add both, so the figures
 *       never wait for it);</li>
 *   <li>{@link #roll() rolls} a month boundary once it has passed: the dossiers open at that moment, judged then,
 *       become rows of {@code open_boundary}. It takes the lock the trigger holds shared, so no write in flight is
 *       missed or counted twice; it runs at start-up and every hour.</li>
 * </ul>
 */
@Component
class FigureRollups {

    private static final Logger log = LoggerFactory.getLogger(FigureRollups.class);
    /** The trigger takes this lock shared; adding a boundary takes it exclusively. */
    static final String BOUNDARY_LOCK = "select pg_advisory_xact_lock(hashtext('oversight.rollups'))";
    private static final String FOLD_LOCK = "select pg_try_advisory_xact_lock(hashtext('oversight.rollups.fold'))";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    FigureRollups(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** The last month boundary (a month's first day) whose open dossiers are in {@code open_boundary}. */
    LocalDate rolledTo() {
        return jdbc.sql("select rolled_to from oversight.rollup_state").query(LocalDate.class).single();
    }

    /** Moves the deltas into the main tables; one node at a time (a second one skips). Returns the delta rows moved. */
    @Scheduled(fixedDelayString = "${motcua.oversight.rollup-fold-ms:5000}", initialDelayString = "${motcua.oversight.rollup-fold-ms:5000}")
    int fold() {
        Integer moved = tx.execute(s -> {
            if (!Boolean.TRUE.equals(jdbc.sql(FOLD_LOCK).query(Boolean.class).single())) {
                return 0;
            }
            int ended = jdbc.sql("""
                    with d as (delete from oversight.figure_ended_delta returning *)
                    insert into oversight.figure_ended as t
                    select ended_month, handling_agency_id, procedure_code, received_month, sum(n), sum(direct), sum(online), sum(postal),
                           sum(resolved), sum(early), sum(resolved_late), sum(refused), sum(stopped), sum(on_time), sum(timed),
                           sum(taken_us), sum(legal_us)
                    from d group by 1, 2, 3, 4
                    on conflict (ended_month, handling_agency_id, procedure_code, received_month) do update set
                        n = t.n + excluded.n, direct = t.direct + excluded.direct, online = t.online + excluded.online,
                        postal = t.postal + excluded.postal, resolved = t.resolved + excluded.resolved, early = t.early + excluded.early,
                        resolved_late = t.resolved_late + excluded.resolved_late, refused = t.refused + excluded.refused,
                        stopped = t.stopped + excluded.stopped, on_time = t.on_time + excluded.on_time, timed = t.timed + excluded.timed,
                        taken_us = t.taken_us + excluded.taken_us, legal_us = t.legal_us + excluded.legal_us""").update();
            int open = jdbc.sql("""
                    with d as (delete from oversight.open_boundary_delta returning *)
                    insert into oversight.open_boundary as t
                    select boundary, handling_agency_id, procedure_code, received_month, sum(n), sum(direct), sum(online), sum(postal), sum(late)
                    from d group by 1, 2, 3, 4
                    on conflict (boundary, handling_agency_id, procedure_code, received_month) do update set
                        n = t.n + excluded.n, direct = t.direct + excluded.direct, online = t.online + excluded.online,
                        postal = t.postal + excluded.postal, late = t.late + excluded.late""").update();
            return ended + open;
        });
        return moved == null ? 0 : moved;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        roll();
    }

    /** Adds every month boundary that has passed since the last one rolled; returns how many it added. */
    @Scheduled(cron = "${motcua.oversight.rollup-roll-cron:0 2 * * * *}", zone = "Asia/Ho_Chi_Minh")
    int roll() {
        LocalDate current = YearMonth.now(clock.withZone(TimeConfiguration.VIETNAM)).atDay(1);
        int added = 0;
        while (true) {
            LocalDate next = rolledTo().plusMonths(1);
            if (next.isAfter(current)) {
                return added;
            }
            long t0 = System.nanoTime();
            Integer rows = tx.execute(s -> {
                jdbc.sql(BOUNDARY_LOCK).query(Object.class).list();
                jdbc.sql("set local timezone = 'Asia/Ho_Chi_Minh'").update(); // as the trigger's rows
                if (!rolledTo().plusMonths(1).equals(next)) {
                    return -1; // another node rolled it meanwhile
                }
                int n = jdbc.sql("""
                                insert into oversight.open_boundary_delta
                                select r.* from oversight.dossier_fact f
                                cross join lateral oversight.boundary_rows(f, 1, :b, :b) r
                                where f.received_at < oversight.month_start(:b) and (f.ended_at is null or f.ended_at >= oversight.month_start(:b))""")
                        .param("b", next).update();
                jdbc.sql("update oversight.rollup_state set rolled_to = :b").param("b", next).update();
                return n;
            });
            if (rows != null && rows >= 0) {
                added++;
                log.info("Số liệu giám sát: đã chốt {} hồ sơ đang giải quyết tại thời điểm {} ({} ms)", rows, next,
                        (System.nanoTime() - t0) / 1_000_000);
            }
        }
    }

    /**
     * Empties the facts and the rollups together, inside the rebuild's transaction: it first waits for every write of
     * facts in flight (the lock the trigger holds shared) and for a fold, so no delta of a write that was still open is
     * left behind. {@code truncate}, not {@code delete}: the trigger would take back each row's contribution one by one.
     */
    void emptyForRebuild() {
        jdbc.sql(BOUNDARY_LOCK).query(Object.class).list();
        jdbc.sql("select pg_advisory_xact_lock(hashtext('oversight.rollups.fold'))").query(Object.class).list();
        jdbc.sql("truncate oversight.dossier_fact, oversight.open_fact, oversight.figure_ended, oversight.figure_ended_delta, "
                + "oversight.open_boundary, oversight.open_boundary_delta").update();
    }
}
