package vn.motcua.dossier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import vn.motcua.IntegrationTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intake through the API as a desk officer does it, on the demo province: the commune desk of Xuân Hương receives
 * "Cấp bản sao từ sổ gốc" (2.000908, commune level, 1 working day) for the ward's People's Committee, the
 * provincial centre receives "Cấp Phiếu lý lịch tư pháp …" (3.000334, provincial) for the Department of Justice.
 * Checklists are read from the public catalog API, not from the code under test.
 */
class DossierIntakeApiTests extends IntegrationTest {

    static final String COPY = "2.000908";
    static final String RECORD = "3.000334";
    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCompleteDossierIsReceivedWithItsCodeAppointmentHistorySlipAndAuditRecord() {
        var response = post("tn.xuanhuong", receive(COPY, "H36.201", citizen("Nguyễn Văn An", "0903123456"), everything(COPY)), null);
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        var body = response.getBody();
        String code = (String) body.get("code");
        String today = LocalDate.now(DossierWords.VIETNAM).format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd"));
        assertThat(code).matches("H36\\.201\\.01-" + today + "-\\d{4,}");
        assertThat(body).containsEntry("state", "RECEIVED").containsEntry("nationalStatus", 2).containsEntry("channel", "DIRECT");
        assertThat(response.getHeaders().getLocation()).hasToString("/api/v1/dossiers/" + code);
        Instant received = Instant.parse((String) body.get("receivedAt"));
        Instant due = Instant.parse((String) body.get("dueAt"));
        assertThat(due).isAfter(received);
        // One working day (8 working hours) falls on a working day, inside office hours (07:00-17:30 at the latest).
        var dueLocal = LocalDateTime.ofInstant(due, DossierWords.VIETNAM);
        assertThat(dueLocal.getHour()).isBetween(7, 17);
        var dueDay = as("tn.xuanhuong").get().uri("/api/v1/calendar/days?from={d}&to={d}", dueLocal.toLocalDate(), dueLocal.toLocalDate())
                .retrieve().toEntity(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
        assertThat(dueDay.getFirst()).containsEntry("working", true);

        var dossier = as("tn.xuanhuong").get().uri("/api/v1/dossiers/{code}", code).retrieve().toEntity(MAP).getBody();
        assertThat(dossier.get("procedure").toString()).contains(COPY).contains("sổ gốc");
        assertThat(dossier.get("handlingAgency").toString()).contains("H36.201");
        assertThat(dossier.get("receivingAgency").toString()).contains("H36.201.01");
        assertThat((List<?>) dossier.get("history")).hasSize(1);
        assertThat(dossier.get("slips").toString()).contains("form=01");
        assertThat(jdbc.sql("select count(*) from audit.record where action = 'DOSSIER_RECEIVED' and target = :t")
                .param("t", "dossier:" + code).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void eachOutcomePrintsItsSlipAsIssued() throws Exception {
        String received = code(post("tn.xuanhuong", receive(COPY, "H36.201", citizen("Trịnh Văn Khoa", "0905000777"), everything(COPY)), null));
        var dossier = as("tn.xuanhuong").get().uri("/api/v1/dossiers/{c}", received).retrieve().toEntity(MAP).getBody();
        var due = LocalDateTime.ofInstant(Instant.parse((String) dossier.get("dueAt")), DossierWords.VIETNAM);
        String receipt = pdfText("tn.xuanhuong", received, "01");
        assertThat(receipt).contains(received).contains("Trịnh Văn Khoa").contains("Phường Xuân Hương")
                .contains("%d giờ %02d phút".formatted(due.getHour(), due.getMinute()))
                .contains("ngày %02d tháng %02d năm %d".formatted(due.getDayOfMonth(), due.getMonthValue(), due.getYear()));

        var refuse = receive(COPY, "H36.201", citizen("Trịnh Văn Khoa", "0905000777"), List.of());
        refuse.put("outcome", "REFUSE");
        refuse.put("note", "Bản chính không do Ủy ban nhân dân phường cấp");
        String refused = code(post("tn.xuanhuong", refuse, null));
        assertThat(pdfText("tn.xuanhuong", refused, "03")).contains(refused).contains("Bản chính không do Ủy ban nhân dân phường cấp");
        assertThat(as("tn.xuanhuong").get().uri("/api/v1/dossiers/{c}/slips/01", refused).retrieve().toEntity(MAP).getStatusCode().value())
                .as("a refused dossier has no receipt").isEqualTo(404);
        var desk = new vn.motcua.WebSession(baseUrl(), "203.0.113.91");
        desk.login("tn.xuanhuong", DEMO_PASSWORD);
        var view = desk.get("/quay/ho-so/" + refused + "/phieu/03");
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(view.body()).contains("Bản chính không do Ủy ban nhân dân phường cấp").contains(refused);
        assertThat(as("tn.lamvien").get().uri("/api/v1/dossiers/{c}/slips/03", refused).retrieve().toEntity(byte[].class)
                .getStatusCode().value()).isEqualTo(404);
    }

    String pdfText(String user, String code, String form) throws Exception {
        var pdf = as(user).get().uri("/api/v1/dossiers/{c}/slips/{f}", code, form).retrieve().toEntity(byte[].class);
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.getBody())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void wrongInputGetsAProblemPerFieldAndConsumesNoCode() {
        String first = code(post("tn.lamvien", receive(COPY, "H36.202", citizen("Trần Thị Bình", "0912000111"), everything(COPY)), null));

        var badId = receive(COPY, "H36.202", citizen("Trần Thị Bình", "0912000111"), everything(COPY));
        ((Map<String, Object>) badId.get("applicant")).put("idNumber", "07919000123");
        ((Map<String, Object>) badId.get("applicant")).put("email", "khong-phai-email");
        var refused = post("tn.lamvien", badId, null);
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(fields(refused)).contains("applicant.idNumber", "applicant.email");

        assertThat(fields(post("tn.lamvien", receive("1.999999", "H36.202", citizen("A B", "0912000111"), List.of()), null)))
                .contains("procedureCode");
        assertThat(fields(post("tn.lamvien", receive(COPY, "H36.50", citizen("Trần Thị Bình", "0912000111"), everything(COPY)), null)))
                .as("a service centre receives but never handles").contains("handlingAgency");
        assertThat(fields(post("tn.lamvien", receive(COPY, "H36.202", citizen("Trần Thị Bình", "0912000111"), List.of()), null)))
                .as("mandatory documents missing on RECEIVE").contains("documents");
        var refuseWithoutReason = receive(COPY, "H36.202", citizen("Trần Thị Bình", "0912000111"), List.of());
        refuseWithoutReason.put("outcome", "REFUSE");
        refuseWithoutReason.put("note", "E01");
        assertThat(fields(post("tn.lamvien", refuseWithoutReason, null))).contains("note");

        String next = code(post("tn.lamvien", receive(COPY, "H36.202", citizen("Trần Thị Bình", "0912000111"), everything(COPY)), null));
        assertThat(sequence(next)).as("refused requests consumed no number").isEqualTo(sequence(first) + 1);
    }

    @Test
    void aDeskOfficerReceivesOnlyAtTheirOwnDesk() {
        var body = receive(RECORD, "H36.10", citizen("Lê Văn Cường", "0987654321"), everything(RECORD));
        body.put("receivingAgency", "H36.50");
        assertThat(fields(post("tn.xuanhuong", body, null))).contains("receivingAgency");
        assertThat(post("cv.stp", receive(RECORD, "H36.10", citizen("Lê Văn Cường", "0987654321"), everything(RECORD)), null)
                .getStatusCode().value()).isEqualTo(403);
        // Location-independent receiving: the provincial centre receives for the Department of Justice.
        String code = code(post("tn.ttpvhcc", receive(RECORD, "H36.10", citizen("Lê Văn Cường", "0987654321"), everything(RECORD)), null));
        assertThat(code).startsWith("H36.50-");
        // The department's specialist sees it (handling agency), another commune's desk does not.
        assertThat(as("cv.stp").get().uri("/api/v1/dossiers/{c}", code).retrieve().toEntity(MAP).getStatusCode().value()).isEqualTo(200);
        assertThat(as("tn.lamvien").get().uri("/api/v1/dossiers/{c}", code).retrieve().toEntity(MAP).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void theSameIdempotencyKeyGivesTheFirstAnswerAndNoSecondDossier() {
        String key = "desk-" + UUID.randomUUID();
        String phone = "097" + (1_000_000 + (int) (Math.random() * 8_999_999));
        var body = receive(COPY, "H36.201", citizen("Phạm Thị Dung", phone), everything(COPY));
        var first = post("tn.xuanhuong", body, key);
        var again = post("tn.xuanhuong", body, key);
        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(code(again)).isEqualTo(code(first));
        assertThat(jdbc.sql("select count(*) from dossier.dossier where applicant_phone = :p").param("p", phone).query(Integer.class).single()).isEqualTo(1);
        var changed = receive(COPY, "H36.201", citizen("Phạm Thị Dung", "0988000000"), everything(COPY));
        assertThat(post("tn.xuanhuong", changed, key).getBody()).containsEntry("code", "dossier.idempotency-key-reused");
    }

    @Test
    void aSupplementRequestListsEverythingMissingAndARefusalItsReason() {
        var supplement = receive(COPY, "H36.201", citizen("Hoàng Văn Em", "0966000333"), List.of());
        supplement.put("outcome", "REQUEST_SUPPLEMENT");
        supplement.put("missing", List.of(Map.of("requirement", "Tờ khai có chữ ký của người yêu cầu", "reason", "Tờ khai chưa ký")));
        var asked = post("tn.xuanhuong", supplement, null);
        assertThat(asked.getBody()).containsEntry("state", "AWAITING_INTAKE_SUPPLEMENT").containsEntry("nationalStatus", 5);
        assertThat(asked.getBody().get("dueAt")).isNull();
        var dossier = as("tn.xuanhuong").get().uri("/api/v1/dossiers/{c}", code(asked)).retrieve().toEntity(MAP).getBody();
        long mandatory = checklist(COPY).stream().filter(d -> Boolean.TRUE.equals(d.get("mandatory"))).count();
        assertThat((List<?>) dossier.get("missing")).as("the officer's item and every mandatory document").hasSize((int) mandatory + 1);
        assertThat(dossier.get("missing").toString()).contains("Tờ khai chưa ký");

        var refuse = receive(COPY, "H36.201", citizen("Hoàng Văn Em", "0966000333"), List.of());
        refuse.put("outcome", "REFUSE");
        refuse.put("note", "Bản chính đã được cấp tại cơ quan khác, không thuộc thẩm quyền của Ủy ban nhân dân phường");
        var refused = post("tn.xuanhuong", refuse, null);
        assertThat(refused.getBody()).containsEntry("state", "REFUSED_AT_INTAKE").containsEntry("nationalStatus", 3);
        assertThat(jdbc.sql("select count(*) from audit.record where action = 'DOSSIER_REFUSED' and target = :t")
                .param("t", "dossier:" + code(refused)).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anOnlineDossierKeepsItsNationalCodeAndTheClockStartsWhenTheDeskAccepts() {
        String national = "H36.201.01-" + LocalDate.now(DossierWords.VIETNAM).format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd"))
                + "-9" + (100 + (int) (Math.random() * 899));
        var online = receive(COPY, "H36.201", citizen("Vũ Thị Giang", "0355000444"), everything(COPY));
        online.remove("outcome");
        online.put("channel", "ONLINE");
        online.put("nationalCode", national);
        var submitted = post("tn.xuanhuong", online, null);
        assertThat(submitted.getBody()).containsEntry("code", national).containsEntry("state", "SUBMITTED")
                .containsEntry("nationalStatus", 1).containsEntry("channel", "ONLINE");
        assertThat(submitted.getBody().get("dueAt")).isNull();
        assertThat(fields(post("tn.xuanhuong", online, null))).as("never a second dossier with the same national code").contains("nationalCode");

        var postal = receive(COPY, "H36.201", citizen("Vũ Thị Giang", "0355000444"), everything(COPY));
        postal.remove("outcome");
        postal.put("channel", "POSTAL");
        var arrived = post("tn.xuanhuong", postal, null);
        assertThat(arrived.getBody()).containsEntry("state", "SUBMITTED").containsEntry("nationalStatus", 1).containsEntry("channel", "POSTAL");
        var direct = receive(COPY, "H36.201", citizen("Vũ Thị Giang", "0355000444"), everything(COPY));
        direct.remove("outcome");
        assertThat(fields(post("tn.xuanhuong", direct, null))).as("at the desk the officer decides at once").contains("outcome");

        var waiting = as("tn.xuanhuong").get().uri("/api/v1/dossiers/waiting").retrieve().toEntity(new ParameterizedTypeReference<List<Map<String, Object>>>() { });
        assertThat(waiting.getBody()).extracting(d -> d.get("code")).contains(national, code(arrived));

        var accepted = as("tn.xuanhuong").post().uri("/api/v1/dossiers/{c}/decision", national).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("outcome", "RECEIVE", "version", 0)).retrieve().toEntity(MAP);
        assertThat(accepted.getBody()).containsEntry("state", "RECEIVED").containsEntry("code", national);
        assertThat(accepted.getBody().get("dueAt")).isNotNull();
        var twice = as("tn.xuanhuong").post().uri("/api/v1/dossiers/{c}/decision", national).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("outcome", "REFUSE", "note", "Hồ sơ đã được tiếp nhận trước đó rồi", "version", 0)).retrieve().toEntity(MAP);
        assertThat(twice.getStatusCode().value()).isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from audit.record where action = 'DOSSIER_ACCEPTED' and target = :t")
                .param("t", "dossier:" + national).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void scansAreAttachedAndReadOnlyByStaffWhoSeeTheDossier() {
        byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes();
        String fileId = (String) upload("tn.xuanhuong", pdf).getBody().get("id");
        var documents = new ArrayList<>(everything(COPY));
        var first = new HashMap<>(documents.getFirst());
        first.put("fileId", fileId);
        documents.set(0, first);

        // An intake that fails leaves the upload waiting (the sweeper removes it in time), not attached.
        var failing = receive(COPY, "H36.50", citizen("Đỗ Văn Hải", "0944555666"), documents);
        assertThat(post("tn.xuanhuong", failing, null).getStatusCode().value()).isEqualTo(422);
        assertThat(as("tn.xuanhuong").get().uri("/api/v1/files/{id}", fileId).retrieve().toEntity(byte[].class).getStatusCode().value()).isEqualTo(200);

        String code = code(post("tn.xuanhuong", receive(COPY, "H36.201", citizen("Đỗ Văn Hải", "0944555666"), documents), null));
        var scan = as("tn.xuanhuong").get().uri("/api/v1/dossiers/{c}/files/{f}", code, fileId).retrieve().toEntity(byte[].class);
        assertThat(scan.getStatusCode().value()).isEqualTo(200);
        assertThat(scan.getBody()).isEqualTo(pdf);
        assertThat(as("tn.lamvien").get().uri("/api/v1/dossiers/{c}/files/{f}", code, fileId).retrieve().toEntity(byte[].class)
                .getStatusCode().value()).isEqualTo(404);
        var dossier = as("tn.xuanhuong").get().uri("/api/v1/dossiers/{c}", code).retrieve().toEntity(MAP).getBody();
        assertThat(dossier.get("documents").toString()).contains(fileId).contains("sha256=");
    }

    @Test
    void theDeskFindsDossiersByNameWithoutDiacriticsIdNumberAndPhone() {
        String code = code(post("tn.phanthiet", receive(COPY, "H36.203", citizen("Đặng Thị Hồng Nhung", "0388777999"), everything(COPY)), null));
        for (String q : List.of("dang thi hong", "Đặng Thị Hồng Nhung", "0388777999", code)) {
            var page = as("tn.phanthiet").get().uri("/api/v1/dossiers?q={q}", q).retrieve().toEntity(MAP).getBody();
            assertThat(page.get("items").toString()).as(q).contains(code);
        }
        var elsewhere = as("tn.lamvien").get().uri("/api/v1/dossiers?q={q}", "dang thi hong").retrieve().toEntity(MAP).getBody();
        assertThat(elsewhere.get("items").toString()).doesNotContain(code);
        var returning = as("tn.phanthiet").get().uri("/api/v1/applicants/{n}", idFor("Đặng Thị Hồng Nhung")).retrieve().toEntity(MAP);
        assertThat(returning.getBody()).containsEntry("fullName", "Đặng Thị Hồng Nhung").containsEntry("phone", "0388777999");
        assertThat(as("cv.stp").get().uri("/api/v1/applicants/{n}", idFor("Đặng Thị Hồng Nhung")).retrieve().toEntity(MAP)
                .getStatusCode().value()).as("personal data for desk officers only").isEqualTo(403);
        assertThat(as("tn.phanthiet").get().uri("/api/v1/applicants/{n}", "001099000000").retrieve().toEntity(MAP).getBody())
                .containsEntry("code", "dossier.applicant-not-found");
    }

    @Test
    void thePublicLookupMasksTheNameUnlessTheLastFourDigitsAreGivenAndIsRateLimited() throws Exception {
        String code = code(post("tn.xuanhuong", receive(COPY, "H36.201", citizen("Nguyễn Văn An", "0903555888"), everything(COPY)), null));
        var masked = anonymous().get().uri("/api/v1/public/dossiers/{c}", code).retrieve().toEntity(MAP).getBody();
        assertThat(masked).containsEntry("applicantName", "Nguyễn V** A*").containsEntry("nationalStatus", 2)
                .containsEntry("applicantVerified", false);
        assertThat(masked.toString()).doesNotContain("0903555888").doesNotContain(idFor("Nguyễn Văn An"));
        assertThat(masked.get("timeline").toString()).contains("tiếp nhận");
        var proven = anonymous().get().uri("/api/v1/public/dossiers/{c}?verify=5888", code).retrieve().toEntity(MAP).getBody();
        assertThat(proven).containsEntry("applicantName", "Nguyễn Văn An");
        var wrong = anonymous().get().uri("/api/v1/public/dossiers/{c}?verify=1234", code).retrieve().toEntity(MAP).getBody();
        assertThat(wrong).containsEntry("applicantName", "Nguyễn V** A*");

        var http = HttpClient.newHttpClient();
        int refused = 0;
        for (int i = 0; i < 30; i++) {
            var response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/public/dossiers/H36.201.01-260101-" + (1000 + i)))
                    .header("X-Forwarded-For", "203.0.113.90").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isIn(404, 429);
            if (response.statusCode() == 429) {
                refused++;
                assertThat(response.body()).contains("too-many-requests");
            }
        }
        assertThat(refused).as("20 at once, then one each 3 s").isBetween(9, 10);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    ResponseEntity<Map<String, Object>> post(String user, Map<String, Object> body, String idempotencyKey) {
        var request = as(user).post().uri("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.body(body).retrieve().toEntity(MAP);
    }

    static Map<String, Object> receive(String procedure, String handling, Map<String, Object> applicant, List<Map<String, Object>> documents) {
        var body = new HashMap<String, Object>();
        body.put("procedureCode", procedure);
        body.put("channel", "DIRECT");
        body.put("handlingAgency", handling);
        body.put("applicant", applicant);
        body.put("documents", documents);
        body.put("outcome", "RECEIVE");
        return body;
    }

    /** A citizen whose ID number agrees with the date of birth (born 1990 in Lâm Đồng's code 068, male). */
    static Map<String, Object> citizen(String name, String phone) {
        var a = new HashMap<String, Object>();
        a.put("type", "CITIZEN");
        a.put("fullName", name);
        a.put("idNumber", idFor(name));
        a.put("dateOfBirth", "1990-05-17");
        a.put("phone", phone);
        a.put("email", "nguoidan@example.vn");
        a.put("address", Map.of("wardCode", "24781", "street", "12 Trần Phú"));
        return a;
    }

    static String idFor(String name) {
        return "068090" + "%06d".formatted(Math.abs(name.hashCode()) % 1_000_000);
    }

    /** Every document of the checklist, one original each, by its number. */
    List<Map<String, Object>> everything(String procedure) {
        var out = new ArrayList<Map<String, Object>>();
        for (int i = 1; i <= checklist(procedure).size(); i++) {
            out.add(new HashMap<>(Map.of("requirement", Integer.toString(i), "originals", 1, "copies", 0)));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> checklist(String procedure) {
        var p = anonymous().get().uri("/api/v1/procedures/{c}", procedure).retrieve().toEntity(MAP).getBody();
        var record = p.containsKey("record") ? (Map<String, Object>) p.get("record") : p;
        return (List<Map<String, Object>>) record.get("documents");
    }

    static String code(ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
        return (String) response.getBody().get("code");
    }

    static long sequence(String code) {
        return Long.parseLong(code.substring(code.lastIndexOf('-') + 1));
    }

    @SuppressWarnings("unchecked")
    static List<String> fields(ResponseEntity<Map<String, Object>> problem) {
        assertThat(problem.getStatusCode().value()).as(String.valueOf(problem.getBody())).isEqualTo(422);
        return ((List<Map<String, Object>>) problem.getBody().get("invalidParams")).stream().map(p -> (String) p.get("name")).toList();
    }

    ResponseEntity<Map<String, Object>> upload(String user, byte[] content) {
        var parts = new LinkedMultiValueMap<String, Object>();
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PDF);
        headers.setContentDispositionFormData("file", "ban-sao.pdf");
        parts.add("file", new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return "ban-sao.pdf";
            }
        }, headers));
        return as(user).post().uri("/api/v1/files").contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().toEntity(MAP);
    }
}
