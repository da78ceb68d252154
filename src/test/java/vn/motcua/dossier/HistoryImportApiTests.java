package vn.motcua.dossier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.IntegrationTest;
import vn.motcua.WebSession;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The historical import through HTTP, as an administrator (or the benchmark generator) uses it: dossiers with their
 * histories become dossiers (by code, in the public lookup) and oversight counts them; the same file again changes
 * nothing; bad lines are refused one by one with their line number, stable code and reason; bounds are 4xx problems.
 * The expected figures are worked by hand from the lines (vn-rules §7.3: the supplement interval is subtracted).
 */
class HistoryImportApiTests extends IntegrationTest {

    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };
    static final String RECORD = "3.000334";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    vn.motcua.catalog.ProcedureCatalog catalog;

    /** Received Mon 04/03/2019 08:00, due Fri 08/03 17:00, result Thu 07/03 (a day early), returned Fri 08/03. */
    static String early(String code) {
        return """
                {"MaHoSo":"%s","MaTTHC":"3.000334","MaDonViTiepNhan":"H36.50","MaDonViXuLy":"H36.10","KenhThucHien":1,"ChuHoSo":"Phạm Văn Bình","SoDinhDanh":"068090000111","NgayTiepNhan":"20190304080000","NgayHenTra":"20190308170000","NgayKetThucXuLy":"20190307100000","NgayTra":"20190308090000","TrangThaiHoSo":10,"QuaTrinhXuLy":[{"ThoiDiem":"20190304080000","TrangThaiHoSo":2,"NguoiXuLy":"Trần Thị Mai","NoiDung":"Tiếp nhận hồ sơ"},{"ThoiDiem":"20190304090000","TrangThaiHoSo":4,"TenBuoc":"Phân công"},{"ThoiDiem":"20190305160000","TrangThaiHoSo":4,"TenBuoc":"Thẩm định","HanXuLy":"20190305170000","QuaHanPhut":0},{"ThoiDiem":"20190307100000","TrangThaiHoSo":9},{"ThoiDiem":"20190308090000","TrangThaiHoSo":10,"NoiDung":"Đã trả kết quả tại quầy"}]}"""
                .formatted(code);
    }

    /**
     * Received Mon 04/03 08:00 due Fri 08/03 17:00; a supplement asked Tue 05/03 09:00 and brought Wed 06/03 09:00, the
     * clock restarted to Mon 11/03 17:00; the appraisal handed on Tue 12/03 16:00, 420 working minutes past its step;
     * result Wed 13/03 10:00: minus the 24 hours waited that is Tue 12/03 10:00, after the appointment: late.
     */
    static String late(String code) {
        return """
                {"MaHoSo":"%s","MaTTHC":"3.000334","MaDonViTiepNhan":"H36.50","MaDonViXuLy":"H36.10","KenhThucHien":1,"ChuHoSo":"Lê Thị Cúc","NgayTiepNhan":"20190304080000","NgayHenTra":"20190311170000","NgayKetThucXuLy":"20190313100000","NgayTra":"20190313150000","TrangThaiHoSo":10,"QuaTrinhXuLy":[{"ThoiDiem":"20190304080000","TrangThaiHoSo":2,"NgayHenTra":"20190308170000"},{"ThoiDiem":"20190304090000","TrangThaiHoSo":4},{"ThoiDiem":"20190305090000","TrangThaiHoSo":5,"NoiDung":"Yêu cầu bổ sung bản sao sổ hộ khẩu"},{"ThoiDiem":"20190306090000","TrangThaiHoSo":4,"NgayHenTra":"20190311170000"},{"ThoiDiem":"20190312160000","TrangThaiHoSo":4,"TenBuoc":"Thẩm định","DonViXuLy":"H36.10","PhongBanXuLy":"Phòng Hành chính tư pháp","HanXuLy":"20190311170000","QuaHanPhut":420},{"ThoiDiem":"20190313100000","TrangThaiHoSo":9},{"ThoiDiem":"20190313150000","TrangThaiHoSo":10}]}"""
                .formatted(code);
    }

    /** Submitted online Sun 03/03 20:00, accepted Mon 04/03 08:00, withdrawal asked Tue 05/03 09:00 and stopped at 10:00. */
    static String stopped(String code) {
        return """
                {"MaHoSo":"%s","MaTTHC":"3.000334","MaDonViTiepNhan":"H36.50","MaDonViXuLy":"H36.10","KenhThucHien":2,"ChuHoSo":"Đỗ Minh Tâm","NgayNopHoSo":"20190303200000","NgayTiepNhan":"20190304080000","NgayHenTra":"20190308170000","NgayKetThucXuLy":"20190305100000","TrangThaiHoSo":8,"QuaTrinhXuLy":[{"ThoiDiem":"20190303200000","TrangThaiHoSo":1},{"ThoiDiem":"20190304080000","TrangThaiHoSo":2},{"ThoiDiem":"20190304090000","TrangThaiHoSo":4},{"ThoiDiem":"20190305090000","TrangThaiHoSo":7},{"ThoiDiem":"20190305100000","TrangThaiHoSo":8}]}"""
                .formatted(code);
    }

    static String code(String run, int n) {
        return ("CU-" + run + "-" + n).toUpperCase(Locale.ROOT);
    }

    Map<String, Object> post(String user, String body, boolean wait) {
        return as(user).post().uri("/api/v1/dossiers/history-imports?wait=" + wait + "&fileName=lich-su.jsonl")
                .contentType(MediaType.parseMediaType("application/x-ndjson")).body(body.getBytes(StandardCharsets.UTF_8))
                .retrieve().body(MAP);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> job(Map<String, Object> report) {
        return (Map<String, Object>) report.get("job");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rejects(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("rejects");
    }

    Map<String, Object> march2019() {
        var figures = as("admin").get().uri("/api/v1/oversight/handling?agency=H36.10&from=2019-03-01&to=2019-03-31")
                .retrieve().body(new ParameterizedTypeReference<List<Map<String, Object>>>() { });
        return figures.isEmpty() ? Map.of() : figures.getFirst(); // nothing counted yet: no row
    }

    static long n(Map<String, Object> figures, String key) {
        return figures.containsKey(key) ? ((Number) figures.get(key)).longValue() : 0;
    }

    @Test
    void importedDossiersAreDossiersOversightCountsAndTheSameFileAgainChangesNothing() {
        String run = fresh();
        String file = String.join("\n", early(code(run, 1)), late(code(run, 2)), stopped(code(run, 3))) + "\n";
        var before = march2019();

        var first = post("admin", file, true);
        assertThat(job(first)).containsEntry("state", "DONE").containsEntry("totalLines", 3).containsEntry("doneLines", 3)
                .containsEntry("imported", 3).containsEntry("already", 0).containsEntry("rejected", 0);

        var dossier = as("admin").get().uri("/api/v1/dossiers/" + code(run, 2)).retrieve().body(MAP);
        assertThat(dossier).containsEntry("state", "RETURNED").containsEntry("nationalStatus", 10).containsEntry("supplementCount", 1);
        var lookup = anonymous().get().uri("/api/v1/public/dossiers/" + code(run, 1)).retrieve().body(MAP);
        assertThat(lookup).containsEntry("nationalStatus", 10).containsEntry("applicantName", "Phạm V** B***");
        assertThat((List<?>) lookup.get("timeline")).hasSize(5);
        assertThat(((Map<?, ?>) ((List<?>) lookup.get("timeline")).getLast()).get("text")).isEqualTo("Đã trả kết quả tại quầy");

        var after = march2019();
        assertThat(n(after, "received") - n(before, "received")).isEqualTo(3);
        assertThat(n(after, "newDirect") - n(before, "newDirect")).isEqualTo(2);
        assertThat(n(after, "newOnline") - n(before, "newOnline")).isEqualTo(1);
        assertThat(n(after, "resolved") - n(before, "resolved")).isEqualTo(2);
        assertThat(n(after, "resolvedEarly") - n(before, "resolvedEarly")).isEqualTo(1);
        assertThat(n(after, "resolvedLate") - n(before, "resolvedLate")).isEqualTo(1);
        assertThat(n(after, "stopped") - n(before, "stopped")).isEqualTo(1);
        assertThat(jdbc.sql("select late_minutes from oversight.late_step where code = :c and unit = 'Phòng Hành chính tư pháp'")
                .param("c", code(run, 2)).query(Integer.class).list()).containsExactly(420);

        var again = post("admin", file, true);
        assertThat(job(again)).containsEntry("imported", 0).containsEntry("already", 3).containsEntry("rejected", 0);
        assertThat(march2019()).isEqualTo(after);
        assertThat(jdbc.sql("select count(*) from dossier.history h join dossier.dossier d on d.id = h.dossier_id where d.code = :c")
                .param("c", code(run, 2)).query(Long.class).single()).isEqualTo(7);

        // rebuilt from the dossier histories, the imported dossiers' rows are the same
        var facts = jdbc.sql("select * from oversight.dossier_fact where code like :p order by code").param("p", "CU-" + run.toUpperCase(Locale.ROOT) + "-%")
                .query().listOfRows();
        var rebuilt = as("admin").post().uri("/api/v1/oversight/projections/rebuild?wait=true").retrieve().body(MAP);
        assertThat(((Number) rebuilt.get("dossiers")).longValue()).isGreaterThanOrEqualTo(3);
        assertThat(jdbc.sql("select * from oversight.dossier_fact where code like :p order by code").param("p", "CU-" + run.toUpperCase(Locale.ROOT) + "-%")
                .query().listOfRows()).hasSize(3).isEqualTo(facts);
        assertThat(jdbc.sql("select count(*) from audit.record where action = 'OVERSIGHT_PROJECTIONS_REBUILT'").query(Long.class).single())
                .isPositive();
    }

    @Test
    void badLinesAreRefusedEachWithItsLineCodeAndReasonAndTheRestIsImported() {
        String run = fresh();
        String ok = early(code(run, 1));
        String file = String.join("\n",
                ok,
                "{\"MaHoSo\": \"" + code(run, 2) + "\", ",
                early(code(run, 3)).replace("{\"ThoiDiem\":\"20190304090000\",\"TrangThaiHoSo\":4,\"TenBuoc\":\"Phân công\"},"
                        + "{\"ThoiDiem\":\"20190305160000\",\"TrangThaiHoSo\":4,\"TenBuoc\":\"Thẩm định\",\"HanXuLy\":\"20190305170000\",\"QuaHanPhut\":0},", ""),
                early(code(run, 4)).replace("\"MaTTHC\":\"3.000334\"", "\"MaTTHC\":\"9.999999\""),
                early(code(run, 5)).replace("\"NgayTiepNhan\":\"20190304080000\"", "\"NgayTiepNhan\":\"2019-03-04 08:00\""),
                early(code(run, 1)).replace("Phạm Văn Bình", "Phạm Văn Bính"),
                early(code(run, 7)).replace("\"TrangThaiHoSo\":10,\"QuaTrinhXuLy\"", "\"TrangThaiHoSo\":9,\"QuaTrinhXuLy\""),
                early(code(run, 8)).replace("\"TrangThaiHoSo\":9}", "\"TrangThaiHoSo\":11}"),
                early(code(run, 9)).replace("\"MaDonViXuLy\":\"H36.10\"", "\"MaDonViXuLy\":\"H99.99\""),
                early(code(run, 10)).replace("20190308090000", "20390308090000"), // a mistyped year: returned in 2039
                "{\"MaHoSo\": 12, \"QuaTrinhXuLy\": \"none\"}");

        var report = post("admin", file, true);
        assertThat(job(report)).containsEntry("totalLines", 11).containsEntry("imported", 1).containsEntry("rejected", 10);
        assertThat(rejects(report)).extracting(r -> r.get("line") + " " + r.get("code")).containsExactly(
                "2 history-import.not-json",
                "3 history-import.illegal-move",
                "4 history-import.unknown-procedure",
                "5 history-import.bad-time",
                "6 history-import.conflict",
                "7 history-import.inconsistent",
                "8 history-import.bad-status",
                "9 history-import.unknown-agency",
                "10 history-import.future-time",
                "11 history-import.not-json");
        assertThat(rejects(report).get(8).get("message").toString()).contains("2039").contains("đã xảy ra");
        // the reason in words, not the parser's English or a Java class name
        assertThat(rejects(report).get(9).get("message").toString()).contains("QuaTrinhXuLy").doesNotContain("vn.motcua").doesNotContain("Cannot");
        assertThat(rejects(report).get(1).get("message").toString()).contains("QuaTrinhXuLy[2]").contains("từ trạng thái 2").contains("sang 9");
        assertThat(rejects(report).get(4)).containsEntry("dossierCode", code(run, 1));
        // none of the refused lines left anything behind, and the conflicting line did not overwrite the first
        for (int n = 2; n <= 10; n++) {
            if (n != 6) {
                assertThat(as("admin").get().uri("/api/v1/dossiers/" + code(run, n)).retrieve().toBodilessEntity().getStatusCode().value())
                        .isEqualTo(404);
            }
        }
        assertThat(as("admin").get().uri("/api/v1/dossiers/" + code(run, 1)).retrieve().body(MAP).get("applicant").toString())
                .contains("Phạm Văn Bình");
    }

    @Test
    void aLineForADossierReceivedHereIsRefusedNotOverwritten() {
        int n = catalog.inForce(DossierIntakeApiTests.COPY, java.time.LocalDate.now(DossierWords.VIETNAM)).record().documents().size();
        var documents = new java.util.ArrayList<Map<String, Object>>();
        for (int i = 1; i <= n; i++) {
            documents.add(Map.of("requirement", Integer.toString(i), "originals", 1, "copies", 0));
        }
        var made = as("tn.xuanhuong").post().uri("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON)
                .body(DossierIntakeApiTests.receive(DossierIntakeApiTests.COPY, "H36.201",
                        DossierIntakeApiTests.citizen("Vũ Thị Hạnh", "0906000888"), documents))
                .retrieve().body(MAP);
        String code = made.get("code").toString();
        var before = as("admin").get().uri("/api/v1/dossiers/" + code).retrieve().body(MAP);

        var report = post("admin", early(code), true);
        assertThat(job(report)).containsEntry("imported", 0).containsEntry("rejected", 1);
        assertThat(rejects(report).getFirst()).containsEntry("line", 1).containsEntry("code", "history-import.exists")
                .containsEntry("dossierCode", code);
        var after = as("admin").get().uri("/api/v1/dossiers/" + code).retrieve().body(MAP);
        assertThat(after.get("state")).isEqualTo(before.get("state"));
        assertThat(after.get("history")).isEqualTo(before.get("history"));
    }

    @Test
    void onlyAnAdministratorImportsAndBoundsAreProblems() {
        String run = fresh();
        for (String user : List.of("cv.stp", "giamsat.snv", "tn.ttpvhcc")) {
            var refused = as(user).post().uri("/api/v1/dossiers/history-imports?wait=true").contentType(MediaType.TEXT_PLAIN)
                    .body(early(code(run, 1))).retrieve().toEntity(String.class);
            assertThat(refused.getStatusCode().value()).as(user).isEqualTo(403);
        }
        var empty = as("admin").post().uri("/api/v1/dossiers/history-imports?wait=true").contentType(MediaType.TEXT_PLAIN).body("\n  \n")
                .retrieve().toEntity(MAP);
        assertThat(empty.getStatusCode().value()).isEqualTo(400);
        assertThat(empty.getBody()).containsEntry("code", "history-import.empty");

        String longLine = early(code(run, 2)).replace("Tiếp nhận hồ sơ", "x".repeat(70_000));
        var tooLong = as("admin").post().uri("/api/v1/dossiers/history-imports?wait=true").contentType(MediaType.TEXT_PLAIN)
                .body(early(code(run, 3)) + "\n" + longLine + "\n").retrieve().toEntity(MAP);
        assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
        assertThat(tooLong.getBody()).containsEntry("code", "history-import.line-too-long");
        assertThat(tooLong.getBody().get("detail").toString()).startsWith("Dòng 2 dài hơn 65536 byte");
        // refused whole: not even the good first line was imported
        assertThat(as("admin").get().uri("/api/v1/dossiers/" + code(run, 3)).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(404);

        var tooLarge = as("admin").post().uri("/api/v1/dossiers/history-imports?wait=true").contentType(MediaType.TEXT_PLAIN)
                .body(new byte[21 * 1024 * 1024]).retrieve().toEntity(MAP);
        assertThat(tooLarge.getStatusCode().value()).isEqualTo(413);
        assertThat(tooLarge.getBody()).containsEntry("code", "too-large");
    }

    @Test
    void anAdministratorUploadsAFileFromThePageAndWatchesTheJob() throws Exception {
        String run = fresh();
        var web = new WebSession(baseUrl(), "10.12.0." + (1 + Math.floorMod(run.hashCode(), 200)));
        assertThat(web.login("admin", DEMO_PASSWORD).statusCode()).isEqualTo(302);
        var page = web.get("/admin/history-imports");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Nhập hồ sơ từ hệ thống cũ").contains("Tối đa 20 MB, 100.000 dòng, mỗi dòng 64 KB.");

        var missing = web.upload("/admin/history-imports", "", "application/octet-stream", new byte[0]);
        assertThat(missing.body()).contains("Chọn tệp cần nhập.").contains("is-invalid");

        String file = early(code(run, 1)) + "\n" + "not json\n" + stopped(code(run, 2)) + "\n";
        var uploaded = web.upload("/admin/history-imports", "cu.jsonl", "application/x-ndjson", file.getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.statusCode()).isEqualTo(302);
        String location = uploaded.headers().firstValue("Location").orElseThrow();
        String path = location.substring(location.indexOf("/admin/history-imports/"));

        // the job runs in the background; the page polls its counts until it stops asking (no more hx-trigger)
        String body = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> web.get(path + "/progress").body(), b -> !b.contains("hx-trigger"));
        assertThat(body).contains("Đã xong").contains("3 / 3 dòng");
        var done = web.get(path).body();
        assertThat(done).contains("history-import.not-json").contains("<td>2</td>");
        assertThat(as("admin").get().uri("/api/v1/dossiers/" + code(run, 2)).retrieve().body(MAP)).containsEntry("state", "STOPPED");

        var projections = web.get("/admin/oversight/projections");
        assertThat(projections.body()).contains("Dựng lại số liệu giám sát");
        var rebuilt = web.postForm("/admin/oversight/projections", "");
        assertThat(rebuilt.statusCode()).isEqualTo(302);
        // the rebuild runs in the background; the page polls the latest job until it stops asking
        String shown = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> web.get("/admin/oversight/projections/progress").body(), b -> !b.contains("hx-trigger"));
        assertThat(shown).contains("Đã xong").contains("Đã dựng lại:");
        assertThat(web.get("/admin/oversight/projections").body()).contains("Đã dựng lại:");
        var specialist = new WebSession(baseUrl(), "10.12.1.9");
        assertThat(specialist.login("cv.stp", DEMO_PASSWORD).statusCode()).isEqualTo(302);
        assertThat(specialist.get("/admin/history-imports").statusCode()).isEqualTo(403);
        assertThat(specialist.get("/admin/oversight/projections").statusCode()).isEqualTo(403);
    }
}
