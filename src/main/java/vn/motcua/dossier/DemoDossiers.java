package vn.motcua.dossier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.ProcedureCatalog;
import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.platform.text.Folding;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The demo province's dossiers, so that a fresh {@code ./mvnw spring-boot:run} shows what a province in use shows:
 * <ul>
 *   <li><b>its past</b>: {@code motcua.demo-data.dossiers} generated dossiers ({@link HistoryLines}) received over the
 *   last 13 months at the provincial centre (for five departments) and at the five communes' centres, with their whole
 *   histories (early, on time, late, supplements, an extension, stops, refusals), imported through the historical
 *   import ({@link HistoryImports#start}, the path {@code POST /api/v1/dossiers/history-imports} takes) so that the
 *   dashboards, the 766 index, the public disclosure and the reports have figures; histories are cut at the moment of
 *   the start, so the last weeks hold dossiers still in processing, some of them overdue;</li>
 *   <li><b>today's work</b>: a dozen dossiers received at the provincial centre's desk ({@code tn.ttpvhcc}) through
 *   the same services the pages call, each moved as far as its turn by the account that holds the step, so that
 *   every demo account's work queue has something in it (waiting for assignment, with the specialist, waiting for
 *   the applicant's documents, with the unit head, to sign, to issue, to hand over) and the public lookup finds a
 *   returned one; and four at the ward of Xuân Hương ({@code tn.xuanhuong}), whose default process has no assignment
 *   and no review (its staff hold neither role).</li>
 * </ul>
 * The past dossiers carry codes of the national form ({@code H36.50-250314-9001}: the receiving point, the day, a
 * number from 9001, above what a desk gives in a day). Runs once: nothing is added when the demo's import is there
 * already ({@value #FILE}). {@code 0} turns it
 * off (the test suite, whose tests create their own dossiers).
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty("motcua.demo-data.enabled")
class DemoDossiers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDossiers.class);

    static final String FILE = "demo-history.jsonl";

    /** The provincial departments of the demo and the words their procedures' implementing agency names carry. */
    private static final String[][] DEPARTMENTS = {{"H36.10", "tu phap"}, {"H36.11", "xay dung"}, {"H36.12", "nong nghiep"},
            {"H36.12", "tai nguyen"}, {"H36.13", "tai chinh"}, {"H36.14", "noi vu"}};
    private static final String[] PROVINCE_DESKS = {"H36.50", "H36.50", "H36.50", "H36.50.01", "H36.50.02"};
    private static final String[] COMMUNES = {"H36.201", "H36.202", "H36.203", "H36.204", "H36.205"};

    private final HistoryImports imports;
    private final ProcedureCatalog catalog;
    private final DossierIntake intake;
    private final DossierProcessing processing;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int dossiers;

    DemoDossiers(HistoryImports imports, ProcedureCatalog catalog, DossierIntake intake, DossierProcessing processing, JdbcClient jdbc,
                 Clock clock, @Value("${motcua.demo-data.dossiers:0}") int dossiers) {
        this.imports = imports;
        this.catalog = catalog;
        this.intake = intake;
        this.processing = processing;
        this.jdbc = jdbc;
        this.clock = clock;
        this.dossiers = dossiers;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (dossiers > 0 && !present()) {
            seed(dossiers);
        }
    }

    /** Whether the demo's dossiers are in the database already. */
    boolean present() {
        return jdbc.sql("select exists (select 1 from dossier.history_import where file_name = :file and state = 'DONE')").param("file", FILE)
                .query(Boolean.class).single();
    }

    /** What was added: the import's job and today's dossiers by the state they were left in. */
    record Seeded(HistoryImports.Job history, List<Dossier> today) {
    }

    Seeded seed(int count) {
        long start = System.nanoTime();
        LocalDateTime now = LocalDateTime.now(clock.withZone(DossierWords.VIETNAM)).withNano(0);
        var lines = new HistoryLines(20260701, lanes(now.toLocalDate()), null, now.minusDays(395).withHour(8).withMinute(0).withSecond(0),
                395, now);
        var file = new StringBuilder(count * 1400);
        for (int i = 1; i <= count; i++) {
            file.append(lines.line(i)).append('\n');
        }
        var job = imports.start(FILE, new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)), "admin", true);
        var today = today();
        log.info("Hồ sơ mẫu: {} hồ sơ 13 tháng qua nhập qua đường nhập lịch sử ({} bị loại), {} hồ sơ hôm nay đang xử lý ({} ms)",
                job.imported(), job.rejected(), today.size(), (System.nanoTime() - start) / 1_000_000);
        if (job.rejected() > 0) {
            imports.rejects(job.id(), 3).forEach(r -> log.warn("Hồ sơ mẫu bị loại, dòng {}: {} {}", r.line(), r.code(), r.message()));
        }
        return new Seeded(job, today);
    }

    /** Departments' procedures received at the provincial centre and its branches, communes' at their own centres. */
    private List<HistoryLines.Lane> lanes(LocalDate day) {
        var inForce = catalog.allInForce(day);
        var lanes = new ArrayList<HistoryLines.Lane>();
        for (String[] department : DEPARTMENTS) {
            var procedures = mix(inForce.stream().filter(v -> v.record().levels().contains(ProcedureLevel.PROVINCE))
                    .filter(v -> Folding.contains(v.record().implementingAgency(), department[1])).toList(), 60);
            if (!procedures.isEmpty()) {
                for (String desk : PROVINCE_DESKS) {
                    lanes.add(new HistoryLines.Lane(desk, department[0], procedures));
                }
            }
        }
        var communal = mix(inForce.stream().filter(v -> v.record().levels().contains(ProcedureLevel.COMMUNE)).toList(), 120);
        if (!communal.isEmpty()) {
            for (String commune : COMMUNES) {
                for (int i = 0; i < 3; i++) { // a commune receives about as many dossiers as a department
                    lanes.add(new HistoryLines.Lane(commune + ".01", commune, communal));
                }
            }
        }
        return lanes;
    }

    /** At most {@code n} procedures, a third of them offered fully online where there are (so the online indicators have dossiers). */
    private static List<String> mix(List<ProcedureVersion> versions, int n) {
        var full = versions.stream().filter(v -> v.record().onlineLevel() == OnlineLevel.FULL).map(ProcedureVersion::code).limit(n / 3).toList();
        var out = new ArrayList<>(full);
        versions.stream().map(ProcedureVersion::code).filter(c -> !full.contains(c)).limit(n - full.size()).forEach(out::add);
        return out;
    }

    /** How far each of today's dossiers goes, in the order of the default process (assign, appraise, review, sign, issue, return). */
    private enum Turn { ASSIGN, APPRAISE, SUPPLEMENT, REVIEW, SIGN, ISSUE, HAND_OVER, RETURNED }

    private static final Object[][] TODAY = {
            {"Nguyễn Thị Minh Thư", Turn.ASSIGN}, {"Trần Quốc Bảo", Turn.ASSIGN}, {"K'Brểu", Turn.APPRAISE},
            {"Lê Văn Phước", Turn.APPRAISE}, {"Phạm Ngọc Diệp", Turn.APPRAISE}, {"Hoàng Thị Lan", Turn.SUPPLEMENT},
            {"Võ Minh Khang", Turn.REVIEW}, {"Đặng Thu Hà", Turn.REVIEW}, {"Bùi Đức Thắng", Turn.SIGN},
            {"Huỳnh Thanh Tâm", Turn.ISSUE}, {"Dương Thị Yến", Turn.HAND_OVER}, {"Ngô Văn Long", Turn.HAND_OVER},
            {"Ka Hồng", Turn.RETURNED}};

    /** Procedure of Sở Tư pháp's desk dossiers (the judicial record certificate). */
    private static final String JUSTICE = "3.000334";

    private List<Dossier> today() {
        var made = new ArrayList<Dossier>();
        for (Object[] row : TODAY) {
            String name = (String) row[0];
            Turn turn = (Turn) row[1];
            Dossier d = received("tn.ttpvhcc", JUSTICE, "H36.10", name);
            if (d == null) {
                return made;
            }
            String code = d.code();
            if (turn.compareTo(Turn.APPRAISE) >= 0) {
                d = as("pc.stp", () -> processing.act(code, ActionRequest.of(DossierAction.ASSIGN, null).withAssignee("cv.stp", null)));
            }
            if (turn == Turn.SUPPLEMENT) {
                d = as("cv.stp", () -> processing.act(code, ActionRequest.of(DossierAction.REQUEST_SUPPLEMENT, null)
                        .withMissing(List.of(new Intake.Missing("1", "Bản sao căn cước bị mờ, không đọc được số định danh")))
                        .withNote("Đề nghị bổ sung bản sao căn cước rõ nét")));
            }
            if (turn.compareTo(Turn.REVIEW) >= 0 && turn != Turn.SUPPLEMENT) {
                d = as("cv.stp", () -> processing.act(code, ActionRequest.of(DossierAction.COMPLETE_STEP, null).withNote("Hồ sơ đủ điều kiện")));
            }
            if (turn.compareTo(Turn.SIGN) >= 0) {
                d = as("tp.stp", () -> processing.act(code, ActionRequest.of(DossierAction.COMPLETE_STEP, null)));
            }
            if (turn.compareTo(Turn.ISSUE) >= 0) {
                d = as("gd.stp", () -> processing.act(code, ActionRequest.of(DossierAction.APPROVE, null)));
            }
            if (turn.compareTo(Turn.HAND_OVER) >= 0) {
                String number = (made.size() + 1) + "/PLLTP";
                d = as("vt.stp", () -> processing.act(code, ActionRequest.of(DossierAction.ISSUE_RESULT, null)
                        .withResult(number, LocalDate.now(clock.withZone(DossierWords.VIETNAM)), null)));
            }
            if (turn == Turn.RETURNED) {
                d = as("tn.ttpvhcc", () -> processing.act(code, ActionRequest.of(DossierAction.RETURN_RESULT, null)
                        .withDelivery(ActionRequest.Delivery.COUNTER, name)));
            }
            made.add(d);
        }
        made.addAll(atTheWard());
        return made;
    }

    /** Certification of copies (2.000908) at the ward of Xuân Hương: its desk, its specialist, its chairman, its office clerk. */
    private static final String COPY = "2.000908";

    private static final Object[][] WARD = {{"Trương Thị Kim Oanh", Turn.APPRAISE}, {"Phan Văn Tài", Turn.SIGN},
            {"Lò Thị Mai", Turn.ISSUE}, {"Nông Văn Quý", Turn.RETURNED}};

    /**
     * Today's dossiers at the ward H36.201, whose staff have no ASSIGNER and no UNIT_HEAD: the default process goes from
     * the desk to the specialists' queue, then to the chairman's signature and the clerk (ProcessPlans#defaultSteps).
     */
    private List<Dossier> atTheWard() {
        var made = new ArrayList<Dossier>();
        for (Object[] row : WARD) {
            String name = (String) row[0];
            Turn turn = (Turn) row[1];
            Dossier d = received("tn.xuanhuong", COPY, "H36.201", name);
            if (d == null) {
                return made;
            }
            String code = d.code();
            if (turn.compareTo(Turn.SIGN) >= 0) {
                d = as("cv.xuanhuong", () -> processing.act(code, ActionRequest.of(DossierAction.COMPLETE_STEP, null).withNote("Bản sao đúng với bản chính")));
            }
            if (turn.compareTo(Turn.ISSUE) >= 0) {
                d = as("ct.xuanhuong", () -> processing.act(code, ActionRequest.of(DossierAction.APPROVE, null)));
            }
            if (turn.compareTo(Turn.HAND_OVER) >= 0) {
                String number = (made.size() + 1) + "/SCT-BS";
                d = as("vt.xuanhuong", () -> processing.act(code, ActionRequest.of(DossierAction.ISSUE_RESULT, null)
                        .withResult(number, LocalDate.now(clock.withZone(DossierWords.VIETNAM)), null)));
            }
            if (turn == Turn.RETURNED) {
                d = as("tn.xuanhuong", () -> processing.act(code, ActionRequest.of(DossierAction.RETURN_RESULT, null)
                        .withDelivery(ActionRequest.Delivery.COUNTER, name)));
            }
            made.add(d);
        }
        return made;
    }

    /** A dossier received at the desk with its whole checklist, one original of each document; null without the procedure. */
    private @Nullable Dossier received(String desk, String procedure, String handling, String name) {
        LocalDate day = LocalDate.now(clock.withZone(DossierWords.VIETNAM));
        ProcedureVersion version;
        try {
            version = catalog.inForce(procedure, day);
        } catch (vn.motcua.catalog.CatalogProblem notInCatalog) {
            log.warn("Hồ sơ mẫu hôm nay: thủ tục {} không có trong danh mục, bỏ qua", procedure);
            return null;
        }
        var documents = new ArrayList<Intake.DocumentIn>();
        for (int i = 1; i <= version.record().documents().size(); i++) {
            documents.add(new Intake.DocumentIn(Integer.toString(i), 1, 0, null));
        }
        int n = Math.floorMod(name.hashCode(), 900_000);
        var born = LocalDate.of(1965 + n % 35, 1 + n % 12, 1 + n % 28);
        // Lâm Đồng's birth-registration code, century and sex, the year, six digits (IdentityNumbers)
        String id = "068" + (n % 2) + "%02d".formatted(born.getYear() % 100) + "%06d".formatted(n);
        var applicant = new Applicant(Applicant.Type.CITIZEN, name, id, born, "09" + "%08d".formatted(10_000_000 + n), null, null, null, null);
        var in = new Intake(procedure, Channel.DIRECT, handling, null, applicant, documents, null, Intake.Outcome.RECEIVE, null, null);
        return as(desk, () -> intake.receive(in, null).dossier());
    }

    private static <T> T as(String username, Supplier<T> work) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, List.of()));
        var before = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }
}
