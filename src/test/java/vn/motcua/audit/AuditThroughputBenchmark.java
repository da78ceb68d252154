package vn.motcua.audit;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.MotcuaApplication;
import vn.motcua.platform.AuditableEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Auditable transactions per second at 1, 8 and 32 concurrent clients, with and without the audit trail, in one
 * run against one PostgreSQL (DESIGN.md §6: audit may cost at most a quarter at 32 clients).
 *
 * <p>The transaction is dossier-like: UPDATE one row of 10,000 and INSERT one history row, then (audited) publish
 * an {@link AuditableEvent} that the audit module records in the same transaction, exactly as the application's
 * actions do. The whole application context runs (sealer included); the database keeps its durability settings
 * (they are printed). Run, against a database that may be dropped afterwards:
 * <pre>
 * ./mvnw -Pbench test-compile exec:exec -Dbench.main=vn.motcua.audit.AuditThroughputBenchmark \
 *     -Djmh.args="jdbc:postgresql://127.0.0.1:5432/motcua_bench 10 1,8,32"
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
            jdbc.sql("create schema if not exists bench").update();
            jdbc.sql("create table if not exists bench.item (id int primary key, n bigint not null)").update();
            jdbc.sql("create table if not exists bench.history (id bigserial primary key, item_id int not null, at timestamptz not null default now(), note text not null)").update();
            jdbc.sql("insert into bench.item select g, 0 from generate_series(1, 10000) g on conflict do nothing").update();
            System.out.printf("fsync=%s synchronous_commit=%s server=%s%n",
                    jdbc.sql("show fsync").query(String.class).single(),
                    jdbc.sql("show synchronous_commit").query(String.class).single(),
                    jdbc.sql("show server_version").query(String.class).single());
            var rows = new ArrayList<String>();
            for (String c : clientCounts) {
                int clients = Integer.parseInt(c.trim());
                run(jdbc, tx, events, clients, 2, false);
                double plain = run(jdbc, tx, events, clients, seconds, false);
                run(jdbc, tx, events, clients, 2, true);
                double audited = run(jdbc, tx, events, clients, seconds, true);
                rows.add("| %d | %,.0f | %,.0f | %.0f %% |".formatted(clients, plain, audited, 100 * (1 - audited / plain)));
            }
            System.out.println("| clients | without audit (tx/s) | with audit (tx/s) | cost |");
            System.out.println("|---|---|---|---|");
            rows.forEach(System.out::println);
            System.out.printf("records=%d seals=%d%n", jdbc.sql("select count(*) from audit.record").query(Long.class).single(),
                    jdbc.sql("select count(*) from audit.seal").query(Long.class).single());
        }
    }

    private static double run(JdbcClient jdbc, TransactionTemplate tx, ApplicationEventPublisher events,
                              int clients, int seconds, boolean audited) throws InterruptedException {
        var stop = new AtomicBoolean();
        var done = new LongAdder();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                while (!stop.get()) {
                    int item = ThreadLocalRandom.current().nextInt(1, 10_001);
                    tx.executeWithoutResult(status -> {
                        jdbc.sql("update bench.item set n = n + 1 where id = :id").param("id", item).update();
                        jdbc.sql("insert into bench.history (item_id, note) values (:id, 'RECEIVED -> IN_PROCESSING')")
                                .param("id", item).update();
                        if (audited) {
                            events.publishEvent(new Action("bench-item:" + item));
                        }
                    });
                    done.increment();
                }
            }));
        }
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        double perSecond = done.sum() / ((System.nanoTime() - start) / 1e9);
        System.out.printf("clients=%d audited=%s %,.0f tx/s%n", clients, audited, perSecond);
        return perSecond;
    }
}
