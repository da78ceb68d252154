package vn.motcua.oversight;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.IntegrationTest;
import vn.motcua.WebSession;
import vn.motcua.organization.AgencyDirectory;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The periodic report of June 2025 for the Department of Justice: dossiers of two fields (criminal records and
 * certification), written into the projection by hand; the report's columns add up the same by field, by agency and
 * in total, and the csv, the workbook and the page say the same.
 */
class HandlingReportTests extends IntegrationTest {

    static final List<String> COLUMNS = List.of("received", "carriedOver", "newDirect", "newOnline", "newPostal", "resolved",
            "resolvedEarly", "resolvedOnTime", "resolvedLate", "refused", "inProgress", "inProgressOnTime", "inProgressOverdue",
            "stopped", "apologies");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AgencyDirectory agencies;

    @Test
    @SuppressWarnings("unchecked")
    void theColumnsAddUpAcrossGroupingsAndEveryFormatSaysTheSame() throws Exception {
        var justice = agencies.findByElectronicId("H36.10").orElseThrow();
        String run = fresh();
        // 3.000334 (Lý lịch tư pháp) and another procedure of another field, received in June 2025
        fact(run + "-1", justice.id(), "3.000334", "ONLINE", "2025-06-02T08:00", "2025-06-09T08:00", "2025-06-05T10:00", "RESOLVED");
        fact(run + "-2", justice.id(), "3.000334", "DIRECT", "2025-06-03T08:00", "2025-06-10T08:00", "2025-06-12T10:00", "RESOLVED");
        fact(run + "-3", justice.id(), "2.000908", "POSTAL", "2025-06-20T08:00", "2025-06-25T08:00", null, null);
        fact(run + "-4", justice.id(), "2.000908", "DIRECT", "2025-06-23T08:00", "2025-07-10T08:00", "2025-06-24T09:00", "STOPPED");

        var report = as("gd.stp").get().uri("/api/v1/oversight/reports/handling?agency=H36.10&period=2025-06").retrieve()
                .toEntity(new ParameterizedTypeReference<Map<String, Object>>() { }).getBody();
        var total = (Map<String, Object>) report.get("total");
        assertThat(number(total, "received")).isGreaterThanOrEqualTo(4);
        for (String group : List.of("byField", "byAgency")) {
            var rows = (List<Map<String, Object>>) report.get(group);
            assertThat(rows).as(group).isNotEmpty();
            for (String column : COLUMNS) {
                assertThat(rows.stream().mapToLong(r -> number(r, column)).sum()).as(group + " " + column).isEqualTo(number(total, column));
            }
        }
        assertThat(number(total, "carriedOver") + number(total, "newDirect") + number(total, "newOnline") + number(total, "newPostal"))
                .isEqualTo(number(total, "received"));
        assertThat(number(total, "resolved") + number(total, "inProgress") + number(total, "stopped")).isEqualTo(number(total, "received"));

        var csv = as("gd.stp").get().uri("/api/v1/oversight/reports/handling?agency=H36.10&period=2025-06&format=csv").retrieve()
                .toEntity(byte[].class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        byte[] bytes = csv.getBody();
        assertThat(new byte[]{bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text.lines().findFirst().orElseThrow()).startsWith("Nhóm,Tên,Tổng số tiếp nhận,Kỳ trước chuyển sang");
        assertThat(text.lines().reduce((a, b) -> b).orElseThrow()).startsWith("Tổng số,Tổng số," + number(total, "received") + ",");

        var xlsx = as("gd.stp").get().uri("/api/v1/oversight/reports/handling?agency=H36.10&period=2025-06&format=xlsx").retrieve()
                .toEntity(byte[].class);
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            var sheets = workbook.getSheets().toList();
            assertThat(sheets).extracting(s -> s.getName()).containsExactly("Theo lĩnh vực", "Theo cơ quan");
            var rows = sheets.getFirst().read();
            var last = rows.getLast();
            assertThat(last.getCellText(1)).isEqualTo("Tổng số");
            assertThat(last.getCellAsNumber(2).orElseThrow().longValue()).isEqualTo(number(total, "received"));
        }

        var bad = as("gd.stp").get().uri("/api/v1/oversight/reports/handling?agency=H36.10&period=2025-06&format=doc").retrieve()
                .toEntity(new ParameterizedTypeReference<Map<String, Object>>() { });
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody()).containsEntry("code", "oversight.format-invalid");

        var leader = new WebSession(baseUrl(), "203.0.113.91");
        leader.login("gd.stp", DEMO_PASSWORD);
        var page = leader.get("/oversight/report?period=2025-06&agency=H36.10");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Báo cáo tình hình, kết quả giải quyết thủ tục hành chính").contains("Tháng 6/2025")
                .contains("id=\"by-field\"").contains("id=\"by-agency\"").contains("format=xlsx");
        // without an agency the page opens on the leader's own (the province would be outside the scope)
        var own = leader.get("/oversight/report?period=2025-06");
        assertThat(own.body()).contains("value=\"H36.10\"").contains("id=\"by-field\"");
        var outside = leader.get("/oversight/report?period=2025-06&agency=H36.14");
        assertThat(outside.body()).contains("is-invalid").contains("nằm ngoài phạm vi");
    }

    static long number(Map<String, Object> row, String key) {
        return ((Number) row.get(key)).longValue();
    }

    private void fact(String code, java.util.UUID agency, String procedure, String channel, String received, String due, String ended, String end) {
        Facts.insert(jdbc, code, agency, procedure, channel, received, due, ended, end);
    }
}
