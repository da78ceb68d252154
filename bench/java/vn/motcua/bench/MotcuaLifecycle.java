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
import vn.motcua.catalog.InternalProcesses;
import vn.motcua.catalog.ProcessStep;
import vn.motcua.dossier.ActionRequest;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierProcessing;
import vn.motcua.dossier.DossierState;
import vn.motcua.organization.AgencyDirectory;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffDirectory;
import vn.motcua.organization.StaffDraft;
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
import java.util.UUID;

/**
 * The lifecycle through motcua's service layer: the whole application runs (migrations, the demo province, audit
 * with its sealer, the event publication registry, listeners, notifications) on its own database, and each step is
 * the call the API makes for it, in its own transaction, as the user who holds the step: the desk receives
 * ({@link DossierIntake#receive}, which also puts the dossier on the first step of its internal process), four
 * processing steps follow through {@link DossierProcessing#act} (the specialist appraises, the unit head reviews,
 * the signer approves, the clerk issues the result), then the desk returns the result: six transactions, as
 * Flowable's start and five task completions.
 *
 * <p>Set-up, through the services as an administrator would: the workers are spread over the demo province's six
 * receiving points as {@code IntakeBenchmark} does (a receiving point numbers its dossiers from one daily counter);
 * each handling agency gets a specialist, a unit head, a signer and a clerk ({@code bench.N.*}), and each procedure
 * an approved internal process of those four steps (one working hour each).
 */
final class MotcuaLifecycle implements Lifecycle, AutoCloseable {

    /** Transactions per lifecycle: the intake, four processing steps, the return. */
    static final int TRANSACTIONS = 6;

    /** Desk officer, handling agency and procedure of each demo receiving point (as IntakeBenchmark). */
    private static final String[][] DESKS = {
            {"tn.ttpvhcc", "H36.10", "3.000334"}, {"tn.xuanhuong", "H36.201", "2.000908"}, {"tn.lamvien", "H36.202", "2.000908"},
            {"tn.phanthiet", "H36.203", "2.000908"}, {"tn.bacgianghia", "H36.204", "2.000908"}, {"tn.ductrong", "H36.205", "2.000908"}};

    private static final String[] STEP_ROLES = {"SPECIALIST", "UNIT_HEAD", "SIGNER", "CLERK"};

    private final ConfigurableApplicationContext context;
    private final DossierIntake intake;
    private final DossierProcessing processing;
    private final JdbcClient jdbc;
    private final Map<String, List<Intake.DocumentIn>> checklists = new HashMap<>();

