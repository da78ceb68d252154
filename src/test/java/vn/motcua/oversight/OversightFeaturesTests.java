package vn.motcua.oversight;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.IntegrationTest;
import vn.motcua.organization.AgencyDirectory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.oversight.OversightApiTests.MAP;
import static vn.motcua.oversight.OversightApiTests.assertProblem;
import static vn.motcua.oversight.OversightApiTests.indicator;
import static vn.motcua.oversight.OversightApiTests.number;

/**
 * The province's targets (entered by the reform officer, audited, refused cleanly when stale or wrong), the centre's
 * figures fed by a dossier received through the API, the drill-down's totals against the report, and the report as
 * a PDF.
 */
class OversightFeaturesTests extends IntegrationTest {

    static final ParameterizedTypeReference<List<Map<String, Object>>> ENTRIES = new ParameterizedTypeReference<>() { };

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AgencyDirectory agencies;

    @Test
    @SuppressWarnings("unchecked")
    void theReformOfficerSetsTheProvincesTargetsAndTheIndexShowsThem() {
        int year = 2030 + (int) (Math.abs(System.nanoTime()) % 60);
        var none = as("giamsat.snv").get().uri("/api/v1/oversight/targets/{y}", year).retrieve().toEntity(MAP);
        assertThat(none.getBody()).containsEntry("version", 0);
        assertThat(none.getHeaders().getETag()).isEqualTo("\"0\"");

        var set = as("giamsat.snv").put().uri("/api/v1/oversight/targets/{y}", year).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("targets", Map.of("2.1", 0.95, "5.4", 0.925))).retrieve().toEntity(MAP);
        assertThat(set.getStatusCode().value()).as(String.valueOf(set.getBody())).isEqualTo(200);
        assertThat(set.getBody()).containsEntry("version", 1).containsEntry("updatedBy", "giamsat.snv");

