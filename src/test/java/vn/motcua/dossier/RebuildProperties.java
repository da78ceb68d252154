package vn.motcua.dossier;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestContextManager;
import vn.motcua.IntegrationTest;
import vn.motcua.oversight.ProjectionRebuild;
import vn.motcua.catalog.ProcedureCatalog;
import vn.motcua.platform.DomainProblem;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rebuild equals incremental (issue 12): generated histories, each a sequence of legal actions taken through the real
 * {@link DossierProcessing} by the demo staff at generated times (supplements, extensions, transfers to a commune,
 * consultations, stop requests and stops, refusals, hand-overs late by days), are projected as they happen; then the
 * projections are rebuilt from the dossier histories and compared row by row, for the generated dossiers and for every
 * other dossier the journal holds. The application context is the one every {@link IntegrationTest} shares; the test
 * sits in the dossier package to take actions at chosen times ({@code actAt}).
 */
class RebuildProperties {

    static final String RECORD = "3.000334";
    /** Who may act somewhere along the default process at Sở Tư pháp, and at the commune a transfer goes to. */
    static final List<String> STAFF = List.of("pc.stp", "cv.stp", "tp.stp", "gd.stp", "vt.stp", "tn.ttpvhcc", "cv.xuanhuong", "ct.xuanhuong");

    /** Turns off the straight road (endings, going back, detours, reassignments): taken one time in four. */
    static final java.util.Set<DossierAction> DETOURS = java.util.EnumSet.of(DossierAction.STOP, DossierAction.REQUEST_STOP,
            DossierAction.REFUSE, DossierAction.PROPOSE_REFUSAL, DossierAction.RETURN_STEP, DossierAction.CONSULT, DossierAction.TRANSFER,
            DossierAction.APOLOGIZE_AND_EXTEND, DossierAction.REQUEST_SUPPLEMENT, DossierAction.ASSIGN);

    private static @Nullable ApplicationContext context;

    static final class SharedContext extends IntegrationTest {
    }

    static synchronized ApplicationContext context() {
        if (context == null) {
            context = new TestContextManager(SharedContext.class).getTestContext().getApplicationContext();
        }
        return context;
    }

    @Property(tries = 10)
    void aRebuildGivesExactlyTheIncrementalProjection(
            @ForAll @Size(min = 1, max = 3) List<@Size(min = 1, max = 24) List<@IntRange(min = 0, max = 9999) Integer>> histories) {
        var ctx = context();
        var intake = ctx.getBean(DossierIntake.class);
        var processing = ctx.getBean(DossierProcessing.class);
        var catalog = ctx.getBean(ProcedureCatalog.class);
        var jdbc = ctx.getBean(JdbcClient.class);

        var codes = new ArrayList<String>();
        for (var choices : histories) {
            String code = receive(intake, catalog);
            codes.add(code);
            Instant at = Instant.now();
            for (int choice : choices) {
                // mostly minutes to two hours later, one time in five up to four days later: steps handed on late now and then
                at = at.plus(choice % 5 == 0 ? Duration.ofHours(6 + choice % 90) : Duration.ofMinutes(10 + choice % 110));
                act(processing, code, choice, at);
            }
            Statistics.label("state reached").collect(asUser("admin", () -> processing.get(code)).state());
        }

        String[] all = codes.toArray(String[]::new);
        var facts = rows(jdbc, "select * from oversight.dossier_fact where code = any(:codes) order by code", all);
        var late = rows(jdbc, "select * from oversight.late_step where code = any(:codes) order by code, at, step", all);
        var everyFact = rows(jdbc, """
                select f.* from oversight.dossier_fact f where exists (select 1 from dossier.event_journal j where j.code = f.code)
                order by f.code""", null);
        var everyLate = rows(jdbc, """
                select s.* from oversight.late_step s where exists (select 1 from dossier.event_journal j where j.code = s.code)
                order by s.code, s.at, s.step""", null);
        Statistics.label("late hand-overs").collect(late.isEmpty() ? "none" : "some");

        ctx.getBean(ProjectionRebuild.class).rebuild();

        assertThat(rows(jdbc, "select * from oversight.dossier_fact where code = any(:codes) order by code", all))
                .hasSize(codes.size()).isEqualTo(facts);
        assertThat(rows(jdbc, "select * from oversight.late_step where code = any(:codes) order by code, at, step", all)).isEqualTo(late);
        assertThat(rows(jdbc, "select * from oversight.dossier_fact order by code", null)).isEqualTo(everyFact);
        assertThat(rows(jdbc, "select * from oversight.late_step order by code, at, step", null)).isEqualTo(everyLate);
    }

    private static List<Map<String, Object>> rows(JdbcClient jdbc, String sql, String @Nullable [] codes) {
        var spec = jdbc.sql(sql);
        if (codes != null) {
            spec = spec.param("codes", codes);
        }
        return spec.query().listOfRows();
    }

