package vn.motcua.dossier;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.motcua.MotcuaApplication;
import vn.motcua.catalog.ProcedureCatalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Full lifecycles per second through the service layer, with history, hand-overs, audit and events as in production:
 * receive at the desk, then the default process's moves (assign, appraise, review, approve, issue) and the return:
 * one intake and six moves, each its own transaction, acted by the demo accounts of the Department of Justice. A
 * quick figure for the dossier module; the Flowable comparison of issue 11 lives in {@code bench/}.
 * <pre>
 * createdb -h 127.0.0.1 -U postgres motcua_process
 * ./mvnw -Pbench test-compile exec:exec -Dbench.main=vn.motcua.dossier.LifecycleBenchmark \
 *     -Djmh.args="jdbc:postgresql://127.0.0.1:5432/motcua_process 10 1,2,8"
 * </pre>
 */
public final class LifecycleBenchmark {

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/motcua_process";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String[] threadCounts = (args.length > 2 ? args[2] : "1,2,8").split(",");
        for (String property : new String[]{"spring.datasource.url=" + url, "spring.datasource.username=postgres",
                "spring.datasource.password=", "server.port=0", "motcua.demo-data.enabled=true", "motcua.demo-data.dossiers=0", "MOTCUA_MODE=demo",
                "spring.datasource.hikari.maximum-pool-size=24", "logging.level.root=warn",
                "motcua.audit.keys.bench=YmVuY2htYXJrLWtleS1ub3QtZm9yLXByb2R1Y3Rpb24=", "motcua.audit.key-id=bench"}) {
            int eq = property.indexOf('=');
            System.setProperty(property.substring(0, eq), property.substring(eq + 1));
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MotcuaApplication.class).run()) {
            var jdbc = context.getBean(JdbcClient.class);
            var intake = context.getBean(DossierIntake.class);
            var processing = context.getBean(DossierProcessing.class);
            var catalog = context.getBean(ProcedureCatalog.class);
            System.out.printf("fsync=%s synchronous_commit=%s server=%s cores=%d%n",
                    jdbc.sql("show fsync").query(String.class).single(), jdbc.sql("show synchronous_commit").query(String.class).single(),
                    jdbc.sql("show server_version").query(String.class).single(), Runtime.getRuntime().availableProcessors());
            int n = catalog.inForce("3.000334", LocalDate.now(DossierWords.VIETNAM)).record().documents().size();
            var docs = new ArrayList<Intake.DocumentIn>();
            for (int i = 1; i <= n; i++) {
                docs.add(new Intake.DocumentIn(Integer.toString(i), 1, 0, null));
            }
            var rows = new ArrayList<String>();
            for (String c : threadCounts) {
                int threads = Integer.parseInt(c.trim());
                run(intake, processing, docs, threads, 2);
                double perSecond = run(intake, processing, docs, threads, seconds);
                rows.add("| %d | %,.1f | %,.0f |".formatted(threads, perSecond, perSecond * 7));
            }
            System.out.println("| threads | lifecycles/s | transactions/s |");
            System.out.println("|---|---|---|");
            rows.forEach(System.out::println);
        }
    }

    private static double run(DossierIntake intake, DossierProcessing processing, List<Intake.DocumentIn> docs, int threads,
                              int seconds) throws InterruptedException {
        var stop = new AtomicBoolean();
        var done = new LongAdder();
        var failed = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        LocalDate today = LocalDate.now(DossierWords.VIETNAM);
        for (int t = 0; t < threads; t++) {
            int worker = t;
            workers.add(Thread.ofPlatform().start(() -> {
                int k = 0;
                while (!stop.get()) {
                    try {
                        as("tn.ttpvhcc");
                        var applicant = new Applicant(Applicant.Type.CITIZEN, "Người Nộp " + worker + " " + k++, "068090012345",
                                LocalDate.of(1990, 5, 17), "0912345678", null, null, null, null);
                        var d = intake.receive(new Intake("3.000334", Channel.DIRECT, "H36.10", null, applicant, docs, null,
                                Intake.Outcome.RECEIVE, null, null), null).dossier();
                        String code = d.code();
                        int v = d.version();
                        as("pc.stp");
                        v = processing.act(code, ActionRequest.of(DossierAction.ASSIGN, v).withAssignee("cv.stp", null)).version();
                        as("cv.stp");
                        v = processing.act(code, ActionRequest.of(DossierAction.COMPLETE_STEP, v)).version();
                        as("tp.stp");
                        v = processing.act(code, ActionRequest.of(DossierAction.COMPLETE_STEP, v)).version();
                        as("gd.stp");
                        v = processing.act(code, ActionRequest.of(DossierAction.APPROVE, v)).version();
                        as("vt.stp");
                        v = processing.act(code, ActionRequest.of(DossierAction.ISSUE_RESULT, v).withResult("1/KQ", today, null)).version();
                        as("tn.ttpvhcc");
                        processing.act(code, ActionRequest.of(DossierAction.RETURN_RESULT, v)
                                .withDelivery(ActionRequest.Delivery.COUNTER, "Người Nộp"));
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
        for (Thread t : workers) {
            t.join();
        }
        double perSecond = done.sum() / ((System.nanoTime() - start) / 1e9);
        System.out.printf("threads=%d %,.1f lifecycles/s (%d failed)%n", threads, perSecond, failed.get());
        return perSecond;
    }

    private static void as(String username) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                AuthorityUtils.createAuthorityList()));
    }
}
