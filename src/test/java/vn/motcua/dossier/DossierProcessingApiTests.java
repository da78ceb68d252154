package vn.motcua.dossier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.IntegrationTest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.dossier.DossierIntakeApiTests.MAP;
import static vn.motcua.dossier.DossierIntakeApiTests.citizen;
import static vn.motcua.dossier.DossierIntakeApiTests.receive;

/**
 * Processing through the API with the demo accounts of the Department of Justice (H36.10): the provincial centre's
 * desk (tn.ttpvhcc) receives "Cấp Phiếu lý lịch tư pháp" (3.000334), which has no approved internal process in the demo,
 * so it follows the default one: assign (pc.stp), appraise (cv.stp), review (tp.stp), sign (gd.stp), issue (vt.stp),
 * return at the desk.
 */
class DossierProcessingApiTests extends IntegrationTest {

    static final String RECORD = DossierIntakeApiTests.RECORD;
    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDossierGoesThroughEveryStepToItsReturnAndEveryHandOverIsOnTheControlSlip() throws Exception {
        String code = received("Đỗ Thị Hạnh", "0913000222");
        var d = dossier("tn.ttpvhcc", code);
        assertThat(d).containsEntry("state", "RECEIVED").containsEntry("nationalStatus", 2).containsEntry("extended", false);
        assertThat(d.get("originalDueAt")).isEqualTo(d.get("dueAt"));
        assertThat(currentStep(d)).containsEntry("step", "Phân công thụ lý").containsEntry("role", "ASSIGNER").containsEntry("agency", "H36.10");

        var assignerMay = actions("pc.stp", code);
        assertThat(assignerMay).extracting(a -> a.get("action")).contains("ASSIGN", "COMPLETE_STEP")
                .doesNotContain("APPROVE", "ISSUE_RESULT", "RETURN_RESULT", "REQUEST_SUPPLEMENT", "STOP");
        assertThat(assignerMay.stream().filter(a -> a.get("action").equals("ASSIGN")).findFirst().orElseThrow().get("needs"))
                .isEqualTo(List.of("assignee"));
        assertThat(actions("cv.stp", code)).isEmpty();

        var notYours = act("cv.stp", code, Map.of("action", "ASSIGN", "assignee", "cv.stp"));
        assertProblem(notYours, 403, "dossier.not-your-step");

        d = ok(act("pc.stp", code, Map.of("action", "ASSIGN", "assignee", "cv.stp", "note", "Giao chị Cúc thụ lý")));
        assertThat(d).containsEntry("state", "IN_PROCESSING").containsEntry("nationalStatus", 4);
        assertThat(currentStep(d)).containsEntry("step", "Thẩm định hồ sơ").containsEntry("role", "SPECIALIST").containsEntry("assignee", "cv.stp");
        assertThat(actions("cv.stp", code)).extracting(a -> a.get("action"))
                .contains("COMPLETE_STEP", "RETURN_STEP", "REQUEST_SUPPLEMENT", "PROPOSE_REFUSAL", "CONSULT", "TRANSFER")
                .doesNotContain("APPROVE", "ISSUE_RESULT", "REQUEST_PAYMENT");
        assertProblem(act("tp.stp", code, Map.of("action", "COMPLETE_STEP")), 403, "dossier.not-your-step");

        String probe = "move-" + code;
        d = ok(as("cv.stp").post().uri("/api/v1/dossiers/{c}/actions", code).header(vn.motcua.SqlStatements.PROBE, probe)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("action", "COMPLETE_STEP", "note", "Đủ điều kiện cấp phiếu"))
                .retrieve().toEntity(MAP));
        // the move's writes travel together: the version-checked UPDATE, its history, hand-over and audit rows in one statement
        var writes = vn.motcua.SqlStatements.of(probe).stream().filter(q -> q.contains("update dossier.dossier")).toList();
        assertThat(writes).singleElement().satisfies(q -> assertThat(q).contains("insert into dossier.history")
                .contains("insert into dossier.handover").contains("insert into audit.record"));
        assertThat(vn.motcua.SqlStatements.of(probe).stream().filter(q -> q.contains("from dossier.dossier where code")).count())
                .as("the move reads the dossier once, the answer once more").isEqualTo(2);
        assertThat(currentStep(d)).containsEntry("role", "UNIT_HEAD");
        d = ok(act("tp.stp", code, Map.of("action", "COMPLETE_STEP")));
        assertThat(currentStep(d)).containsEntry("role", "SIGNER");
        assertProblem(act("gd.stp", code, Map.of("action", "COMPLETE_STEP")), 409, "dossier.use-step-action");
        d = ok(act("gd.stp", code, Map.of("action", "APPROVE")));
        assertThat(currentStep(d)).containsEntry("role", "CLERK");
        assertThat(d.get("approvedAt")).isNotNull();
        var stop = act("tn.ttpvhcc", code, Map.of("action", "REQUEST_STOP", "note", "Người nộp muốn rút hồ sơ"));
        assertProblem(stop, 409, "dossier.result-decided");

