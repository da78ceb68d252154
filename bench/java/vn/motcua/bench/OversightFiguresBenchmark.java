package vn.motcua.bench;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.motcua.oversight.Oversight;
import vn.motcua.oversight.ReportingPeriod;

import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The 766 index and the leader's dashboard on a province's worth of dossiers (issue 12: ≤ 1 s at 5,000,000), through
 * {@link Oversight} as the pages and the API call it, as the province's oversight officer; next to them, in the same
 * run, what the same figures cost when every dossier of the period is read ({@code FactStore.scanned*}, the way they
 * were counted before the rollups, called by reflection: it is not public); then how long a dossier's return takes to
 * show in the figures, from its commit. The data set is made by {@code HistoryImportBenchmark} (the import path).
 * <pre>
 * ./mvnw -Pbench test-compile exec:exec -Dbench.main=vn.motcua.bench.OversightFiguresBenchmark \
 *     -Djmh.args="jdbc:postgresql://127.0.0.1:5432/motcua_5m 10"
 * </pre>
 * Arguments: the database, timed calls per case (after three to warm up).
 */
public final class OversightFiguresBenchmark {

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/motcua_5m";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        try (var app = new MotcuaLifecycle(url, 8, new JdbcCounts())) {
            var context = app.context();
            var oversight = context.getBean(Oversight.class);
            var jdbc = context.getBean(JdbcClient.class);
            System.out.printf("facts=%,d figure_ended=%,d (+%,d delta) open_boundary=%,d (+%,d delta) rolled_to=%s open now=%,d%n",
                    count(jdbc, "oversight.dossier_fact"), count(jdbc, "oversight.figure_ended"), count(jdbc, "oversight.figure_ended_delta"),
                    count(jdbc, "oversight.open_boundary"), count(jdbc, "oversight.open_boundary_delta"),
                    jdbc.sql("select rolled_to from oversight.rollup_state").query(String.class).single(),
                    jdbc.sql("select count(*) from oversight.dossier_fact where ended_at is null").query(Long.class).single());
            String biggest = jdbc.sql("""
                    select a from (select handling_agency_id, count(*) as n from oversight.dossier_fact group by 1 order by 2 desc limit 1) f,
                    lateral (select cast(f.handling_agency_id as text) as a) x""").query(String.class).single();
            var today = LocalDate.now(vn.motcua.platform.TimeConfiguration.VIETNAM);
            var month = YearMonth.from(today);
            List<String> periods = List.of(String.valueOf(today.getYear()), String.valueOf(today.getYear() - 1),
                    today.getYear() - 1 + "-Q4", month.minusMonths(1).toString(), month.toString());
            as("giamsat.snv", "OVERSIGHT_VIEWER");
            System.out.println("case | index766 p50 / p95 / max ms | dashboard p50 / p95 / max ms");
            for (String agency : Arrays.asList(null, biggest)) {
                for (String p : periods) {
                    var period = ReportingPeriod.parse(p);
                    String index = times(runs, () -> oversight.index766(agency, period));
                    String dashboard = times(runs, () -> oversight.dashboard(agency, period));
                    System.out.printf("%s %s | %s | %s%n", agency == null ? "province" : "agency " + agency.substring(0, 8), p, index, dashboard);
                }
            }
            // the same questions, every dossier read (the figures before the rollups)
            Object store = context.getBean(Class.forName("vn.motcua.oversight.FactStore"));
            Method scanned = method(store, "scanned");
            Method quality = method(store, "scannedQuality");
            Method trend = method(store, "scannedTrend");
            Class<?> key = Class.forName("vn.motcua.oversight.FactStore$Key");
            for (String p : List.of(String.valueOf(today.getYear() - 1), month.minusMonths(1).toString())) {
                var period = ReportingPeriod.parse(p);
                Instant start = period.from().atStartOfDay(vn.motcua.platform.TimeConfiguration.VIETNAM).toInstant();
                Instant end = period.until().atStartOfDay(vn.motcua.platform.TimeConfiguration.VIETNAM).toInstant();
                var windows = new ArrayList<Instant[]>();
                for (int i = 11; i >= 0; i--) {
                    var m = YearMonth.from(period.lastDay()).minusMonths(i);
                    windows.add(new Instant[]{m.atDay(1).atStartOfDay(vn.motcua.platform.TimeConfiguration.VIETNAM).toInstant(),
                            m.plusMonths(1).atDay(1).atStartOfDay(vn.motcua.platform.TimeConfiguration.VIETNAM).toInstant()});
                }
                String index = times(2, () -> {
                    scanned.invoke(store, null, start, end, key.getEnumConstants()[0]);
                    quality.invoke(store, null, start, end);
                    return scanned.invoke(store, null, start, end, Enum.valueOf(key.asSubclass(Enum.class), "PROCEDURE"));
                });
                String dashboard = times(2, () -> {
                    for (String k : List.of("ALL", "AGENCY", "PROCEDURE", "PROCEDURE_AND_AGENCY")) {
                        scanned.invoke(store, null, start, end, Enum.valueOf(key.asSubclass(Enum.class), k));
                    }
                    return trend.invoke(store, null, windows);
                });
                System.out.printf("every dossier read: province %s | %s | %s%n", p, index, dashboard);
            }
            // a return shows in the figures: from the commit of the return to the month's resolved count including it
            var current = ReportingPeriod.parse(month.toString());
            for (int i = 0; i < 3; i++) {
                long before = oversight.dashboard(null, current).total().resolved();
                app.lifecycle(0, 900_000 + i);
                long committed = System.nanoTime();
                as("giamsat.snv", "OVERSIGHT_VIEWER");
                int polls = 0;
                while (oversight.dashboard(null, current).total().resolved() < before + 1) {
                    polls++;
                }
                System.out.printf("a return in the figures %.0f ms after its commit (%d polls before)%n", (System.nanoTime() - committed) / 1e6, polls);
            }
        }
    }

    private static Method method(Object store, String name) {
        var m = Arrays.stream(store.getClass().getDeclaredMethods()).filter(x -> x.getName().equals(name)).findFirst().orElseThrow();
        m.setAccessible(true);
        return m;
    }

    private static String times(int runs, Callable<?> call) throws Exception {
        for (int i = 0; i < Math.min(3, runs); i++) {
            call.call();
        }
        long[] ms = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            call.call();
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        Arrays.sort(ms);
        int p95 = (int) Math.ceil(0.95 * runs) - 1;
        return ms[runs / 2] + " / " + ms[p95] + " / " + ms[runs - 1];
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static void as(String username, String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                AuthorityUtils.createAuthorityList("ROLE_" + role)));
    }
}
