package vn.motcua.dossier;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import vn.motcua.IntegrationTest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.dossier.DossierIntakeApiTests.MAP;

/**
 * The counts of the work queues are counted queue by queue (one subquery each, so each finds its own index): every
 * count must equal what that queue's pages list, for every role, and move by exactly the dossiers a move puts in or
 * takes out. The desk's name search finds a name by a fragment from its middle, typed without diacritics.
 */
class WorkQueueCountsTests extends IntegrationTest {

    /** One holder of every role of the demo province, with scopes from one unit to the whole province. */
    static final List<String> PEOPLE = List.of("pc.stp", "cv.stp", "tp.stp", "gd.stp", "vt.stp", "tn.ttpvhcc", "tn.xuanhuong",
            "cv.xuanhuong", "ct.xuanhuong", "gd.ttpvhcc", "admin", "giamsat.snv", "kstthc");

    @Test
    void everyQueueCountsExactlyWhatItsPagesListForEveryRole() {
        // something in the assigner's, the specialist's and the desk's queues
        String a = received("Phan Văn Tài", "0913100111");
        received("Phan Thị Lụa", "0913100222");
        ok(act("pc.stp", a, Map.of("action", "ASSIGN", "assignee", "cv.stp")));
        for (String person : PEOPLE) {
            Map<String, Object> firstCounts = null;
            for (WorkQueue q : WorkQueue.values()) {
                var page = queue(person, q.param(), 0, 200);
                var counts = counts(page);
                assertThat(((Number) page.get("total")).longValue()).as(person + " " + q.param() + ": total is its count")
                        .isEqualTo(((Number) counts.get(q.param())).longValue());
                assertThat(items(page)).as(person + " " + q.param() + ": the page lists the count").hasSize((int) Math.min(200, total(page)));
                if (firstCounts == null) {
                    firstCounts = counts;
                } else {
                    assertThat(counts).as(person + ": the counts do not depend on the queue asked for").isEqualTo(firstCounts);
                }
                if (total(page) > 1) {
                    // the last dossier of the queue is alone on the last page of one
                    assertThat(items(queue(person, q.param(), (int) total(page) - 1, 1))).hasSize(1);
                    assertThat(items(queue(person, q.param(), (int) total(page), 1))).isEmpty();
                }
            }
        }
        assertThat(items(queue("pc.stp", "unit", Integer.MAX_VALUE, 200))).as("a page past every end is empty").isEmpty();
        var farPast = as("tn.ttpvhcc").get().uri("/api/v1/dossiers?page={p}&size=200", Integer.MAX_VALUE).retrieve().toEntity(MAP);
        assertThat(farPast.getStatusCode().value()).isEqualTo(200);
        assertThat(total(queue("cv.stp", "mine", 0, 200))).isPositive();
        assertThat(total(queue("pc.stp", "unit", 0, 200))).isPositive();
    }

    @Test
    void aMoveChangesTheCountsOfTheQueuesItLeavesAndEntersByOne() {
        var assigner = counts(queue("pc.stp", "unit", 0, 1));
        var specialist = counts(queue("cv.stp", "unit", 0, 1));
        var admin = counts(queue("admin", "unit", 0, 1));

        // received for H36.10 under the default process: the first step is the assigner's, nobody assigned yet
        String code = received("Lò Văn Páo", "0913100333");
        assertThat(counts(queue("pc.stp", "unit", 0, 1))).containsEntry("unit", plus(assigner, "unit", 1))
                .containsEntry("mine", plus(assigner, "mine", 0));
        assertThat(counts(queue("cv.stp", "unit", 0, 1))).as("not the specialist's step").isEqualTo(specialist);
        assertThat(counts(queue("admin", "unit", 0, 1))).as("the province sees it, but no step waits for ADMIN")
                .containsEntry("unit", plus(admin, "unit", 0)).containsEntry("mine", 0);

        ok(act("pc.stp", code, Map.of("action", "ASSIGN", "assignee", "cv.stp")));
        assertThat(counts(queue("pc.stp", "unit", 0, 1))).containsEntry("unit", plus(assigner, "unit", 0));
        assertThat(counts(queue("cv.stp", "unit", 0, 1))).containsEntry("mine", plus(specialist, "mine", 1))
                .containsEntry("unit", plus(specialist, "unit", 0));
        assertThat(DossierProcessingApiTests.codes(queue("cv.stp", "mine", 0, 200))).contains(code);
    }

