package vn.motcua.oversight;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.IntegrationTest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rollups of migration V3 give exactly what counting every dossier gives ({@link FactStore#scanned}): for whole
 * months, quarters and years ending on a boundary, for periods running up to now or past it, by every grouping; after
 * the facts are rewritten and deleted (the trigger's deltas), after folding, and after a boundary is rolled.
 */
class FigureRollupTests extends IntegrationTest {

    static final java.time.ZoneId VIETNAM = FactStoreTests.VIETNAM;

    @Autowired
    FactStore store;
    @Autowired
    FigureRollups rollups;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    vn.motcua.dossier.HistoryImports imports;
    @Autowired
    vn.motcua.organization.AgencyDirectory agencies;
    @Autowired
    vn.motcua.catalog.ProcedureCatalog catalog;
    @Autowired
    javax.sql.DataSource dataSource;

    /** Periods of 2025-2026 the pages ask for, and a few they cannot be counted from the rollups for. */
    static List<Instant[]> periods(Instant now) {
        var periods = new ArrayList<Instant[]>();
        for (int month = 1; month <= 7; month++) {
            periods.add(new Instant[]{at(2026, month, 1), at(2026, month + 1, 1)}); // months, ended on a boundary rolled
        }
        periods.add(new Instant[]{at(2026, 1, 1), at(2026, 4, 1)}); // a quarter
        periods.add(new Instant[]{at(2026, 4, 1), at(2026, 7, 1)});
        periods.add(new Instant[]{at(2025, 1, 1), at(2026, 1, 1)}); // a year with nothing in it
        periods.add(new Instant[]{at(2025, 6, 1), at(2026, 6, 1)}); // twelve months across two years
        periods.add(new Instant[]{at(2025, 5, 1), at(2026, 6, 1)}); // thirteen: every dossier is read
        periods.add(new Instant[]{at(2026, 1, 1), now}); // this year up to now
        periods.add(new Instant[]{at(2026, 3, 1), now});
        periods.add(new Instant[]{at(2026, 1, 1), at(2027, 1, 1)}); // past now
        periods.add(new Instant[]{at(2026, 3, 10), at(2026, 3, 11)}); // a day: every dossier is read
        periods.add(new Instant[]{at(2026, 3, 1), LocalDateTime.parse("2026-03-20T12:00").atZone(VIETNAM).toInstant()});
        return periods;
    }

    static Instant at(int year, int month, int day) {
        return LocalDate.of(year, 1, 1).plusMonths(month - 1).plusDays(day - 1).atStartOfDay(VIETNAM).toInstant();
    }

    @Test
    void theRollupsCountWhatEveryDossierCounts() {
        UUID agency = UUID.randomUUID();
        var random = new Random(2026);
        var facts = FactStoreTests.generate(jdbc, agency, random, 500, new HashMap<>());
        rate(agency, facts, random);
        assertAgree(agency, "as written");
        // rewrite a third of them as later events would (ended, a supplement came back, an end taken back by an import's correction), delete some
        for (var f : facts) {
            int what = random.nextInt(9);
            String code = f.code();
            if (what == 0) {
                jdbc.sql("update oversight.dossier_fact set ended_at = coalesce(ended_at, received_at + interval '40 days'), end_kind = "
                        + "coalesce(end_kind, 'RESOLVED') where code = :c").param("c", code).update();
            } else if (what == 1) {
                jdbc.sql("update oversight.dossier_fact set supplement_count = supplement_count + 1, supplement_requested_at = received_at "
                        + "+ interval '2 days', supplement_received_at = received_at + interval '9 days' where code = :c").param("c", code).update();
            } else if (what == 2) {
                jdbc.sql("update oversight.dossier_fact set handling_agency_id = :a, procedure_code = '1.000009' where code = :c")
                        .param("a", agency).param("c", code).update();
            } else if (what == 3) {
                jdbc.sql("delete from oversight.dossier_fact where code = :c").param("c", code).update();
            } else if (what == 4) {
                jdbc.sql("update oversight.dossier_fact set state = 'IN_REVIEW', due_at = due_at + interval '1 day' where code = :c")
                        .param("c", code).update(); // nothing the figures count
            }
        }
        assertAgree(agency, "rewritten");
        rollups.fold();
        assertThat(jdbc.sql("select count(*) from oversight.figure_ended_delta where handling_agency_id = :a").param("a", agency)
                .query(Long.class).single()).as("folded").isZero();
        assertAgree(agency, "folded");
    }

    /**
     * Imported dossiers (their rollups settled once per chunk from the final rows, V5) count what counting them one by
     * one counts, and leave no zero rows behind once folded (before V5 each left one per month it had been open).
     */
    @Test
    void importedDossiersCountTheSameAndLeaveNoZeroRows() {
        String prefix = "RU" + Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT);
        var now = LocalDateTime.now(VIETNAM).withNano(0);
        String file = vn.motcua.dossier.GeneratedHistory.file(12, "H36.203", catalog.allInForce(now.toLocalDate()).stream()
                        .filter(v -> v.record().levels().contains(vn.motcua.catalog.ProcedureLevel.COMMUNE)).map(v -> v.code()).limit(3).toList(), prefix,
                LocalDateTime.of(2025, 3, 1, 8, 0), (int) java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(2025, 3, 1), now.toLocalDate()),
                now, 900);
        UUID agency = agencies.findByElectronicId("H36.203").orElseThrow().id();
        rollups.fold();
        vn.motcua.dossier.HistoryImports.Job job;
        // no fold while the file goes in (the scheduled one skips while another session holds its lock), so the deltas
        // show how the import wrote them: settled from the final rows, nothing added for a month and taken back
        try (var held = dataSource.getConnection(); var lock = held.createStatement()) {
            lock.execute("select pg_advisory_lock(hashtext('oversight.rollups.fold'))");
            job = imports.start("rollups.jsonl", new java.io.ByteArrayInputStream(file.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "admin", true);
            assertThat(jdbc.sql("select count(*) from oversight.open_boundary_delta where handling_agency_id = :a and n < 0").param("a", agency)
                    .query(Long.class).single()).as("nothing taken back").isZero();
            assertThat(jdbc.sql("select count(*) from oversight.open_boundary_delta where handling_agency_id = :a").param("a", agency)
                    .query(Long.class).single()).as("boundaries the open ones were open at").isPositive();
            lock.execute("select pg_advisory_unlock(hashtext('oversight.rollups.fold'))");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(job.rejected()).as(imports.rejects(job.id(), 3).toString()).isZero();
        assertThat(job.imported()).isEqualTo(900);
        assertAgree(agency, "imported");
        rollups.fold();
        assertAgree(agency, "imported, folded");
        assertThat(jdbc.sql("select count(*) from oversight.open_boundary where n = 0 and direct = 0 and online = 0 and postal = 0 and late = 0")
                .query(Long.class).single()).as("zero rows in open_boundary").isZero();
        assertThat(jdbc.sql("select count(*) from oversight.figure_ended where n = 0 and resolved = 0 and stopped = 0 and refused = 0 and timed = 0")
                .query(Long.class).single()).as("zero rows in figure_ended").isZero();
        // the deferral ends with the chunk: a later move of one of them goes through the trigger as any other write
        String code = prefix + "-1";
        jdbc.sql("update oversight.dossier_fact set procedure_code = '1.000009', handling_agency_id = :a where code = :c")
                .param("a", agency).param("c", code).update();
        assertAgree(agency, "imported, one moved");
    }

    /** Odd dossiers the review found the first rollups counted differently (a second pair of eyes, 1 Dec 2026). */
    @Test
    void oddDossiersCountTheSameBothWays() {
        UUID agency = UUID.randomUUID();
        // documents dated before the request, ended before the appointment: on time both ways
        odd(agency, "back-before-request", "2026-11-01T02:00", "2026-11-10T02:00", 1, "2026-11-10T02:00", "2026-11-05T02:00", "2026-11-08T02:00", null);
        // the same, still open, asked for after the period: on time at the end of November
        odd(agency, "back-before-request-open", "2026-11-01T02:00", "2026-12-20T02:00", 1, "2026-12-15T02:00", "2026-11-01T02:00", null, null);
        // apologised for in November after it ended in October: not a dossier of November, nor its apology
        odd(agency, "apology-after-end", "2026-10-01T02:00", "2026-10-30T02:00", 0, null, null, "2026-10-20T02:00", "2026-11-05T02:00");
        // times taken of 20 s, 20 s, 20 s and 30 s: 1.5 minutes in all, rounded once to 2 both ways
        for (int i = 0; i < 3; i++) {
            odd(agency, "short-" + i, "2026-11-02T02:00", "2026-11-02T02:00:20", 0, null, null, "2026-11-02T02:00:20", null);
        }
        odd(agency, "short-3", "2026-11-02T02:00", "2026-11-02T02:00:30", 0, null, null, "2026-11-02T02:00:30", null);
        Instant now = Instant.now();
        for (var p : List.of(new Instant[]{at(2026, 11, 1), at(2026, 12, 1)}, new Instant[]{at(2026, 10, 1), at(2026, 12, 1)},
                new Instant[]{at(2026, 11, 1), now})) {
            assertThat(store.fromRollups(p[0], p[1])).isTrue();
            assertThat(store.figures(Set.of(agency), p[0], p[1], FactStore.Key.PROCEDURE_AND_AGENCY)).as(p[0] + ".." + p[1])
                    .containsExactlyInAnyOrderElementsOf(store.scanned(Set.of(agency), p[0], p[1], FactStore.Key.PROCEDURE_AND_AGENCY));
            assertThat(store.quality(Set.of(agency), p[0], p[1])).as(p[0] + ".." + p[1]).isEqualTo(store.scannedQuality(Set.of(agency), p[0], p[1]));
        }
        var november = store.figures(Set.of(agency), at(2026, 11, 1), at(2026, 12, 1), FactStore.Key.ALL).getFirst();
        assertThat(november.received()).isEqualTo(6);
        assertThat(november.apologies()).isZero();
        assertThat(november.inProgressOnTime()).isEqualTo(1);
        // 7 days (the first) and 1.5 minutes: 10,081.5 minutes, rounded once
        assertThat(store.quality(Set.of(agency), at(2026, 11, 1), at(2026, 12, 1)).takenMinutes()).isEqualTo(7 * 24 * 60 + 2);
        // and a dossier cannot end before it was received
        org.junit.jupiter.api.Assertions.assertThrows(org.springframework.dao.DataIntegrityViolationException.class, () ->
                odd(agency, "ended-before-receipt", "2026-11-10T02:00", null, 0, null, null, "2026-11-09T02:00", null));
    }

    /** A fact written straight into the projection; times in UTC. */
    private void odd(UUID agency, String code, String received, String due, int supplements, String requested, String back, String ended,
                     String apologised) {
        jdbc.sql("""
                        insert into oversight.dossier_fact (code, receiving_agency_id, handling_agency_id, procedure_code, channel, state,
                            national_status, received_at, original_due_at, due_at, supplement_count, supplement_requested_at,
                            supplement_received_at, ended_at, end_kind, apologised_at, last_event_at)
                        values (:code, :a, :a, '1.000001', 'DIRECT', 'IN_PROCESSING', 4, :received, :due, :due, :supplements, :requested,
                            :back, :ended, :end, :apologised, :received)""")
                .param("code", "ODD-" + agency.toString().substring(0, 8) + "-" + code).param("a", agency).param("received", utc(received))
                .param("due", utc(due)).param("supplements", supplements).param("requested", utc(requested)).param("back", utc(back))
                .param("ended", utc(ended)).param("end", ended == null ? null : "RESOLVED").param("apologised", utc(apologised)).update();
    }

    private static java.sql.Timestamp utc(String t) {
        return t == null ? null : java.sql.Timestamp.from(java.time.LocalDateTime.parse(t).toInstant(java.time.ZoneOffset.UTC));
    }

    @Test
    void aBoundaryRolledLaterCountsWhatItWouldHaveCounted() {
        UUID agency = UUID.randomUUID();
        var random = new Random(17);
        FactStoreTests.generate(jdbc, agency, random, 300, new HashMap<>());
        var before = boundaryRows(agency);
        LocalDate rolled = rollups.rolledTo();
        // as if the last two boundaries had not passed yet when these dossiers were written: take their rows away, then roll
        jdbc.sql("delete from oversight.open_boundary where boundary > :b").param("b", rolled.minusMonths(2)).update();
        jdbc.sql("delete from oversight.open_boundary_delta where boundary > :b").param("b", rolled.minusMonths(2)).update();
        jdbc.sql("update oversight.rollup_state set rolled_to = :b").param("b", rolled.minusMonths(2)).update();
        assertThat(rollups.roll()).isEqualTo(2);
        assertThat(rollups.rolledTo()).isEqualTo(rolled);
        assertThat(boundaryRows(agency)).isEqualTo(before);
        assertThat(rollups.roll()).as("nothing more to roll").isZero();
    }

    /** The open_boundary rows of an agency, main and delta added up, without the zeros. */
    private Map<String, Long> boundaryRows(UUID agency) {
        var rows = new HashMap<String, Long>();
        jdbc.sql("""
                        select boundary || ' ' || procedure_code || ' ' || received_month || ' ' || sum(direct) || ' ' || sum(online) || ' '
                               || sum(postal) || ' ' || sum(late) as k, sum(n) as n
                        from (select * from oversight.open_boundary union all select * from oversight.open_boundary_delta) b
                        where handling_agency_id = :a group by boundary, procedure_code, received_month having sum(n) <> 0""")
                .param("a", agency).query((rs, n) -> rows.put(rs.getString("k"), rs.getLong("n"))).list();
        assertThat(rows).isNotEmpty();
        return rows;
    }

    /** One ended dossier in four rated, one rating in three dissatisfied, some after the month it ended in. */
    private void rate(UUID agency, List<DossierFact> facts, Random random) {
        for (var f : facts) {
            if (f.endedAt() != null && random.nextInt(4) == 0) {
                jdbc.sql("""
                                insert into oversight.dossier_rating (code, handling_agency_id, receiving_agency_id, overall, dissatisfied, rated_at)
                                values (:c, :a, :a, 3, :d, :at)""")
                        .param("c", f.code()).param("a", agency).param("d", random.nextInt(3) == 0)
                        .param("at", FactStoreTests.ts(f.endedAt().plus(Duration.ofDays(random.nextInt(40))))).update();
            }
        }
    }

    private void assertAgree(UUID agency, String when) {
        Instant now = Instant.now();
        for (var p : periods(now)) {
            String which = when + " " + p[0] + ".." + p[1];
            for (var key : FactStore.Key.values()) {
                assertThat(store.figures(Set.of(agency), p[0], p[1], key)).as(which + " by " + key)
                        .containsExactlyInAnyOrderElementsOf(store.scanned(Set.of(agency), p[0], p[1], key));
            }
            assertThat(store.quality(Set.of(agency), p[0], p[1])).as(which + " quality")
                    .isEqualTo(store.scannedQuality(Set.of(agency), p[0], p[1]));
            // the drill-down says as many as the figure, and lists them
            var all = store.scanned(Set.of(agency), p[0], p[1], FactStore.Key.ALL);
            for (var figure : List.of(FactStore.Figure.RECEIVED, FactStore.Figure.RESOLVED_LATE, FactStore.Figure.IN_PROGRESS_OVERDUE,
                    FactStore.Figure.CARRIED_OVER, FactStore.Figure.APOLOGIES, FactStore.Figure.LATE)) {
                long expected = all.isEmpty() ? 0 : figure.of(all.getFirst());
                var page = store.list(Set.of(agency), p[0], p[1], figure, null, 5, 0);
                assertThat(page.total()).as(which + " list of " + figure).isEqualTo(expected);
                assertThat(page.rows()).as(which + " list of " + figure).hasSize((int) Math.min(5, expected));
            }
        }
        // every period of the pages is counted from the rollups; a thirteen-month one, a day, a part of a past month are not
        var periods = periods(now);
        for (int i = 0; i < periods.size(); i++) {
            boolean rolled = !(i == 11 || i == 15 || i == 16);
            assertThat(store.fromRollups(periods.get(i)[0], periods.get(i)[1])).as("from the rollups: " + periods.get(i)[0] + ".." + periods.get(i)[1])
                    .isEqualTo(rolled);
        }
        var windows = new ArrayList<>(periods(now).subList(0, 7));
        var thisMonth = java.time.YearMonth.now(VIETNAM).atDay(1).atStartOfDay(VIETNAM).toInstant();
        windows.add(new Instant[]{java.time.YearMonth.now(VIETNAM).minusMonths(1).atDay(1).atStartOfDay(VIETNAM).toInstant(), thisMonth});
        windows.add(new Instant[]{thisMonth, now}); // the month up to now
        windows.add(periods.get(15)); // a day: read from every dossier, in the same answer
        assertThat(store.trend(Set.of(agency), windows)).as(when + " trend")
                .usingRecursiveComparison().isEqualTo(store.scannedTrend(Set.of(agency), windows));
        // and not an empty agreement
        assertThat(store.figures(Set.of(agency), at(2026, 1, 1), now, FactStore.Key.ALL).getFirst().received()).isGreaterThan(300);
    }
}