    MotcuaLifecycle(String url, int poolSize, JdbcCounts counts) {
        for (String property : new String[]{"spring.datasource.url=" + url, "spring.datasource.username=postgres",
                "spring.datasource.password=", "server.port=0", "motcua.demo-data.enabled=true", "motcua.demo-data.dossiers=0", "MOTCUA_MODE=demo",
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
        processing = context.getBean(DossierProcessing.class);
        jdbc = context.getBean(JdbcClient.class);
        setUp();
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

    /** The running application, for harnesses that measure more than the lifecycle (OversightFiguresBenchmark). */
    ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public String name() {
        return "motcua";
    }

    @Override
    public void prepare(int workers) {
    }

    /** The step holders of each handling agency and the internal process of each procedure, approved by the admin. */
    private void setUp() {
        as("admin", "ADMIN");
        var staff = context.getBean(StaffDirectory.class);
        var agencies = context.getBean(AgencyDirectory.class);
        var processes = context.getBean(InternalProcesses.class);
        LocalDate today = LocalDate.now(DossierWords.VIETNAM);
        var procedures = new java.util.LinkedHashSet<String>();
        for (int lane = 0; lane < DESKS.length; lane++) {
            UUID agency = agencies.findByElectronicId(DESKS[lane][1]).orElseThrow().id();
            for (String role : STEP_ROLES) {
                String username = holder(lane, role);
                if (staff.byUsername(username).isEmpty()) {
                    var account = staff.create(new StaffDraft(username, "Cán bộ đo hiệu năng " + role + " " + lane, null, null, null, "motcua@2026"));
                    staff.assign(account.id(), Role.valueOf(role), agency, null);
                }
            }
            procedures.add(DESKS[lane][2]);
        }
        for (String code : procedures) {
            if (processes.inForce(code, null, today).filter(p -> p.steps().size() == STEP_ROLES.length).isEmpty()) {
                var unit = vn.motcua.calendar.DurationUnit.WORKING_HOUR;
                processes.approve(code, null, "01/QĐ-BENCH", today, today, List.of(
                        new ProcessStep("Thẩm định hồ sơ", "SPECIALIST", null, 1, unit, null, true, true, null),
                        new ProcessStep("Xem xét, trình ký", "UNIT_HEAD", null, 1, unit, null, false, false, null),
                        new ProcessStep("Phê duyệt, ký kết quả", "SIGNER", null, 1, unit, null, false, false, null),
                        new ProcessStep("Phát hành kết quả", "CLERK", null, 1, unit, null, false, false, null)));
            }
        }
        SecurityContextHolder.clearContext();
    }

    private static String holder(int lane, String role) {
        return "bench." + lane + "." + role.toLowerCase(java.util.Locale.ROOT).replace("_", "");
    }

    @Override
    public void lifecycle(int worker, long n) {
        int lane = worker % DESKS.length;
        String[] desk = DESKS[lane];
        as(desk[0], "DESK_OFFICER");
        String applicantName = "Người Nộp Số " + worker + " " + n;
        var applicant = new Applicant(Applicant.Type.CITIZEN, applicantName, "068090012345",
                LocalDate.of(1990, 5, 17), "0912345678", null, null, null, null);
        var received = intake.receive(new Intake(desk[2], Channel.DIRECT, desk[1], null, applicant, checklists.get(desk[2]),
                null, Intake.Outcome.RECEIVE, null, null), null).dossier();
        String code = received.code();
        int v = received.version();
        as(holder(lane, "SPECIALIST"), "SPECIALIST");
        v = processing.act(code, ActionRequest.of(DossierAction.COMPLETE_STEP, v).withNote("Hồ sơ đủ điều kiện")).version();
        as(holder(lane, "UNIT_HEAD"), "UNIT_HEAD");
        v = processing.act(code, ActionRequest.of(DossierAction.COMPLETE_STEP, v)).version();
        as(holder(lane, "SIGNER"), "SIGNER");
        v = processing.act(code, ActionRequest.of(DossierAction.APPROVE, v)).version();
        as(holder(lane, "CLERK"), "CLERK");
        v = processing.act(code, ActionRequest.of(DossierAction.ISSUE_RESULT, v)
                .withResult(n + "/GCN-" + lane + "." + worker, LocalDate.now(DossierWords.VIETNAM), null)).version();
        as(desk[0], "DESK_OFFICER");
        var returned = processing.act(code, ActionRequest.of(DossierAction.RETURN_RESULT, v)
                .withDelivery(ActionRequest.Delivery.COUNTER, applicantName));
        if (returned.state() != DossierState.RETURNED) {
            throw new IllegalStateException(code + " ended " + returned.state());
        }
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
        System.out.printf("ours: dossiers=%d (returned %d) history=%d handovers=%d audit=%d event publications=%d%n",
                jdbc.sql("select count(*) from dossier.dossier").query(Long.class).single(),
                jdbc.sql("select count(*) from dossier.dossier where state = 'RETURNED'").query(Long.class).single(),
                jdbc.sql("select count(*) from dossier.history").query(Long.class).single(),
                jdbc.sql("select count(*) from dossier.handover").query(Long.class).single(),
                jdbc.sql("select count(*) from audit.record").query(Long.class).single(),
                jdbc.sql("select count(*) from event_publication").query(Long.class).optional().orElse(-1L));
    }

    @Override
    public void close() {
        context.close();
    }
}