        var incomplete = act("vt.stp", code, Map.of("action", "ISSUE_RESULT"));
        assertProblem(incomplete, 400, "dossier.action-invalid");
        assertThat(incomplete.getBody().get("invalidParams").toString()).contains("resultNumber").contains("resultDate");
        var ancient = act("vt.stp", code, Map.of("action", "ISSUE_RESULT", "resultNumber", "125/PLLTP", "resultDate", "0001-01-01"));
        assertProblem(ancient, 400, "dossier.action-invalid");
        assertThat(ancient.getBody().get("invalidParams").toString()).contains("resultDate").contains("trước ngày tiếp nhận");
        d = ok(act("vt.stp", code, Map.of("action", "ISSUE_RESULT", "resultNumber", "125/PLLTP", "resultDate", LocalDate.now(DossierWords.VIETNAM).toString())));
        assertThat(d).containsEntry("state", "RESULT_READY").containsEntry("nationalStatus", 9).containsEntry("early", true);
        assertThat(d.get("result").toString()).contains("GRANT").contains("125/PLLTP");
        assertThat(currentStep(d)).containsEntry("step", "Trả kết quả").containsEntry("agency", "H36.50");

        d = ok(act("tn.ttpvhcc", code, Map.of("action", "RETURN_RESULT", "delivery", "COUNTER", "receivedBy", "Đỗ Thị Hạnh")));
        assertThat(d).containsEntry("state", "RETURNED").containsEntry("nationalStatus", 10);
        assertThat((List<?>) d.get("currentSteps")).isEmpty();
        assertProblem(act("tn.ttpvhcc", code, Map.of("action", "RETURN_RESULT", "delivery", "COUNTER", "receivedBy", "Đỗ Thị Hạnh")),
                409, "dossier.illegal-move");

