package vn.motcua.audit;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.MotcuaApplication;
import vn.motcua.platform.AuditableEvent;
import vn.motcua.platform.database.PendingWrites;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Auditable transactions per second at 1, 8 and 32 concurrent clients, with and without the audit trail, in one
 * run against one PostgreSQL (DESIGN.md §6: audit may cost at most a quarter at 32 clients).
 *
 * <p>The transaction is dossier-like: UPDATE one row of 10,000 and INSERT one history row, then (audited) publish
 * an {@link AuditableEvent} that the audit module records in the same transaction, exactly as the application's
 * actions do. The history row goes through {@link PendingWrites}, as the dossier module's transitions do, so the
 * audit record (queued there too) travels in the same round trip; a third run adds a plain INSERT of an equally
 * wide row instead of the audit (the control: what any fourth statement costs). The whole application context runs (sealer included); the database keeps its durability settings
 * (they are printed). Each figure is the median of the rounds (default 3; seconds per run, client counts and rounds
 * are the arguments after the URL). Run, against a database that may be dropped afterwards:
 * <pre>
 * ./mvnw -Pbench test-compile exec:exec -Dbench.main=vn.motcua.audit.AuditThroughputBenchmark \
 *     -Djmh.args="jdbc:postgresql://127.0.0.1:5432/motcua_bench 10 1,8,32 3"
 * </pre>
 */
public final class AuditThroughputBenchmark {

    private record Action(String target) implements AuditableEvent {
        public String action() {
            return "BENCH_TRANSITION";
        }