    @Test
    void aStepThatNamesNoUnitIsInTheQueueOfTheUnitScopedHoldersOfItsRole() {
        // assigned without a unit (the page's form names none): the review step then names no unit either
        String code = received("Lò Thị Vàng", "0913100555");
        ok(act("pc.stp", code, Map.of("action", "ASSIGN", "assignee", "cv.stp")));
        ok(act("cv.stp", code, Map.of("action", "COMPLETE_STEP")));
        var unitHead = queue("tp.stp", "unit", 0, 200);
        assertThat(DossierProcessingApiTests.codes(unitHead)).as("the unit head of the agency may take it, so sees it").contains(code);
        ok(act("tp.stp", code, Map.of("action", "COMPLETE_STEP")));
        ok(act("gd.stp", code, Map.of("action", "APPROVE")));
        assertThat(DossierProcessingApiTests.codes(queue("vt.stp", "unit", 0, 200))).as("and the clerk the issue step").contains(code);
    }

    @Test
    void theNameSearchFindsAFoldedNameByAFragmentFromItsMiddle() {
        String code = received("Đặng Thị Ngọc Ánh", "0913100444");
        for (String typed : List.of("ngoc anh", "thi ngoc", "Ngọc Ánh", "ĐẶNG THỊ", "dang thi ngoc anh", code)) {
            assertThat(searched("tn.ttpvhcc", typed)).as(typed).contains(code);
        }
        for (String typed : List.of("ngoc_anh", "ngoc%anh", "anh ngoc")) {
            assertThat(searched("tn.ttpvhcc", typed)).as(typed + " is not a pattern").doesNotContain(code);
        }
        assertThat(searched("tn.xuanhuong", "ngoc anh")).as("outside the commune desk's scope").doesNotContain(code);
    }

    /** A state without a queue lists every dossier of the caller's scope in that state, one no work queue holds too. */
    @Test
    void aStateWithoutAQueueListsTheDossiersOfTheScopeInThatState() {
        String code = received("Tạ Thị Thu Trang", "0913777123");
        ok(act("pc.stp", code, Map.of("action", "ASSIGN", "assignee", "cv.stp")));
        ok(act("cv.stp", code, Map.of("action", "COMPLETE_STEP", "note", "Đủ điều kiện")));
        ok(act("tp.stp", code, Map.of("action", "COMPLETE_STEP")));
        ok(act("gd.stp", code, Map.of("action", "APPROVE")));
        ok(act("vt.stp", code, Map.of("action", "ISSUE_RESULT", "resultNumber", "77/PLLTP", "resultDate",
                java.time.LocalDate.now(DossierWords.VIETNAM).toString())));
        ok(act("tn.ttpvhcc", code, Map.of("action", "RETURN_RESULT", "delivery", "COUNTER", "receivedBy", "Tạ Thị Thu Trang")));

        var returned = stated("gd.stp", "RETURNED");
        assertThat(returned).containsEntry("queue", null);
        assertThat(DossierProcessingApiTests.codes(returned)).contains(code);
        @SuppressWarnings("unchecked")
        var items = (List<Map<String, Object>>) returned.get("items");
        assertThat(items).extracting(i -> i.get("state")).containsOnly("RETURNED");
        assertThat(((Number) returned.get("total")).longValue()).isGreaterThanOrEqualTo(1);
        assertThat(DossierProcessingApiTests.codes(stated("tn.ttpvhcc", "RETURNED"))).as("the desk that received it").contains(code);
        assertThat(DossierProcessingApiTests.codes(stated("tn.xuanhuong", "RETURNED"))).as("outside the commune's scope").doesNotContain(code);
        assertThat(DossierProcessingApiTests.codes(stated("gd.stp", "IN_PROCESSING"))).doesNotContain(code);
    }