    private static String receive(DossierIntake intake, ProcedureCatalog catalog) {
        var checklist = catalog.inForce(RECORD, LocalDate.now(DossierWords.VIETNAM)).record().documents();
        var documents = new ArrayList<Intake.DocumentIn>();
        for (int i = 1; i <= checklist.size(); i++) {
            documents.add(new Intake.DocumentIn(Integer.toString(i), 1, 0, null));
        }
        var applicant = new Applicant(Applicant.Type.CITIZEN, "Hoàng Thị Lan", "068090123456", LocalDate.of(1990, 3, 9), "0913555666",
                null, null, null, null);
        var in = new Intake(RECORD, Channel.DIRECT, "H36.10", null, applicant, documents, null, Intake.Outcome.RECEIVE, null, null);
        return asUser("tn.ttpvhcc", () -> intake.receive(in, null).dossier().code());
    }

    /** Takes the {@code choice}-th of the actions the staff may take now (all of them, in a fixed order), if it holds at {@code at}. */
    private static void act(DossierProcessing processing, String code, int choice, Instant at) {
        var offered = new ArrayList<Map.Entry<String, DossierAction>>();
        for (String user : STAFF) {
            try {
                for (var a : asUser(user, () -> processing.actions(code))) {
                    offered.add(Map.entry(user, a.action()));
                }
            } catch (DomainProblem notTheirs) {
                // the dossier is outside this person's scope now
            }
        }
        if (offered.isEmpty()) {
            return;
        }
        // so that most histories get to a result, the detours are taken one time in four (the first assignment is the road)
        var forward = offered.stream().filter(e -> !DETOURS.contains(e.getValue())
                || (e.getValue() == DossierAction.ASSIGN && e.getKey().equals("pc.stp") && first(processing, code))).toList();
        var pool = choice % 4 == 0 || forward.isEmpty() ? offered : forward;
        var pick = pool.get((choice / 4) % pool.size());
        String user = pick.getKey();
        try {
            Dossier d = asUser(user, () -> processing.get(code));
            var request = request(pick.getValue(), d, at);
            if (request != null) {
                asUser(user, () -> processing.actAt(code, request, null, at));
                Statistics.label("actions taken").collect(pick.getValue());
            }
        } catch (DomainProblem refusedAtThatMoment) {
            // e.g. the supplement window closed or the extension came too late: nothing was written, as for a person
            Statistics.label("refused").collect(pick.getValue() + " " + refusedAtThatMoment.code());
        }
    }

    private static boolean first(DossierProcessing processing, String code) {
        return asUser("admin", () -> processing.get(code)).state() == DossierState.RECEIVED;
    }

    private static @Nullable ActionRequest request(DossierAction action, Dossier d, Instant at) {
        var r = ActionRequest.of(action, null);
        return switch (action) {
            case ASSIGN -> r.withAssignee("cv.stp", null);
            case REQUEST_SUPPLEMENT -> r.withMissing(List.of(new Intake.Missing("Bản sao giấy khai sinh", "Thiếu bản sao"))).withNote("Cần bổ sung");
            case REFUSE, PROPOSE_REFUSAL, RETURN_STEP, REQUEST_STOP, STOP -> r.withNote("Theo đề nghị");
            case CONSULT -> r.withAgency("H36.201", 2).withNote("Xin ý kiến về nơi cư trú");
            case CONSULTATION_ANSWERED -> d.progress().consultations().stream().filter(k -> k.answeredAt() == null).findFirst()
                    .map(k -> r.withConsultation(k.id()).withNote("Đồng ý")).orElse(null);
            case TRANSFER -> r.withAgency("H36.201", 2).withRole("SPECIALIST").withNote("Liên thông xác minh");
            case APOLOGIZE_AND_EXTEND -> d.dueAt() == null ? null : r.withNewDueAt(d.dueAt().plus(Duration.ofDays(3))).withNote("Cần xác minh thêm");
            case ISSUE_RESULT -> r.withResult("12/QĐ-STP", LocalDate.now(DossierWords.VIETNAM), null); // signed today: never a later day
            case RETURN_RESULT -> r.withDelivery(ActionRequest.Delivery.COUNTER, "Hoàng Thị Lan");
            case REQUEST_PAYMENT -> r.withPayment(50_000L).withNote("Lệ phí");
            case PAUSE -> null; // the default policy allows no pause
            default -> r;
        };
    }

    static <T> T asUser(String username, Supplier<T> work) {
        var security = SecurityContextHolder.createEmptyContext();
        security.setAuthentication(new UsernamePasswordAuthenticationToken(username, null, List.of()));
        var before = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(security);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }
}