        public String summary() {
            return "Chuyển bước hồ sơ (đo hiệu năng)";
        }
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/motcua_bench";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String[] clientCounts = (args.length > 2 ? args[2] : "1,8,32").split(",");
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        DATABASE = url.substring(url.lastIndexOf('/') + 1).split("\\?")[0];
        for (String property : new String[]{"spring.datasource.url=" + url, "spring.datasource.username=postgres",
                "spring.datasource.password=", "server.port=0", "motcua.demo-data.enabled=false",
                "spring.datasource.hikari.maximum-pool-size=40", "logging.level.root=warn", "logging.level.motcua.audit.seal=info", "motcua.audit.seal-ms=2000",
                "motcua.audit.keys.bench=YmVuY2htYXJrLWtleS1ub3QtZm9yLXByb2R1Y3Rpb24=", "motcua.audit.key-id=bench"}) {
            int eq = property.indexOf('=');
            System.setProperty(property.substring(0, eq), property.substring(eq + 1));
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MotcuaApplication.class).run()) {
            var jdbc = context.getBean(JdbcClient.class);
            var tx = context.getBean(TransactionTemplate.class);
            ApplicationEventPublisher events = context;
            var writes = context.getBean(PendingWrites.class);
            jdbc.sql("create schema if not exists bench").update();
            jdbc.sql("create table if not exists bench.item (id int primary key, n bigint not null)").update();
            jdbc.sql("create table if not exists bench.history (id bigserial primary key, item_id int not null, at timestamptz not null default now(), note text not null)").update();
            jdbc.sql("create table if not exists bench.extra (id bigint primary key, occurred_at timestamptz, actor text, action text, target text, summary text, key_id text, mac text)").update();
            jdbc.sql("create sequence if not exists bench.extra_seq").update();
            jdbc.sql("insert into bench.item select g, 0 from generate_series(1, 10000) g on conflict do nothing").update();
            System.out.printf("fsync=%s synchronous_commit=%s server=%s%n",
                    jdbc.sql("show fsync").query(String.class).single(),
                    jdbc.sql("show synchronous_commit").query(String.class).single(),
                    jdbc.sql("show server_version").query(String.class).single());
            var rows = new ArrayList<String>();
            for (String c : clientCounts) {
                int clients = Integer.parseInt(c.trim());
                // Rounds interleave the three variants so that a change in the machine's other load hits all three.
                var plain = new ArrayList<Double>();
                var extra = new ArrayList<Double>();
                var audited = new ArrayList<Double>();
                // Every variant runs once unmeasured first, so that the JIT has compiled all three paths before any counts.
                run(jdbc, tx, writes, events, clients, 3, false, false);
                run(jdbc, tx, writes, events, clients, 3, false, true);
                run(jdbc, tx, writes, events, clients, 3, true, false);
                for (int round = 0; round < rounds; round++) {
                    plain.add(run(jdbc, tx, writes, events, clients, seconds, false, false));
                    extra.add(run(jdbc, tx, writes, events, clients, seconds, false, true));
                    audited.add(run(jdbc, tx, writes, events, clients, seconds, true, false));
                }
                double p = median(plain);
                double a = median(audited);
                double e = median(extra);
                rows.add("| %d | %,.0f | %,.0f | %.0f %% | %,.0f | %.0f %% |".formatted(clients, p, a, 100 * (1 - a / p), e, 100 * (1 - e / p)));
            }
            System.out.println("| clients | without audit (tx/s) | with audit (tx/s) | cost | control: one more plain INSERT (tx/s) | its cost |");
            System.out.println("|---|---|---|---|---|---|");
            rows.forEach(System.out::println);
            System.out.printf("records=%d seals=%d%n", jdbc.sql("select count(*) from audit.record").query(Long.class).single(),
                    jdbc.sql("select count(*) from audit.seal").query(Long.class).single());
        }
    }

    private static long javaCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * CPU time of the PostgreSQL processes on this machine that serve the benchmark's database, plus the WAL writer
     * (from /proc; zero where there is no /proc or the server is elsewhere).
     */
    private static long databaseCpuNanos() {
        long ticks = 0;
        var proc = java.nio.file.Path.of("/proc");
        if (!java.nio.file.Files.isDirectory(proc)) {
            return 0;
        }
        try (var entries = java.nio.file.Files.list(proc)) {
            for (var dir : (Iterable<java.nio.file.Path>) entries::iterator) {
                if (!dir.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String cmd = java.nio.file.Files.readString(dir.resolve("cmdline")).replace('\0', ' ');
                    if (!(cmd.startsWith("postgres: ") && (cmd.contains(" " + DATABASE + " ") || cmd.contains("walwriter")))) {
                        continue;
                    }
                    String stat = java.nio.file.Files.readString(dir.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
                } catch (java.io.IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            return 0;
        }
        return ticks * 10_000_000L; // USER_HZ is 100 on Linux
    }

    private static String DATABASE = "";

    private static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** The control: a row as wide as an audit record, without its MAC, id block or event. */
    private static final String EXTRA_INSERT = """
            insert into bench.extra (id, occurred_at, actor, action, target, summary, key_id, mac)
            values (nextval('bench.extra_seq'), now(), 'bench', 'BENCH_TRANSITION', :t, 'Chuyển bước hồ sơ (đo hiệu năng)',
                    'bench', 'Zt3mY0mQe2N9m4w0iV8r3o7CwWm9lJb3c4XQm5d1J2k=')""";

    private static double run(JdbcClient jdbc, TransactionTemplate tx, PendingWrites writes, ApplicationEventPublisher events,
                              int clients, int seconds, boolean audited, boolean extraInsert) throws InterruptedException {
        var stop = new AtomicBoolean();
        var done = new LongAdder();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                while (!stop.get()) {
                    int item = ThreadLocalRandom.current().nextInt(1, 10_001);
                    tx.executeWithoutResult(status -> {
                        jdbc.sql("update bench.item set n = n + 1 where id = :id").param("id", item).update();
                        writes.add("insert into bench.history (item_id, note) values (:id, 'RECEIVED -> IN_PROCESSING')",
                                Map.of("id", item), 1);
                        if (audited) {
                            events.publishEvent(new Action("bench-item:" + item));
                        } else if (extraInsert) {
                            writes.add(EXTRA_INSERT, Map.of("t", "bench-item:" + item), 1);
                        }
                    });
                    done.increment();
                }
            }));
        }
        long start = System.nanoTime();
        long javaCpu = javaCpuNanos();
        long databaseCpu = databaseCpuNanos();
        long before = done.sum();
        Thread.sleep(seconds * 1000L);
        long javaUsed = javaCpuNanos() - javaCpu;
        long databaseUsed = databaseCpuNanos() - databaseCpu;
        long counted = done.sum() - before;
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        double perSecond = done.sum() / ((System.nanoTime() - start) / 1e9);
        // CPU per transaction does not depend on what else the machine runs: it says where a difference comes from.
        System.out.printf("clients=%d audited=%s extraInsert=%s %,.0f tx/s, CPU per transaction: Java %.0f µs, PostgreSQL %.0f µs%n",
                clients, audited, extraInsert, perSecond, javaUsed / 1e3 / counted, databaseUsed / 1e3 / counted);
        return perSecond;
    }
}
