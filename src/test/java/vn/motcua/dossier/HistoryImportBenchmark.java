package vn.motcua.dossier;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.MotcuaApplication;
import vn.motcua.catalog.ProcedureCatalog;
import vn.motcua.organization.AgencyDirectory;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The historical import's throughput, and the generator of the 5,000,000-dossier data set (issue 12): generated
 * dossiers ({@link HistoryLines}) go through {@link HistoryImports#start}, the path {@code POST
 * /api/v1/dossiers/history-imports} takes, in files of {@code perFile} lines, on a PostgreSQL server.
 * <pre>
 * createdb -h 127.0.0.1 -U postgres motcua_history_bench
 * ./mvnw -Pbench test-compile exec:exec -Dbench.main=vn.motcua.dossier.HistoryImportBenchmark \
 *     -Djmh.args="jdbc:postgresql://127.0.0.1:5432/motcua_history_bench 100000 20000 1"
 * </pre>
 * Arguments: the database, how many dossiers, lines per file (at most 100,000 and 20 MB), the seed (the dossier codes
 * carry it, so runs with other seeds add to the same database).
 */
public final class HistoryImportBenchmark {

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/motcua_history_bench";
        long total = args.length > 1 ? Long.parseLong(args[1]) : 100_000;
        int perFile = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
        for (String property : new String[]{"spring.datasource.url=" + url, "spring.datasource.username=postgres",
                "spring.datasource.password=", "server.port=0", "motcua.demo-data.enabled=true", "motcua.demo-data.dossiers=0", "MOTCUA_MODE=demo",
                "logging.level.root=warn", "motcua.audit.keys.bench=YmVuY2htYXJrLWtleS1ub3QtZm9yLXByb2R1Y3Rpb24=",
                "motcua.audit.key-id=bench"}) {
            int eq = property.indexOf('=');
            System.setProperty(property.substring(0, eq), property.substring(eq + 1));
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MotcuaApplication.class).run()) {
            var jdbc = context.getBean(JdbcClient.class);
            var imports = context.getBean(HistoryImports.class);
            var today = LocalDate.now(DossierWords.VIETNAM);
            List<String> agencies = context.getBean(AgencyDirectory.class).all().stream()
                    .filter(a -> a.activeOn(today) && a.electronicId().chars().filter(c -> c == '.').count() >= 1)
                    .map(a -> a.electronicId()).toList();
            List<String> procedures = context.getBean(ProcedureCatalog.class).allInForce(today).stream().map(v -> v.code()).limit(400).toList();
            System.out.printf("server=%s fsync=%s synchronous_commit=%s cores=%d agencies=%d procedures=%d%n",
                    jdbc.sql("show server_version").query(String.class).single(), jdbc.sql("show fsync").query(String.class).single(),
                    jdbc.sql("show synchronous_commit").query(String.class).single(), Runtime.getRuntime().availableProcessors(),
                    agencies.size(), procedures.size());
            var lines = new HistoryLines(seed, agencies, procedures, "BENCH" + seed, LocalDateTime.of(2024, 1, 1, 8, 0), 1000);
            long done = 0;
            long bytes = 0;
            long imported = 0;
            long rejected = 0;
            long started = System.nanoTime();
            while (done < total) {
                int n = (int) Math.min(perFile, total - done);
                var file = new StringBuilder(n * 1400);
                for (int i = 0; i < n; i++) {
                    file.append(lines.line(done + i)).append('\n');
                }
                byte[] body = file.toString().getBytes(StandardCharsets.UTF_8);
                bytes += body.length;
                long t0 = System.nanoTime();
                var job = imports.start("bench-" + seed + "-" + done + ".jsonl", new ByteArrayInputStream(body), "admin", true);
                double s = (System.nanoTime() - t0) / 1e9;
                done += n;
                imported += job.imported();
                rejected += job.rejected();
                System.out.printf("%,d lines: %,.0f lines/s (file of %,d lines, %.1f MB, %d rejected)%n", done, n / s, n, body.length / 1e6,
                        job.rejected());
                if (job.rejected() > 0 && rejected == job.rejected()) {
                    imports.rejects(job.id(), 5).forEach(r -> System.out.println("  line " + r.line() + ": " + r.code() + " " + r.message()));
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("total: %,d lines (%,d imported, %,d rejected, %.0f bytes a line) in %.1f s: %,.0f lines/s%n", done, imported,
                    rejected, (double) bytes / done, seconds, done / seconds);
            System.out.printf("rows: dossier %,d, history %,d, event_journal %,d, dossier_fact %,d, late_step %,d%n",
                    count(jdbc, "dossier.dossier"), count(jdbc, "dossier.history"), count(jdbc, "dossier.event_journal"),
                    count(jdbc, "oversight.dossier_fact"), count(jdbc, "oversight.late_step"));
        }
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