        // someone else's edit made from version 0 fails cleanly; so does one without a version
        assertProblem(as("admin").put().uri("/api/v1/oversight/targets/{y}", year).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("targets", Map.of("2.1", 0.8))).retrieve().toEntity(MAP), 409, "oversight.target-stale");
        assertProblem(as("admin").put().uri("/api/v1/oversight/targets/{y}", year)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("targets", Map.of("2.1", 0.8))).retrieve().toEntity(MAP), 428, "oversight.version-required");
        // a leader reads figures but does not set the province's targets
        assertThat(as("gd.stp").put().uri("/api/v1/oversight/targets/{y}", year).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("targets", Map.of("2.1", 0.8))).retrieve().toEntity(MAP)
                .getStatusCode().value()).isEqualTo(403);
        var wrong = as("giamsat.snv").put().uri("/api/v1/oversight/targets/{y}", year).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("targets", Map.of("2.1", 1.5, "9.9", 0.5, "3.6", 0.12345)))
                .retrieve().toEntity(MAP);
        assertProblem(wrong, 400, "oversight.target-invalid");
        var fields = ((List<Map<String, Object>>) wrong.getBody().get("invalidParams")).stream().map(p -> (String) p.get("name")).toList();
        assertThat(fields).containsExactlyInAnyOrder("targets.2.1", "targets.9.9", "targets.3.6");

        var index = as("admin").get().uri("/api/v1/oversight/index766?period={y}", year).retrieve().toEntity(MAP).getBody();
        assertThat(new java.math.BigDecimal(indicator(index, "2.1").get("provinceTarget").toString())).isEqualByComparingTo("0.95");
        assertThat(new java.math.BigDecimal(indicator(index, "5.4").get("provinceTarget").toString())).isEqualByComparingTo("0.925");
        assertThat(indicator(index, "3.6").get("provinceTarget")).isNull();

        var audit = as("admin").get().uri("/api/v1/audit?limit=50").retrieve().toEntity(ENTRIES).getBody();
        assertThat(audit).anySatisfy(e -> {
            assertThat(e).containsEntry("action", "OVERSIGHT_TARGETS_SET").containsEntry("actor", "giamsat.snv")
                    .containsEntry("target", "province-targets:" + year);
            assertThat((String) e.get("summary")).contains("2.1 = 95%").contains("5.4 = 92.5%");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDossierReceivedAtTheDeskShowsInTheCentresFigures() {
        var before = as("gd.ttpvhcc").get().uri("/api/v1/oversight/centre").retrieve().toEntity(MAP);
        assertThat(before.getStatusCode().value()).as(String.valueOf(before.getBody())).isEqualTo(200);
        OversightApiTests.receive(anonymous(), as("tn.ttpvhcc"), "Phạm Văn Quầy " + unique());
        var after = as("gd.ttpvhcc").get().uri("/api/v1/oversight/centre").retrieve().toEntity(MAP).getBody();
        assertThat(number(after, "receivedToday")).isEqualTo(number(before.getBody(), "receivedToday") + 1);
        assertThat(received((List<Map<String, Object>>) after.get("officers"), "tn.ttpvhcc"))
                .isEqualTo(received((List<Map<String, Object>>) before.getBody().get("officers"), "tn.ttpvhcc") + 1);
        assertThat(queue(after, "IN_PROCESSING")).isEqualTo(queue(before.getBody(), "IN_PROCESSING") + 1);
        // a leader of the Department of Justice sees the centre only for their own agency
        assertProblem(as("gd.stp").get().uri("/api/v1/oversight/centre?agency=H36.50").retrieve().toEntity(MAP), 403, "oversight.outside-scope");
        assertProblem(as("gd.ttpvhcc").get().uri("/api/v1/oversight/centre?day=hôm-nay").retrieve().toEntity(MAP), 400, "oversight.period-invalid");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyFigureOfTheReportListsAsManyDossiersAsItCounts() {
        var justice = agencies.findByElectronicId("H36.10").orElseThrow();
        String run = fresh();
        Facts.insert(jdbc, run + "-1", justice.id(), "3.000334", "ONLINE", "2024-05-02T08:00", "2024-05-09T08:00", "2024-05-05T10:00", "RESOLVED");
        Facts.insert(jdbc, run + "-2", justice.id(), "3.000334", "DIRECT", "2024-04-03T08:00", "2024-05-10T08:00", "2024-05-12T10:00", "RESOLVED");
        Facts.insert(jdbc, run + "-3", justice.id(), "3.000334", "POSTAL", "2024-05-20T08:00", "2024-05-25T08:00", "2024-06-15T08:00", "RESOLVED"); // open at May's end
        Facts.insert(jdbc, run + "-4", justice.id(), "3.000334", "DIRECT", "2024-05-23T08:00", "2024-06-10T08:00", "2024-05-24T09:00", "STOPPED");
        Facts.insert(jdbc, run + "-5", justice.id(), "3.000334", "DIRECT", "2024-05-23T08:00", "2024-06-10T08:00", "2024-05-24T09:00", "REFUSED");
        var total = (Map<String, Object>) as("gd.stp").get().uri("/api/v1/oversight/reports/handling?agency=H36.10&period=2024-05").retrieve()
                .toEntity(MAP).getBody().get("total");
        for (String measure : List.of("received", "carriedOver", "newDirect", "newOnline", "newPostal", "resolved", "resolvedEarly",
                "resolvedOnTime", "resolvedLate", "refused", "inProgress", "inProgressOnTime", "inProgressOverdue", "stopped", "apologies", "onTime")) {
            var list = as("gd.stp").get().uri("/api/v1/oversight/dossiers?agency=H36.10&period=2024-05&measure={m}&size=200", measure)
                    .retrieve().toEntity(MAP);
            assertThat(list.getStatusCode().value()).as(measure + " " + list.getBody()).isEqualTo(200);
            assertThat(number(list.getBody(), "total")).as(measure).isEqualTo(number(total, measure));
            assertThat((List<?>) list.getBody().get("rows")).as(measure).hasSize((int) number(total, measure));
        }
        var late = as("gd.stp").get().uri("/api/v1/oversight/dossiers?agency=H36.10&period=2024-05&measure=resolved-late").retrieve()
                .toEntity(MAP).getBody();
        var row = ((List<Map<String, Object>>) late.get("rows")).getFirst();
        assertThat(row).containsEntry("code", "TEST-" + run + "-2").containsEntry("procedureCode", "3.000334").containsEntry("late", true);
        assertThat(late).containsEntry("measure", "resolvedLate");
        // scope, and what cannot be listed
        assertProblem(as("gd.stp").get().uri("/api/v1/oversight/dossiers?agency=H36.14&period=2024-05&measure=late").retrieve().toEntity(MAP),
                403, "oversight.outside-scope");
        assertProblem(as("gd.stp").get().uri("/api/v1/oversight/dossiers?period=2024-05&measure=late").retrieve().toEntity(MAP),
                403, "oversight.outside-scope");
        assertProblem(as("gd.stp").get().uri("/api/v1/oversight/dossiers?agency=H36.10&period=2024-05&measure=everything").retrieve().toEntity(MAP),
                400, "oversight.measure-invalid");
        assertProblem(as("gd.stp").get().uri("/api/v1/oversight/dossiers?agency=H36.10&period=2024-05&measure=late&page=0").retrieve().toEntity(MAP),
                400, "oversight.page-invalid");
        assertProblem(as("gd.stp").get().uri("/api/v1/oversight/dossiers?agency=H36.10&period=2024-5&measure=late").retrieve().toEntity(MAP),
                400, "oversight.period-invalid");
        assertProblem(as("gd.stp").get().uri("/api/v1/oversight/dossiers?agency=H36.10&period=2024-05&measure=late&page=x").retrieve().toEntity(MAP),
                400, "oversight.number-invalid");
    }

    @Test
    void theReportIsAPdfWithItsTitleAndFigures() throws Exception {
        var justice = agencies.findByElectronicId("H36.10").orElseThrow();
        Facts.insert(jdbc, fresh() + "-pdf", justice.id(), "3.000334", "DIRECT", "2024-09-02T08:00", "2024-09-09T08:00", "2024-09-05T10:00", "RESOLVED");
        var pdf = as("gd.stp").get().uri("/api/v1/oversight/reports/handling?agency=H36.10&period=2024-09&format=pdf").retrieve().toEntity(byte[].class);
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        assertThat(pdf.getHeaders().getContentDisposition().getFilename()).isEqualTo("bao-cao-giai-quyet-tthc-2024-09.pdf");
        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(Path.of("target/screenshots/report-2024-09.pdf"), pdf.getBody());
        try (var document = Loader.loadPDF(pdf.getBody())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH").contains("Sở Tư pháp").contains("Tháng 9/2024")
                    .contains("Theo lĩnh vực").contains("Tổng số");
        }
        assertProblem(as("gd.stp").get().uri("/api/v1/oversight/reports/handling?agency=H36.10&period=2024-09&format=doc").retrieve().toEntity(MAP),
                400, "oversight.format-invalid");
    }

    static long received(List<Map<String, Object>> officers, String username) {
        return officers.stream().filter(o -> username.equals(o.get("username"))).mapToLong(o -> number(o, "received")).sum();
    }

    @SuppressWarnings("unchecked")
    static long queue(Map<String, Object> centre, String code) {
        return ((List<Map<String, Object>>) centre.get("queues")).stream().filter(q -> code.equals(q.get("code")))
                .mapToLong(q -> number(q, "waiting")).sum();
    }
}