    /** The centre's manager watches what the centre received, wherever it is handled; the desk's queues stay its own. */
    @Test
    void theCentreManagersOverdueQueueHoldsTheDossiersReceivedAtTheCentre() {
        String code = "CM-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        // received at the centre in March 2019 for the Department of Agriculture (whose figures no oversight test reads),
        // still in processing: overdue since then
        String line = """
                {"MaHoSo":"%s","MaTTHC":"3.000334","MaDonViTiepNhan":"H36.50","MaDonViXuLy":"H36.12","KenhThucHien":1,"ChuHoSo":"Lạc Văn Tùng","NgayTiepNhan":"20190304080000","NgayHenTra":"20190308170000","TrangThaiHoSo":4,"QuaTrinhXuLy":[{"ThoiDiem":"20190304080000","TrangThaiHoSo":2},{"ThoiDiem":"20190304090000","TrangThaiHoSo":4,"TenBuoc":"Thẩm định"}]}"""
                .formatted(code);
        var report = as("admin").post().uri("/api/v1/dossiers/history-imports?wait=true&fileName=qua-han.jsonl")
                .contentType(MediaType.parseMediaType("application/x-ndjson")).body(line.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .retrieve().toEntity(MAP);
        assertThat(report.getStatusCode().is2xxSuccessful()).as(String.valueOf(report.getBody())).isTrue();
        assertThat(HistoryImportApiTests.rejects(report.getBody())).as("the line is imported").isEmpty();
        assertThat(DossierProcessingApiTests.codes(queue("gd.ttpvhcc", "overdue", 0, 200))).as("the centre's manager").contains(code);
        assertThat(DossierProcessingApiTests.codes(queue("gd.stp", "overdue", 0, 200))).as("another Department").doesNotContain(code);
        assertThat(DossierProcessingApiTests.codes(queue("ct.xuanhuong", "overdue", 0, 200))).as("another agency").doesNotContain(code);
    }

    Map<String, Object> stated(String user, String state) {
        var r = as(user).get().uri("/api/v1/dossiers?state={s}&size=200", state).retrieve().toEntity(MAP);
        assertThat(r.getStatusCode().value()).as(user + " " + state + ": " + r.getBody()).isEqualTo(200);
        return r.getBody();
    }

    // --- helpers -----------------------------------------------------------------------------------------------------

    String received(String name, String phone) {
        var body = DossierIntakeApiTests.receive(DossierProcessingApiTests.RECORD, "H36.10", DossierIntakeApiTests.citizen(name, phone),
                everything());
        return DossierIntakeApiTests.code(as("tn.ttpvhcc").post().uri("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(MAP));
    }

    List<Map<String, Object>> everything() {
        var p = anonymous().get().uri("/api/v1/procedures/{c}", DossierProcessingApiTests.RECORD).retrieve().toEntity(MAP).getBody();
        @SuppressWarnings("unchecked")
        var record = p.containsKey("record") ? (Map<String, Object>) p.get("record") : p;
        var out = new java.util.ArrayList<Map<String, Object>>();
        for (int i = 1; i <= ((List<?>) record.get("documents")).size(); i++) {
            out.add(new java.util.HashMap<>(Map.of("requirement", Integer.toString(i), "originals", 1, "copies", 0)));
        }
        return out;
    }

    org.springframework.http.ResponseEntity<Map<String, Object>> act(String user, String code, Map<String, Object> body) {
        return as(user).post().uri("/api/v1/dossiers/{c}/actions", code).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(MAP);
    }

    static void ok(org.springframework.http.ResponseEntity<Map<String, Object>> r) {
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
    }

    Map<String, Object> queue(String user, String queue, int page, int size) {
        var r = as(user).get().uri("/api/v1/dossiers?queue={q}&page={p}&size={s}", queue, page, size).retrieve().toEntity(MAP);
        assertThat(r.getStatusCode().value()).as(user + " " + queue + ": " + r.getBody()).isEqualTo(200);
        return r.getBody();
    }

    @SuppressWarnings("unchecked")
    List<String> searched(String user, String q) {
        var r = as(user).get().uri("/api/v1/dossiers?q={q}&size=200", q).retrieve().toEntity(MAP);
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
        return ((List<Map<String, Object>>) r.getBody().get("items")).stream().map(i -> (String) i.get("code")).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> counts(Map<String, Object> page) {
        return (Map<String, Object>) page.get("counts");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    static long total(Map<String, Object> page) {
        return ((Number) page.get("total")).longValue();
    }

    static int plus(Map<String, Object> counts, String queue, int n) {
        return ((Number) counts.get(queue)).intValue() + n;
    }
}