        @SuppressWarnings("unchecked")
        var history = (List<Map<String, Object>>) d.get("history");
        assertThat(history).extracting(h -> h.get("action"))
                .containsExactly("RECEIVE", "ASSIGN", "COMPLETE_STEP", "COMPLETE_STEP", "APPROVE", "ISSUE_RESULT", "RETURN_RESULT");
        assertThat(history.get(1)).containsEntry("by", "pc.stp").containsEntry("from", "RECEIVED").containsEntry("to", "IN_PROCESSING")
                .containsEntry("note", "Giao chị Cúc thụ lý");
        @SuppressWarnings("unchecked")
        var handovers = (List<Map<String, Object>>) d.get("handovers");
        assertThat(handovers).hasSize(7).allSatisfy(h -> assertThat(h).containsEntry("onTime", true));
        String slip = pdfText("tn.ttpvhcc", code, "06");
        assertThat(slip).contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ").contains(code).contains("Sở Tư pháp")
                .contains("Người nhận kết quả").contains("Đỗ Thị Hạnh").contains("Trước hạn");
        assertThat(jdbc.sql("select count(*) from audit.record where target = :t and action like 'DOSSIER_%'").param("t", "dossier:" + code)
                .query(Integer.class).single()).as("one audit record per move").isEqualTo(7);
    }

    @Test
    void outsideTheScopeIs403AndABadRequestIs400() {
        String code = received("Lương Văn Tài", "0913000333");
        assertProblem(act("tn.xuanhuong", code, Map.of("action", "ASSIGN", "assignee", "cv.stp")), 403, "dossier.outside-scope");
        var noAssignee = act("pc.stp", code, Map.of("action", "ASSIGN"));
        assertProblem(noAssignee, 400, "dossier.action-invalid");
        assertThat(noAssignee.getBody().get("invalidParams").toString()).contains("assignee");
        var wrongPerson = act("pc.stp", code, Map.of("action", "ASSIGN", "assignee", "vt.stp"));
        assertProblem(wrongPerson, 400, "dossier.action-invalid");
        var unknown = as("pc.stp").post().uri("/api/v1/dossiers/{c}/actions", code).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("action", "FLY")).retrieve().toEntity(MAP);
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(unknown.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        // a fraction of a day is not rounded away: refused, nothing transferred
        var half = act("pc.stp", code, Map.of("action", "TRANSFER", "agency", "H36.11", "days", 1.5, "note", "Chuyển liên thông"));
        assertThat(half.getStatusCode().value()).as(String.valueOf(half.getBody())).isEqualTo(400);
        assertThat(String.valueOf(half.getBody())).contains("days");
        assertThat(dossier("pc.stp", code).get("currentSteps").toString()).contains("ASSIGNER").doesNotContain("H36.11");
        assertProblem(act("gd.stp", code, Map.of("action", "COMPLETE_STEP")), 403, "dossier.not-your-step");
        assertProblem(act("gd.stp", code, Map.of("action", "APPROVE")), 409, "dossier.illegal-move");
        assertProblem(act("pc.stp", code, Map.of("action", "RETURN_RESULT", "delivery", "COUNTER", "receivedBy", "A B")), 409,
                "dossier.illegal-move");
    }

    @Test
    void twoPeopleActingAtOnceOneSucceedsTheOtherGetsAConflict() throws Exception {
        String code = received("Phan Văn Đức", "0913000444");
        int version = ((Number) dossier("pc.stp", code).get("version")).intValue();
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(2)) {
            var futures = new ArrayList<Future<ResponseEntity<Map<String, Object>>>>();
            for (String who : List.of("cv.stp", "cv.stp")) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return act("pc.stp", code, Map.of("action", "ASSIGN", "assignee", who, "version", version));
                }));
            }
            start.countDown();
            var statuses = new ArrayList<Integer>();
            var codes = new ArrayList<Object>();
            for (var f : futures) {
                var r = f.get();
                statuses.add(r.getStatusCode().value());
                codes.add(r.getBody().get("code"));
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            assertThat(codes).contains("dossier.changed");
        }
        assertThat(jdbc.sql("select count(*) from dossier.history h join dossier.dossier d on d.id = h.dossier_id where d.code = :c and h.action = 'ASSIGN'")
                .param("c", code).query(Integer.class).single()).isEqualTo(1);
        // a version seen before the move is stale now
        assertProblem(act("cv.stp", code, Map.of("action", "COMPLETE_STEP", "version", version)), 409, "dossier.changed");
    }

    @Test
    void anActionRepeatedWithTheSameIdempotencyKeyHappensOnce() {
        String code = received("Võ Thị Lan", "0913000555");
        var body = Map.<String, Object>of("action", "ASSIGN", "assignee", "cv.stp");
        var first = actWithKey("pc.stp", code, body, "assign-" + code);
        assertThat(first.getStatusCode().value()).isEqualTo(200);
        var again = actWithKey("pc.stp", code, body, "assign-" + code);
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getBody().get("version")).isEqualTo(first.getBody().get("version"));
        assertThat(jdbc.sql("select count(*) from dossier.history h join dossier.dossier d on d.id = h.dossier_id where d.code = :c and h.action = 'ASSIGN'")
                .param("c", code).query(Integer.class).single()).isEqualTo(1);
        var other = actWithKey("pc.stp", code, Map.of("action", "ASSIGN", "assignee", "cv.stp", "note", "khác"), "assign-" + code);
        assertThat(other.getStatusCode().value()).isEqualTo(422);
        assertThat(other.getBody()).containsEntry("code", "dossier.idempotency-key-reused");
    }

    @Test
    void theQueuesListWhatEachPersonMustDoSortedByDueTimeWithCounts() {
        String a = received("Hồ Văn Nam", "0913000666");
        String b = received("Hồ Thị Mai", "0913000777");
        var unitQueue = queue("pc.stp", "unit");
        assertThat(codes(unitQueue)).contains(a, b);
        assertThat(codes(unitQueue).indexOf(a)).isLessThan(codes(unitQueue).indexOf(b));
        @SuppressWarnings("unchecked")
        var counts = (Map<String, Object>) unitQueue.get("counts");
        assertThat(counts).containsKeys("mine", "unit", "due-today", "overdue", "due-soon", "awaiting-applicant", "online-awaiting-acceptance");
        assertThat(codes(queue("cv.stp", "unit"))).doesNotContain(a);

        var bulk = as("pc.stp").post().uri("/api/v1/dossiers/assignments").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("codes", List.of(a, b), "assignee", "cv.stp")).retrieve().toEntity(LIST);
        assertThat(bulk.getStatusCode().value()).isEqualTo(200);
        assertThat(bulk.getBody()).allSatisfy(o -> assertThat(o).containsEntry("assigned", true));
        assertThat(codes(queue("cv.stp", "mine"))).contains(a, b);
        assertThat(codes(queue("pc.stp", "unit"))).doesNotContain(a, b);
        assertThat(codes(queue("tn.xuanhuong", "mine"))).doesNotContain(a, b);
        var wrong = as("pc.stp").post().uri("/api/v1/dossiers/assignments").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("codes", List.of(a, "H36.50-000000-0000"), "assignee", "vt.stp")).retrieve().toEntity(LIST);
        assertThat(wrong.getBody()).extracting(o -> o.get("assigned")).containsExactly(false, false);
        assertThat(wrong.getBody()).extracting(o -> o.get("problem")).containsExactly("dossier.action-invalid", "dossier.not-found");
        assertThat(codes(queue("cv.stp", "mine"))).as("a refused reassignment changes nothing").contains(a);
        var again = as("pc.stp").post().uri("/api/v1/dossiers/assignments").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("codes", List.of(a), "assignee", "cv.stp")).retrieve().toEntity(LIST);
        assertThat(again.getBody()).extracting(o -> o.get("problem")).as("the same person again: nothing to do")
                .containsExactly("dossier.already-assigned");
        assertThat(((List<?>) dossier("pc.stp", a).get("handovers")).stream().filter(h -> "ASSIGN".equals(((Map<?, ?>) h).get("action"))).count())
                .as("no second hand-over written").isEqualTo(1);
        var badQueue = as("pc.stp").get().uri("/api/v1/dossiers?queue=later").retrieve().toEntity(MAP);
        assertProblem(badQueue, 400, "dossier.unknown-queue");
    }

    // --- helpers -----------------------------------------------------------------------------------------------------

    String received(String name, String phone) {
        var body = receive(RECORD, "H36.10", citizen(name, phone), everything());
        var r = as("tn.ttpvhcc").post().uri("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(MAP);
        return DossierIntakeApiTests.code(r);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> everything() {
        var p = anonymous().get().uri("/api/v1/procedures/{c}", RECORD).retrieve().toEntity(MAP).getBody();
        var record = p.containsKey("record") ? (Map<String, Object>) p.get("record") : p;
        var out = new ArrayList<Map<String, Object>>();
        for (int i = 1; i <= ((List<?>) record.get("documents")).size(); i++) {
            out.add(new HashMap<>(Map.of("requirement", Integer.toString(i), "originals", 1, "copies", 0)));
        }
        return out;
    }

    Map<String, Object> dossier(String user, String code) {
        var r = as(user).get().uri("/api/v1/dossiers/{c}", code).retrieve().toEntity(MAP);
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
        return r.getBody();
    }

    List<Map<String, Object>> actions(String user, String code) {
        var r = as(user).get().uri("/api/v1/dossiers/{c}/actions", code).retrieve().toEntity(LIST);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        return r.getBody();
    }

    ResponseEntity<Map<String, Object>> act(String user, String code, Map<String, Object> body) {
        return as(user).post().uri("/api/v1/dossiers/{c}/actions", code).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(MAP);
    }

    ResponseEntity<Map<String, Object>> actWithKey(String user, String code, Map<String, Object> body, String key) {
        return as(user).post().uri("/api/v1/dossiers/{c}/actions", code).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(MAP);
    }

    Map<String, Object> queue(String user, String queue) {
        var r = as(user).get().uri("/api/v1/dossiers?queue={q}&size=200", queue).retrieve().toEntity(MAP);
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
        return r.getBody();
    }

    @SuppressWarnings("unchecked")
    static List<String> codes(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(i -> (String) i.get("code")).toList();
    }

    static Map<String, Object> ok(ResponseEntity<Map<String, Object>> r) {
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
        return r.getBody();
    }

    static void assertProblem(ResponseEntity<Map<String, Object>> r, int status, String code) {
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(status);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(r.getBody()).containsEntry("code", code);
        assertThat((String) r.getBody().get("detail")).isNotBlank();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> currentStep(Map<String, Object> d) {
        var steps = (List<Map<String, Object>>) d.get("currentSteps");
        assertThat(steps).isNotEmpty();
        return steps.getFirst();
    }

    String pdfText(String user, String code, String form) throws Exception {
        var pdf = as(user).get().uri("/api/v1/dossiers/{c}/slips/{f}", code, form).retrieve().toEntity(byte[].class);
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.getBody())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    static Instant at(Object iso) {
        return Instant.parse((String) iso);
    }
}
