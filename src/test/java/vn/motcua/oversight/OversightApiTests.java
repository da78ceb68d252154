package vn.motcua.oversight;

import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.motcua.IntegrationTest;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dossier received and handled through the API shows in the Department of Justice's figures as each move commits
 * (the projection is fed by the dossier events in their own transaction), and the index and the figures refuse what
 * they cannot answer with problem details.
 */
class OversightApiTests extends IntegrationTest {

    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };
    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };
    static final String PROCEDURE = "3.000334"; // Cấp Phiếu lý lịch tư pháp: the default process in the demo

    @Test
    void aHandledDossierMovesThroughTheFiguresAsItIsHandled() {
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        var before = totals(today);
        String code = receive("Lê Văn Thống " + unique());
        var received = totals(today);
        assertThat(number(received, "received")).isEqualTo(number(before, "received") + 1);
        assertThat(number(received, "newDirect")).isEqualTo(number(before, "newDirect") + 1);
        assertThat(number(received, "inProgressOnTime")).isEqualTo(number(before, "inProgressOnTime") + 1);

        act("pc.stp", code, Map.of("action", "ASSIGN", "assignee", "cv.stp"));
        act("cv.stp", code, Map.of("action", "COMPLETE_STEP"));
        act("tp.stp", code, Map.of("action", "COMPLETE_STEP"));
        act("gd.stp", code, Map.of("action", "APPROVE"));
        act("vt.stp", code, Map.of("action", "ISSUE_RESULT", "resultNumber", "77/PLLTP", "resultDate", today));
        var resolved = totals(today);
        assertThat(number(resolved, "received")).isEqualTo(number(received, "received"));
        assertThat(number(resolved, "resolved")).isEqualTo(number(received, "resolved") + 1);
        // ten working days to the appointment: finished the day it came in is early
        assertThat(number(resolved, "resolvedEarly")).isEqualTo(number(received, "resolvedEarly") + 1);
        assertThat(number(resolved, "inProgressOnTime")).isEqualTo(number(received, "inProgressOnTime") - 1);
        assertThat(number(resolved, "onTime")).isEqualTo(number(received, "onTime"));

        var byChannel = as("gd.stp").get().uri("/api/v1/oversight/handling?agency=H36.10&from={d}&to={d}&groupBy=channel", today, today)
                .retrieve().toEntity(LIST).getBody();
        assertThat(byChannel.stream().mapToLong(r -> number(r, "received")).sum()).isEqualTo(number(resolved, "received"));
        var byField = as("gd.stp").get().uri("/api/v1/oversight/handling?agency=H36.10&from={d}&to={d}&groupBy=field", today, today)
                .retrieve().toEntity(LIST).getBody();
        assertThat(byField.stream().mapToLong(r -> number(r, "resolved")).sum()).isEqualTo(number(resolved, "resolved"));

        String month = today.substring(0, 7);
        var index = as("gd.stp").get().uri("/api/v1/oversight/index766?agency=H36.10&period={p}", month).retrieve().toEntity(MAP);
        assertThat(index.getStatusCode().value()).isEqualTo(200);
        var onTime = indicator(index.getBody(), "2.1");
        assertThat(onTime).containsEntry("status", "SCORED");
        assertThat(((Number) onTime.get("denominator")).longValue()).isPositive();
        var payment = indicator(index.getBody(), "3.6");
        assertThat(payment).containsEntry("status", "NOT_APPLICABLE");
        assertThat((String) payment.get("reason")).contains("thanh toán trực tuyến");
        // group 1: the demo catalog (the national export) gives no legal basis an effective date, and says how many do
        var published = indicator(index.getBody(), "1.1");
        assertThat(published).containsEntry("status", "NOT_APPLICABLE");
        assertThat((String) published.get("reason")).contains("chưa ghi ngày có hiệu lực (0/");
        assertThat((String) indicator(index.getBody(), "1.2").get("reason")).contains("Cổng Dịch vụ công quốc gia");
        assertThat(indicator(index.getBody(), "1.3")).containsEntry("status", "SCORED");
        assertThat(index.getBody()).containsKeys("total", "band", "groups");
    }

    @Test
    void whatCannotBeAnsweredIsAProblemWithACode() {
        assertProblem(as("gd.stp").get().uri("/api/v1/oversight/index766?agency=H36.10&period=2026-13").retrieve().toEntity(MAP),
                400, "oversight.period-invalid");
        assertProblem(as("gd.stp").get().uri("/api/v1/oversight/handling?agency=H36.10&from=2026-03-01&to=hôm nay").retrieve().toEntity(MAP),
                400, "oversight.period-invalid");
        assertProblem(as("gd.stp").get().uri("/api/v1/oversight/handling?agency=H36.10&from=2026-03-31&to=2026-03-01").retrieve().toEntity(MAP),
                400, "oversight.period-invalid");
        assertProblem(as("gd.stp").get().uri("/api/v1/oversight/handling?agency=H36.10&from=2026-03-01&to=2026-03-31&groupBy=ward")
                .retrieve().toEntity(MAP), 400, "oversight.group-invalid");
        assertProblem(as("gd.stp").get().uri("/api/v1/oversight/index766?period=2026").retrieve().toEntity(MAP), 403, "oversight.outside-scope");
        assertProblem(as("gd.stp").get().uri("/api/v1/oversight/index766?agency=H99.99&period=2026").retrieve().toEntity(MAP),
                404, "oversight.agency-unknown");
        assertProblem(as("gd.stp").get().uri("/api/v1/oversight/index766?agency=H36.10&period=2021-01").retrieve().toEntity(MAP),
                400, "oversight.index-not-in-force"); // before the decision (23/06/2022), within the years a period may name
        // a period still to come counts nothing; one not over yet is judged as of now (nothing is overdue before its day)
        var future = as("gd.stp").get().uri("/api/v1/oversight/handling?agency=H36.10&from=9999-12-01&to=9999-12-31").retrieve().toEntity(LIST);
        assertThat(future.getStatusCode().value()).isEqualTo(200);
        assertThat(future.getBody()).isEmpty();
        assertThat(anonymous().get().uri("/api/v1/oversight/index766?period=2026").retrieve().toEntity(MAP).getStatusCode().value()).isEqualTo(401);
        assertThat(as("admin").get().uri("/api/v1/oversight/index766?period=2026").retrieve().toEntity(MAP).getStatusCode().value()).isEqualTo(200);
    }

    Map<String, Object> totals(String day) {
        var r = as("gd.stp").get().uri("/api/v1/oversight/handling?agency=H36.10&from={d}&to={d}", day, day).retrieve().toEntity(LIST);
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
        return r.getBody().isEmpty() ? Map.of() : r.getBody().getFirst();
    }

    static long number(Map<String, Object> row, String key) {
        return row.containsKey(key) ? ((Number) row.get(key)).longValue() : 0;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> indicator(Map<String, Object> index, String code) {
        return ((List<Map<String, Object>>) index.get("groups")).stream()
                .flatMap(g -> ((List<Map<String, Object>>) g.get("indicators")).stream())
                .filter(i -> code.equals(i.get("code"))).findFirst().orElseThrow();
    }

    String receive(String name) {
        return receive(anonymous(), as("tn.ttpvhcc"), name);
    }

    /** A dossier of {@link #PROCEDURE} received complete at the centre's desk by {@code desk}; its code. */
    @SuppressWarnings("unchecked")
    static String receive(org.springframework.web.client.RestClient anonymous, org.springframework.web.client.RestClient desk, String name) {
        var p = anonymous.get().uri("/api/v1/procedures/{c}", PROCEDURE).retrieve().toEntity(MAP).getBody();
        var record = p.containsKey("record") ? (Map<String, Object>) p.get("record") : p;
        var documents = new ArrayList<Map<String, Object>>();
        for (int i = 1; i <= ((List<?>) record.get("documents")).size(); i++) {
            documents.add(Map.of("requirement", Integer.toString(i), "originals", 1, "copies", 0));
        }
        var applicant = new HashMap<String, Object>();
        applicant.put("type", "CITIZEN");
        applicant.put("fullName", name);
        applicant.put("idNumber", "068090" + "%06d".formatted(Math.abs(name.hashCode()) % 1_000_000));
        applicant.put("dateOfBirth", "1990-05-17");
        applicant.put("phone", "0913000766");
        applicant.put("address", Map.of("wardCode", "24781", "street", "12 Trần Phú"));
        var body = Map.of("procedureCode", PROCEDURE, "channel", "DIRECT", "handlingAgency", "H36.10", "applicant", applicant,
                "documents", documents, "outcome", "RECEIVE");
        var r = desk.post().uri("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(MAP);
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
        return (String) r.getBody().get("code");
    }

    void act(String user, String code, Map<String, Object> body) {
        ResponseEntity<Map<String, Object>> r = as(user).post().uri("/api/v1/dossiers/{c}/actions", code)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(MAP);
        assertThat(r.getStatusCode().value()).as(user + " " + body + ": " + r.getBody()).isEqualTo(200);
    }

    static void assertProblem(ResponseEntity<Map<String, Object>> r, int status, String code) {
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(status);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(r.getBody()).containsEntry("code", code);
    }
}
