package vn.motcua.bench;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.motcua.MotcuaApplication;
import vn.motcua.catalog.ProcedureCatalog;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.DossierWords;
import vn.motcua.dossier.Intake;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lifecycle through motcua's service layer: the whole application runs (migrations, the demo province, audit
 * with its sealer, the event publication registry, listeners) on its own database, and each step is the call the
 * API makes for it, in its own transaction, as the user who holds the step: the desk receives
 * ({@link DossierIntake#receive}), four processing steps follow, the desk returns the result.
 */
final class MotcuaLifecycle implements Lifecycle, AutoCloseable {

    /** Transactions per lifecycle: the intake, four processing steps, the return. */
    static final int TRANSACTIONS = 6;

    /** Desk officer, handling agency and procedure of each demo receiving point (as IntakeBenchmark). */
    private static final String[][] DESKS = {
            {"tn.ttpvhcc", "H36.10", "3.000334"}, {"tn.xuanhuong", "H36.201", "2.000908"}, {"tn.lamvien", "H36.202", "2.000908"},
            {"tn.phanthiet", "H36.203", "2.000908"}, {"tn.bacgianghia", "H36.204", "2.000908"}, {"tn.ductrong", "H36.205", "2.000908"}};

    private final ConfigurableApplicationContext context;
    private final DossierIntake intake;
    private final JdbcClient jdbc;
    private final Map<String, List<Intake.DocumentIn>> checklists = new HashMap<>();

    MotcuaLifecycle(String url, int poolSize, JdbcCounts counts) {
        for (String property : new String[]{"spring.datasource.url=" + url, "spring.datasource.username=postgres",
                "spring.datasource.password=", "server.port=0", "motcua.demo-data.enabled=true", "MOTCUA_MODE=demo",
                "spring.datasource.hikari.maximum-pool-size=" + poolSize, "logging.level.root=warn",
                "motcua.rate-limits-exempt=127.0.0.1,0:0:0:0:0:0:0:1",
                "motcua.audit.keys.bench=YmVuY2htYXJrLWtleS1ub3QtZm9yLXByb2R1Y3Rpb24=", "motcua.audit.key-id=bench"}) {
            int eq = property.indexOf('=');
            System.setProperty(property.substring(0, eq), property.substring(eq + 1));
        }
        context = new SpringApplicationBuilder(MotcuaApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                    @Override
                    public Object postProcessAfterInitialization(Object bean, String beanName) {
                        return bean instanceof HikariDataSource ds ? counts.wrap(ds) : bean;
                    }
                }))
                .run();
        intake = context.getBean(DossierIntake.class);
        jdbc = context.getBean(JdbcClient.class);
        var catalog = context.getBean(ProcedureCatalog.class);
        for (String[] desk : DESKS) {
            int n = catalog.inForce(desk[2], LocalDate.now(DossierWords.VIETNAM)).record().documents().size();
            var docs = new ArrayList<Intake.DocumentIn>();
            for (int i = 1; i <= n; i++) {
                docs.add(new Intake.DocumentIn(Integer.toString(i), 1, 0, null));
            }
            checklists.put(desk[2], docs);
        }
        System.out.printf("ours: fsync=%s synchronous_commit=%s (the application's connection)%n",
                jdbc.sql("show fsync").query(String.class).single(), jdbc.sql("show synchronous_commit").query(String.class).single());
    }

    @Override
    public String name() {
        return "motcua";
    }

    @Override
    public void prepare(int workers) {
    }

    @Override
    public void lifecycle(int worker, long n) {
        String[] desk = DESKS[worker % DESKS.length];
        as(desk[0], "DESK_OFFICER");
        var applicant = new Applicant(Applicant.Type.CITIZEN, "Người Nộp Số " + worker + " " + n, "068090012345",
                LocalDate.of(1990, 5, 17), "0912345678", null, null, null, null);
        var received = intake.receive(new Intake(desk[2], Channel.DIRECT, desk[1], null, applicant, checklists.get(desk[2]),
                null, Intake.Outcome.RECEIVE, null, null), null).dossier();
        // TODO the four processing steps and the return, through the processing service (branch process)
    }

    private static void as(String username, String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                AuthorityUtils.createAuthorityList("ROLE_" + role)));
    }

    /** Closes idle connections, whose backends then report their statistics to the server. */
    void evictIdle() {
        try {
            context.getBean(DataSource.class).unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the run left in the database. */
    void report() {
        System.out.printf("ours: dossiers=%d history=%d audit=%d event publications=%d%n",
                jdbc.sql("select count(*) from dossier.dossier").query(Long.class).single(),
                jdbc.sql("select count(*) from dossier.history").query(Long.class).single(),
                jdbc.sql("select count(*) from audit.record").query(Long.class).single(),
                jdbc.sql("select count(*) from event_publication").query(Long.class).optional().orElse(-1L));
    }

    @Override
    public void close() {
        context.close();
    }
}
