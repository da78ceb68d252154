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
import java.util.List;

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

    private static final List<String> ENDED_COUNTS = List.of("n", "direct", "online", "postal", "resolved", "early", "resolved_late",
            "refused", "stopped", "on_time", "timed", "taken_us", "legal_us");
    private static final List<String> OPEN_COUNTS = List.of("n", "direct", "online", "postal", "late");

    /**
     * One statement that empties a delta table into its main table: the deltas summed by key; a key whose sum with
     * the main row is zero in every count is deleted (a dossier received and ended in the same months leaves no row
     * behind: without this every imported dossier left one zero row per month it had been open); a key whose deltas
     * cancel out is not written; the others are added. Returns the delta rows moved.
     */
    static String foldSql(String table, String key, List<String> counts) {
        String keyOn = java.util.Arrays.stream(key.split(", ")).map(k -> "t." + k + " = s." + k).collect(java.util.stream.Collectors.joining(" and "));
        String zKeyOn = keyOn.replace("t.", "z.");
        String sums = counts.stream().map(c -> "sum(" + c + ") as " + c).collect(java.util.stream.Collectors.joining(", "));
        String zeroAfter = counts.stream().map(c -> "t." + c + " + s." + c + " = 0").collect(java.util.stream.Collectors.joining(" and "));
        String zeroDelta = counts.stream().map(c -> "s." + c + " = 0").collect(java.util.stream.Collectors.joining(" and "));
        String update = counts.stream().map(c -> c + " = t." + c + " + excluded." + c).collect(java.util.stream.Collectors.joining(", "));
        return "with d as (delete from oversight." + table + "_delta returning *),\n"
                + " s as (select " + key + ", " + sums + ", count(*) as moved from d group by " + key + "),\n"
                + " z as (delete from oversight." + table + " t using s where " + keyOn + " and " + zeroAfter + " returning t.*),\n"
                + " u as (insert into oversight." + table + " as t select " + key + ", " + String.join(", ", counts) + " from s\n"
                + "   where not (" + zeroDelta + ") and not exists (select 1 from z where " + zKeyOn + ")\n"
                + "   on conflict (" + key + ") do update set " + update + " returning 1)\n"
                + "select coalesce(sum(moved), 0)::int from s"; // z and u run to completion whether read or not
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
            int ended = jdbc.sql(foldSql("figure_ended", "ended_month, handling_agency_id, procedure_code, received_month", ENDED_COUNTS))
                    .query(Integer.class).single();
            int open = jdbc.sql(foldSql("open_boundary", "boundary, handling_agency_id, procedure_code, received_month", OPEN_COUNTS))
                    .query(Integer.class).single();
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
     * Counts the rollups again from the facts (V6), for the rebuild once its replay is done: it waits for every write
     * of facts in flight and for a fold, as {@link #emptyForRebuild} does, so what committed is in the facts and no
     * delta is left half-counted; writers wait for it (about 50 s at 5,000,000 dossiers, as V3's first count took).
     */
    void recount() {
        tx.executeWithoutResult(s -> {
            jdbc.sql(BOUNDARY_LOCK).query(Object.class).list();
            jdbc.sql("select pg_advisory_xact_lock(hashtext('oversight.rollups.fold'))").query(Object.class).list();
            jdbc.sql("call oversight.recount_rollups()").update();
        });
    }

    /**
     * Empties the facts and the rollups together, inside the rebuild's transaction: it first waits for every write of
     * facts in flight (the lock the trigger holds shared) and for a fold, so no delta of a write that was still open is
     * left behind. {@code truncate}, not {@code delete}: the trigger would take back each row's contribution one by one.
     */
    void emptyForRebuild() {
        jdbc.sql(BOUNDARY_LOCK).query(Object.class).list();
        jdbc.sql("select pg_advisory_xact_lock(hashtext('oversight.rollups.fold'))").query(Object.class).list();
        // a TRUNCATE, which the application's role may not run itself: a function of the schema owner does (V4)
        jdbc.sql("select oversight.empty_projections()").query(Object.class).list();
    }
}
