package vn.motcua.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 11's speed comparison in one run on one PostgreSQL server (docs/benchmarks.md): full dossier lifecycles
 * (receive, four processing steps, return) per second through motcua's service layer and on embedded Flowable 7, at
 * 1, 2 and 8 worker threads, with the ratio; next to them PostgreSQL's own limit for one transition (pgbench: a
 * version-checked UPDATE and a history INSERT per transaction, at as many clients); then what one lifecycle sends
 * to the database on each side (round trips, statements, commits, rows written, WAL).
 *
 * <p>Each side gets a database of its own on the same server, created afresh (motcua_bench_ours, motcua_bench_flowable,
 * motcua_bench_pgbench, or another prefix); durability is the server's, checked before anything runs ({@code fsync} and
 * {@code synchronous_commit} must be on, else the run stops) and printed. Rounds interleave the sides so that a
 * change in the machine's other load hits all of them; each figure is the median of the rounds.
 * <pre>
 * ./mvnw -Pbench test-compile exec:exec -Dbench.main=vn.motcua.bench.LifecycleComparison -Djmh.args="10 1,2,8 3"
 * </pre>
 * Arguments: seconds per measured run (10), worker counts (1,2,8), rounds (3), then optionally the sides to run
 * ({@code ours,flowable,pgbench}) and the server ({@code jdbc:postgresql://127.0.0.1:5432/}, user postgres).
 */
public final class LifecycleComparison {

    /** The databases' names start with {@code -Dbench.db-prefix} (default motcua_bench_), so two people can run it at once. */
    static final String PREFIX = System.getProperty("bench.db-prefix", "motcua_bench_");
    static final String OURS = PREFIX + "ours";
    static final String FLOWABLE = PREFIX + "flowable";
    static final String PGBENCH = PREFIX + "pgbench";

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int[] workers = java.util.Arrays.stream((args.length > 1 ? args[1] : "1,2,8").split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<String> sides = List.of((args.length > 3 ? args[3] : "ours,flowable,pgbench").split(","));
        String server = args.length > 4 ? args[4] : "jdbc:postgresql://127.0.0.1:5432/";
        int maxWorkers = java.util.Arrays.stream(workers).max().orElse(8);

        // no DEBUG logging from the engines (logback's default without a configuration); Spring sets it again when it starts
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(ch.qos.logback.classic.Level.WARN);
        System.out.println(machine());
        try (Connection admin = DriverManager.getConnection(server + "postgres", "postgres", "")) {
            checkDurability(admin);
            for (String db : new String[]{OURS, FLOWABLE, PGBENCH}) {
                exec(admin, "drop database if exists " + db + " with (force)");
                exec(admin, "create database " + db);
            }
        }

        var flowableCounts = new JdbcCounts();
        var oursCounts = new JdbcCounts();
        Map<String, Lifecycle> lifecycles = new LinkedHashMap<>();
        List<AutoCloseable> closing = new ArrayList<>();
        try {
            if (sides.contains("ours")) {
                long t0 = System.nanoTime();
                var ours = new MotcuaLifecycle(server + OURS, maxWorkers * 2 + 4, oursCounts);
                closing.add(ours);
                lifecycles.put("ours", ours);
                System.out.printf("motcua started (migrations, demo province) in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            }
            if (sides.contains("flowable")) {
                long t0 = System.nanoTime();
                var flowable = new FlowableLifecycle(server + FLOWABLE, maxWorkers * 2 + 4, flowableCounts);
                closing.add(flowable);
                lifecycles.put("flowable", flowable);
                System.out.printf("%s started (schema, deployment) in %.1f s%n", flowable.name(), (System.nanoTime() - t0) / 1e9);
            }
            var pgbench = sides.contains("pgbench") ? new PgBench(server, PGBENCH) : null;

            var table = new ArrayList<String>();
            for (int w : workers) {
                for (var e : lifecycles.entrySet()) { // warm-up: the JIT, the pools, the caches
                    measure(e.getValue(), w, Math.max(3, seconds / 2));
                }
                Map<String, List<Double>> results = new LinkedHashMap<>();
                for (int round = 0; round < rounds; round++) {
                    for (var e : lifecycles.entrySet()) {
                        results.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(measure(e.getValue(), w, seconds));
                    }
                    if (pgbench != null) {
                        results.computeIfAbsent("pgbench", k -> new ArrayList<>()).add(pgbench.run(PgBench.SCRIPT, w, seconds));
                        results.computeIfAbsent("pgbench1", k -> new ArrayList<>()).add(pgbench.run(PgBench.ONE_STATEMENT, w, seconds));
                    }
                }
                double ours = median(results.get("ours"));
                double flowable = median(results.get("flowable"));
                double pg = median(results.get("pgbench"));
                double pg1 = median(results.get("pgbench1"));
                table.add(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %s | %s |", w, fmt(ours), fmt(flowable),
                        Double.isNaN(ours) || Double.isNaN(flowable) ? "" : String.format(Locale.ROOT, "**%.1f×**", ours / flowable),
                        Double.isNaN(ours) ? "" : fmt(ours * MotcuaLifecycle.TRANSACTIONS), fmt(pg), fmt(pg1)));
                System.out.printf("workers=%d rounds: %s%n", w, results);
            }
            System.out.println();
            System.out.println("| workers | ours (lifecycles/s) | Flowable (lifecycles/s) | ratio | ours (transactions/s, " + MotcuaLifecycle.TRANSACTIONS
                    + " per lifecycle) | pgbench UPDATE + INSERT (tx/s) | pgbench as one statement (tx/s) |");
            System.out.println("|---|---|---|---|---|---|---|");
            table.forEach(System.out::println);
            System.out.println();

            // What one lifecycle costs, one worker, counted at the JDBC boundary and by the server's statistics.
            try (Connection admin = DriverManager.getConnection(server + "postgres", "postgres", "")) {
                if (lifecycles.containsKey("ours")) {
                    var ours = (MotcuaLifecycle) lifecycles.get("ours");
                    cost(admin, "ours", ours, oursCounts, OURS, 300, ours::evictIdle);
                }
                if (lifecycles.containsKey("flowable")) {
                    var flowable = (FlowableLifecycle) lifecycles.get("flowable");
                    cost(admin, "Flowable", flowable, flowableCounts, FLOWABLE, 100, flowable::evictIdle);
                }
            }
            if (lifecycles.containsKey("ours")) {
                ((MotcuaLifecycle) lifecycles.get("ours")).report();
            }
        } finally {
            for (AutoCloseable c : closing.reversed()) {
                c.close();
            }
        }
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%,.0f", v);
    }

    static double median(List<Double> values) {
        if (values == null || values.isEmpty()) {
            return Double.NaN;
        }
        var sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** Lifecycles per second with {@code workers} threads, each running lifecycles one after another. */
    static double measure(Lifecycle lifecycle, int workers, int seconds) throws InterruptedException {
        lifecycle.prepare(workers);
        var stop = new AtomicBoolean();
        var done = new LongAdder();
        var failed = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            threads.add(Thread.ofPlatform().name("lifecycle-" + w).start(() -> {
                long n = 0;
                while (!stop.get()) {
                    try {
                        lifecycle.lifecycle(worker, n++);
                        done.increment();
                    } catch (RuntimeException e) {
                        if (failed.incrementAndGet() <= 3) {
                            e.printStackTrace();
                        }
                    }
                }
            }));
        }
        Thread.sleep(500); // every worker is under way
        long before = done.sum();
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        double perSecond = (done.sum() - before) / ((System.nanoTime() - start) / 1e9);
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        System.out.printf(Locale.ROOT, "%s workers=%d %,.1f lifecycles/s (%d failed)%n", lifecycle.name(), workers, perSecond, failed.get());
        if (failed.get() > 0) {
            throw new IllegalStateException(lifecycle.name() + ": " + failed.get() + " lifecycles failed");
        }
        return perSecond;
    }

    /** Counts {@code n} lifecycles of one worker: JDBC calls, and the server's commits, rows written and WAL. */
    private static void cost(Connection admin, String name, Lifecycle lifecycle, JdbcCounts counts, String db, int n,
                             Runnable evictIdle) throws Exception {
        lifecycle.prepare(1);
        for (int i = 0; i < 20; i++) {
            lifecycle.lifecycle(0, 1_000_000 + i);
        }
        evictIdle.run(); // backends report their statistics when they end
        Thread.sleep(1500);
        var before = serverStats(admin, db);
        counts.start();
        for (int i = 0; i < n; i++) {
            lifecycle.lifecycle(0, 2_000_000 + i);
        }
        counts.stop();
        evictIdle.run();
        Thread.sleep(1500);
        var after = serverStats(admin, db);
        System.out.printf(Locale.ROOT, "%s, per lifecycle (%d lifecycles, one worker): %s%n", name, n, counts.per(n));
        System.out.printf(Locale.ROOT, "%s, per lifecycle, the server's count for its database: %.1f commits, %.1f rows inserted, %.1f updated, %.1f deleted, %.0f bytes of WAL (server-wide, other databases included)%n",
                name, (after[0] - before[0]) / (double) n, (after[1] - before[1]) / (double) n, (after[2] - before[2]) / (double) n,
                (after[3] - before[3]) / (double) n, (after[4] - before[4]) / (double) n);
    }

    private static long[] serverStats(Connection admin, String db) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("select pg_stat_clear_snapshot()");
            try (ResultSet rs = s.executeQuery("select xact_commit, tup_inserted, tup_updated, tup_deleted, "
                    + "pg_current_wal_lsn() - '0/0'::pg_lsn from pg_stat_database where datname = '" + db + "'")) {
                rs.next();
                return new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)};
            }
        }
    }

    /** Refuses to measure without production durability, and prints what the server runs with. */
    private static void checkDurability(Connection admin) throws SQLException {
        var settings = new LinkedHashMap<String, String>();
        for (String name : new String[]{"server_version", "fsync", "synchronous_commit", "full_page_writes", "wal_sync_method",
                "commit_delay", "shared_buffers", "max_wal_size", "wal_level", "max_connections"}) {
            settings.put(name, string(admin, "show " + name));
        }
        System.out.println("PostgreSQL " + settings);
        if (!settings.get("fsync").equals("on") || !settings.get("synchronous_commit").equals("on")) {
            throw new IllegalStateException("fsync and synchronous_commit must be on for this benchmark: " + settings);
        }
    }

    static String string(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static String machine() {
        String load = "";
        try {
            load = Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            // not Linux
        }
        return String.format(Locale.ROOT, "machine: %d cores, %s %s, load average %s, %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), load, java.time.Instant.now());
    }

    /** pgbench, the PostgreSQL client that ships with the server, on a freshly loaded bench/pgbench-schema.sql. */
    static final class PgBench {
        static final String SCRIPT = "bench/pgbench-transition.pgbench";
        static final String ONE_STATEMENT = "bench/pgbench-transition-one-statement.pgbench";
        private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
        private final String host;
        private final String port;
        private final String db;
        private final String pgbench;
        private final String psql;

        PgBench(String server, String db) {
            Matcher m = Pattern.compile("jdbc:postgresql://([^:/]+):?(\\d*)/").matcher(server);
            if (!m.matches()) {
                throw new IllegalArgumentException(server);
            }
            this.host = m.group(1);
            this.port = m.group(2).isEmpty() ? "5432" : m.group(2);
            this.db = db;
            this.pgbench = binary("pgbench");
            this.psql = binary("psql");
            System.out.println("pgbench: " + run(List.of(pgbench, "--version")).strip());
        }

        private static String binary(String name) {
            for (String dir : new String[]{"/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin", "/usr/bin"}) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return dir + "/" + name;
                }
            }
            throw new IllegalStateException(name + " not found (PostgreSQL's client programs)");
        }

        /** Transactions per second of {@code script} with {@code clients} clients, the rows reloaded first. */
        double run(String script, int clients, int seconds) {
            run(List.of(psql, "-q", "-v", "ON_ERROR_STOP=1", "-h", host, "-p", port, "-U", "postgres", "-d", db,
                    "-v", "clients=" + clients, "-f", "bench/pgbench-schema.sql"));
            String out = run(List.of(pgbench, "-n", "-M", "prepared", "-h", host, "-p", port, "-U", "postgres",
                    "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(clients, 2)), "-T", Integer.toString(seconds),
                    "-D", "n=0", "-f", script, db));
            Matcher m = TPS.matcher(out);
            if (!m.find() || out.contains("aborted") || !out.contains("number of failed transactions: 0 ")) {
                throw new IllegalStateException("pgbench failed:\n" + out);
            }
            double tps = Double.parseDouble(m.group(1));
            System.out.printf(Locale.ROOT, "pgbench %s clients=%d %,.0f tx/s%n", Path.of(script).getFileName(), clients, tps);
            return tps;
        }

        private static String run(List<String> command) {
            try {
                var process = new ProcessBuilder(command).redirectErrorStream(true).start();
                String out = new String(process.getInputStream().readAllBytes());
                if (process.waitFor() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
                }
                return out;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
