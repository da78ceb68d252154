package vn.motcua.dossier;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.motcua.MotcuaApplication;
import vn.motcua.catalog.ProcedureCatalog;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Intakes per second through the service layer ({@link DossierIntake#receive}: procedure in force, scope, code,
 * appointment, dossier row, history, slip, audit record and event, one transaction each, durability on) at 1, 4 and
 * 16 concurrent desks spread over the demo province's six receiving points; then the public lookup's latency over
 * HTTP. The whole application runs with its demo data on the database given, which it migrates and fills:
 * <pre>
 * psql -h 127.0.0.1 -U postgres -c 'drop database if exists motcua_bench' -c 'create database motcua_bench'
 * ./mvnw -Pbench test-compile exec:exec -Dbench.main=vn.motcua.dossier.IntakeBenchmark \
 *     -Djmh.args="jdbc:postgresql://127.0.0.1:5432/motcua_bench 10 1,4,16"
 * </pre>
 */
public final class IntakeBenchmark {

    /** Desk officer, handling agency and procedure of each demo receiving point. */
    private static final String[][] DESKS = {
            {"tn.ttpvhcc", "H36.10", "3.000334"}, {"tn.xuanhuong", "H36.201", "2.000908"}, {"tn.lamvien", "H36.202", "2.000908"},
            {"tn.phanthiet", "H36.203", "2.000908"}, {"tn.bacgianghia", "H36.204", "2.000908"}, {"tn.ductrong", "H36.205", "2.000908"}};

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/motcua_bench";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String[] deskCounts = (args.length > 2 ? args[2] : "1,4,16").split(",");
        for (String property : new String[]{"spring.datasource.url=" + url, "spring.datasource.username=postgres",
                "spring.datasource.password=", "server.port=0", "motcua.demo-data.enabled=true", "motcua.demo-data.dossiers=0", "MOTCUA_MODE=demo",
                "spring.datasource.hikari.maximum-pool-size=24", "logging.level.root=warn",
                "motcua.rate-limits-exempt=127.0.0.1,0:0:0:0:0:0:0:1",
                "motcua.audit.keys.bench=YmVuY2htYXJrLWtleS1ub3QtZm9yLXByb2R1Y3Rpb24=", "motcua.audit.key-id=bench"}) {
            int eq = property.indexOf('=');
            System.setProperty(property.substring(0, eq), property.substring(eq + 1));
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MotcuaApplication.class).run()) {
            var jdbc = context.getBean(JdbcClient.class);
            var intake = context.getBean(DossierIntake.class);
            var catalog = context.getBean(ProcedureCatalog.class);
            System.out.printf("fsync=%s synchronous_commit=%s server=%s cores=%d%n",
                    jdbc.sql("show fsync").query(String.class).single(), jdbc.sql("show synchronous_commit").query(String.class).single(),
                    jdbc.sql("show server_version").query(String.class).single(), Runtime.getRuntime().availableProcessors());
            var checklists = new java.util.HashMap<String, List<Intake.DocumentIn>>();
            for (String[] desk : DESKS) {
                int n = catalog.inForce(desk[2], LocalDate.now(DossierWords.VIETNAM)).record().documents().size();
                var docs = new ArrayList<Intake.DocumentIn>();
                for (int i = 1; i <= n; i++) {
                    docs.add(new Intake.DocumentIn(Integer.toString(i), 1, 0, null));
                }
                checklists.put(desk[2], docs);
            }
            var codes = new ConcurrentLinkedQueue<String>();
            var rows = new ArrayList<String>();
            for (String c : deskCounts) {
                int desks = Integer.parseInt(c.trim());
                run(intake, checklists, desks, 2, codes);
                double perSecond = run(intake, checklists, desks, seconds, codes);
                rows.add("| %d | %,.0f |".formatted(desks, perSecond));
            }
            System.out.println("| desks | intakes/s |");
            System.out.println("|---|---|");
            rows.forEach(System.out::println);
            System.out.printf("dossiers=%d history=%d audit=%d%n", jdbc.sql("select count(*) from dossier.dossier").query(Long.class).single(),
                    jdbc.sql("select count(*) from dossier.history").query(Long.class).single(),
                    jdbc.sql("select count(*) from audit.record").query(Long.class).single());
            lookups(context, new ArrayList<>(codes));
        }
    }

    private static double run(DossierIntake intake, java.util.Map<String, List<Intake.DocumentIn>> checklists, int desks, int seconds,
                              ConcurrentLinkedQueue<String> codes) throws InterruptedException {
        var stop = new AtomicBoolean();
        var done = new LongAdder();
        var failed = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int d = 0; d < desks; d++) {
            String[] desk = DESKS[d % DESKS.length];
            int deskNo = d;
            threads.add(Thread.ofPlatform().start(() -> {
                SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(desk[0], null,
                        AuthorityUtils.createAuthorityList("ROLE_DESK_OFFICER")));
                int n = 0;
                while (!stop.get()) {
                    var applicant = new Applicant(Applicant.Type.CITIZEN, "Người Nộp Số " + deskNo + " " + n++, "068090012345",
                            LocalDate.of(1990, 5, 17), "0912345678", null, null, null, null);
                    try {
                        var result = intake.receive(new Intake(desk[2], Channel.DIRECT, desk[1], null, applicant, checklists.get(desk[2]),
                                null, Intake.Outcome.RECEIVE, null, null), null);
                        if (codes.size() < 5_000) {
                            codes.add(result.dossier().code());
                        }
                        done.increment();
                    } catch (RuntimeException e) {
                        if (failed.incrementAndGet() == 1) {
                            e.printStackTrace();
                        }
                    }
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
        System.out.printf("desks=%d %,.0f intakes/s (%d failed)%n", desks, perSecond, failed.get());
        return perSecond;
    }

    /** The public lookup over HTTP: 2,000 requests from one client, then 4 clients at once; latency percentiles. */
    private static void lookups(ConfigurableApplicationContext context, List<String> codes) throws Exception {
        String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
        var http = HttpClient.newHttpClient();
        for (int clients : new int[]{1, 4}) {
            var times = new ConcurrentLinkedQueue<Long>();
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int offset = c;
                threads.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < 2_000 / clients + 200; i++) {
                        String code = codes.get((i * 7 + offset) % codes.size());
                        long t0 = System.nanoTime();
                        try {
                            var response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/public/dossiers/" + code)).GET().build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() != 200) {
                                throw new IllegalStateException(response.statusCode() + " " + response.body());
                            }
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        if (i >= 200) { // the first 200 warm up
                            times.add(System.nanoTime() - t0);
                        }
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("lookup clients=%d requests=%d p50=%.2f ms p95=%.2f ms p99=%.2f ms%n", clients, sorted.length,
                    sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.95)] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6);
        }
    }
}
