package vn.motcua.dossier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.IntegrationTest;
import vn.motcua.WebSession;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk's pages and the public lookup page through HTTP, as a browser without JavaScript sends them: the intake
 * form's field errors, its check step and outcomes, the stale decision on an online dossier, the lookup's masking and
 * its rate limit. Demo province: tn.xuanhuong receives at the commune centre of Xuân Hương (H36.201.01) for the
 * ward's People's Committee (H36.201); 2.000908 is a commune-level procedure, 3.000334 a provincial one of the
 * Department of Justice (H36.10).
 */
class DeskPagesTests extends IntegrationTest {

    static final String COPY = "2.000908";
    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };

    @Autowired
    JdbcClient jdbc;

    @Test
    void anInvalidIdNumberIsShownNextToItsFieldWithEverythingTypedKeptAndNothingStored() throws Exception {
        var desk = signedIn("tn.xuanhuong", "198.51.100.10");
        String phone = phone();
        var form = intake(COPY, "Trần Văn Bình", "07919000123", "17/05/1990", phone);
        var checked = desk.postForm("/quay/tiep-nhan", encode(form, "check"));
        assertThat(checked.statusCode()).isEqualTo(200);
        String page = text(checked);
        // the field is marked and its message sits right after it; the summary at the top links to it and takes focus
        assertThat(page).containsPattern("id=\"applicant-idNumber\"[^>]*class=\"[^\"]*is-invalid");
        assertThat(feedbackOf(page, "applicant-idNumber")).contains("12");
        assertThat(page).containsPattern("id=\"error-summary\"[^>]*autofocus");
        assertThat(page).contains("href=\"#applicant-idNumber\"");
        // nothing typed is lost
        assertThat(page).containsPattern("id=\"applicant-fullName\"[^>]*value=\"Trần Văn Bình\"");
        assertThat(page).containsPattern("id=\"applicant-phone\"[^>]*value=\"" + phone + "\"");
        assertThat(page).containsPattern("id=\"applicant-dateOfBirth\"[^>]*value=\"17/05/1990\"");
        assertThat(page).containsPattern("id=\"documents-0-originals\"[^>]*value=\"1\"");
        assertThat(page).containsPattern("<option value=\"24781\" selected=\"selected\"");

        // a date that is not dd/MM/yyyy is told apart from the ID number
        var badDate = desk.postForm("/quay/tiep-nhan", encode(intake(COPY, "Trần Văn Bình", id("Trần Văn Bình"), "1990-05-17", phone), "check"));
        assertThat(feedbackOf(badDate.body(), "applicant-dateOfBirth")).contains("ngày/tháng/năm");
        assertThat(text(badDate)).doesNotContainPattern("id=\"applicant-idNumber\"[^>]*is-invalid");

        // straight to the outcome with the bad number: refused the same way, and no dossier
        var received = desk.postForm("/quay/tiep-nhan", encode(form, "RECEIVE"));
        assertThat(received.statusCode()).isEqualTo(200);
        assertThat(feedbackOf(received.body(), "applicant-idNumber")).isNotBlank();
        assertThat(jdbc.sql("select count(*) from dossier.dossier where applicant_phone = :p").param("p", phone).query(Integer.class).single()).isZero();
    }

    @Test
    void theFormOffersTheHandlingAgencyOfTheProcedureLevelAndTheCheckStepShowsEverythingBeforeReceiving() throws Exception {
        var desk = signedIn("tn.xuanhuong", "198.51.100.11");
        var blank = desk.get("/quay/tiep-nhan?thu-tuc=" + COPY);
        assertThat(blank.statusCode()).isEqualTo(200);
        // a commune procedure received at the ward's centre is handled by the ward's People's Committee
        assertThat(text(blank)).contains("<option value=\"H36.201\" selected=\"selected\"");
        // service centres receive and return but never decide, so none is offered as the handling agency
        assertThat(text(blank)).doesNotContain("<option value=\"H36.50\"").doesNotContain("<option value=\"H36.201.01\"");
        assertThat(text(blank)).contains("<option value=\"68\" selected=\"selected\">Tỉnh Lâm Đồng</option>");
        assertThat(text(blank)).contains(">Phường Xuân Hương - Đà Lạt</option>");
        var centre = signedIn("tn.ttpvhcc", "198.51.100.12");
        // 1.005136 names "Sở Tư pháp" as its competent agency: the Department of Justice of the province is offered
        var provincial = centre.get("/quay/tiep-nhan?thu-tuc=1.005136");
        assertThat(text(provincial)).contains("<option value=\"H36.10\" selected=\"selected\"");
        // 3.000334 names "Công an tỉnh", which the demo province has not registered: the officer chooses
        var police = centre.get("/quay/tiep-nhan?thu-tuc=3.000334");
        assertThat(text(police)).contains("<option value=\"H36.10\">").doesNotContainPattern("<option value=\"H36[.0-9]*\" selected");

        String phone = phone();
        var form = intake(COPY, "Lê Thị Cúc", id("Lê Thị Cúc"), "17/05/1990", phone);
        String token = form.get("token");
        var check = desk.postForm("/quay/tiep-nhan", encode(form, "check"));
        assertThat(text(check)).contains("Kiểm tra lại trước khi tiếp nhận").contains("Lê Thị Cúc").contains(id("Lê Thị Cúc"))
                .contains("12 Trần Phú, Phường Xuân Hương - Đà Lạt, Tỉnh Lâm Đồng");
        assertThat(text(check)).containsPattern("name=\"action\" value=\"RECEIVE\"[^>]*autofocus");
        assertThat(jdbc.sql("select count(*) from dossier.dossier where applicant_phone = :p").param("p", phone).query(Integer.class).single())
                .as("checking stores nothing").isZero();

        // the check page carries everything: receiving from it, twice (a double click), makes one dossier
        var fromCheck = hiddenFields(check.body());
        assertThat(fromCheck).containsEntry("token", token).containsEntry("applicant.fullName", "Lê Thị Cúc");
        var first = desk.postForm("/quay/tiep-nhan", encode(fromCheck, "RECEIVE"));
        var second = desk.postForm("/quay/tiep-nhan", encode(fromCheck, "RECEIVE"));
        assertThat(first.statusCode()).isEqualTo(302);
        String location = first.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/quay/ho-so/H36\\.201\\.01-\\d{6}-\\d{4,}");
        assertThat(second.headers().firstValue("Location")).hasValue(location);
        assertThat(jdbc.sql("select count(*) from dossier.dossier where applicant_phone = :p").param("p", phone).query(Integer.class).single()).isEqualTo(1);

        var confirmation = desk.get(URI.create(location).getPath());
        assertThat(text(confirmation)).contains("Đã tiếp nhận hồ sơ").contains("/tra-cuu/" + location.substring(location.lastIndexOf('/') + 1))
                .contains("<svg").containsPattern("\\d{1,2} giờ \\d{2} phút, ngày \\d{2} tháng \\d{2} năm 20\\d{2}")
                .contains("/phieu/01");
    }

    @Test
    void aRefusalNeedsItsReasonInWordsOnTheCheckPage() throws Exception {
        var desk = signedIn("tn.xuanhuong", "198.51.100.13");
        String phone = phone();
        var form = intake(COPY, "Phan Văn Đức", id("Phan Văn Đức"), "17/05/1990", phone);
        form.put("refusalReason", "E01");
        var refused = desk.postForm("/quay/tiep-nhan", encode(form, "REFUSE"));
        assertThat(text(refused)).as("back on the check page, the reason marked").contains("Kiểm tra lại trước khi tiếp nhận");
        assertThat(feedbackOf(refused.body(), "refusalReason")).isNotBlank();
        form.put("refusalReason", "Giấy tờ không thuộc thẩm quyền chứng thực của Ủy ban nhân dân phường");
        var done = desk.postForm("/quay/tiep-nhan", encode(form, "REFUSE"));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(text(desk.get(URI.create(done.headers().firstValue("Location").orElseThrow()).getPath())))
                .contains("Đã từ chối tiếp nhận").contains("/phieu/03").contains("Giấy tờ không thuộc thẩm quyền");
    }

    @Test
    void aSecondOfficersStaleDecisionOnAnOnlineDossierIsToldSoInVietnamese() throws Exception {
        String national = "H36.201.01-" + LocalDate.now(DossierWords.VIETNAM).format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd"))
                + "-8" + (100 + (int) (Math.random() * 899));
        var online = DossierIntakeApiTests.receive(COPY, "H36.201", DossierIntakeApiTests.citizen("Vũ Văn Giáp", phone()), everything());
        online.remove("outcome");
        online.put("channel", "ONLINE");
        online.put("nationalCode", national);
        var submitted = as("tn.xuanhuong").post().uri("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON).body(online).retrieve().toEntity(MAP);
        assertThat(submitted.getStatusCode().value()).isEqualTo(201);

        var one = signedIn("tn.xuanhuong", "198.51.100.14");
        var other = signedIn("tn.xuanhuong", "198.51.100.15");
        assertThat(text(one.get("/quay"))).as("waiting on the desk's list").contains(national);
        var seenByOne = one.get("/quay/ho-so/" + national);
        var seenByOther = other.get("/quay/ho-so/" + national);
        assertThat(text(seenByOne)).contains("Hồ sơ chờ bộ phận một cửa kiểm tra").contains("value=\"REFUSE\"");
        String version = hiddenFields(seenByOther.body()).get("version");

        var accepted = one.postForm("/quay/ho-so/" + national + "/quyet-dinh", "action=RECEIVE&version=" + hiddenFields(seenByOne.body()).get("version"));
        assertThat(accepted.statusCode()).isEqualTo(302);
        var stale = other.postForm("/quay/ho-so/" + national + "/quyet-dinh", "action=REFUSE&version=" + version
                + "&refusalReason=" + URLEncoder.encode("Hồ sơ không đúng thủ tục cần thực hiện", StandardCharsets.UTF_8));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(text(stale)).contains("vừa được người khác xử lý").contains("Đã tiếp nhận");
        assertThat(as("tn.xuanhuong").get().uri("/api/v1/dossiers/{c}", national).retrieve().toEntity(MAP).getBody())
                .containsEntry("state", "RECEIVED");
    }

    @Test
    void theLookupPageMasksTheNameUnlessTheLastFourDigitsMatch() throws Exception {
        String phone = phone();
        var body = DossierIntakeApiTests.receive(COPY, "H36.201", DossierIntakeApiTests.citizen("Trần Thị Bích Ngọc", phone), everything());
        var created = as("tn.xuanhuong").post().uri("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(MAP);
        String code = (String) created.getBody().get("code");
        var citizen = new WebSession(baseUrl(), "198.51.100.16");

        var masked = citizen.get("/tra-cuu/" + code);
        assertThat(masked.statusCode()).isEqualTo(200);
        assertThat(text(masked)).contains("Trần T** B*** N***").doesNotContain("Bích Ngọc").doesNotContain(phone)
                .contains("Mã trạng thái trên Cổng Dịch vụ công: 2").contains("Hẹn trả kết quả");
        var typed = citizen.get("/tra-cuu?ma=" + code.toLowerCase());
        assertThat(text(typed)).as("the code typed in lower case").contains("Trần T** B*** N***");
        var proven = citizen.get("/tra-cuu/" + code + "?so=" + phone.substring(phone.length() - 4));
        assertThat(text(proven)).contains("Trần Thị Bích Ngọc").doesNotContain("Trần T** B*** N***");
        var wrong = citizen.get("/tra-cuu/" + code + "?so=0000");
        assertThat(text(wrong)).contains("Trần T** B*** N***").contains("không khớp");
        var missing = citizen.get("/tra-cuu?ma=H36.201.01-200101-9999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(text(missing)).contains("Không có hồ sơ mã H36.201.01-200101-9999");
    }

    @Test
    void theLookupPageSaysInVietnameseWhenTheRateLimitIsHit() throws Exception {
        var http = HttpClient.newHttpClient();
        HttpResponse<String> refused = null;
        int count = 0;
        for (int i = 0; i < 26; i++) {
            var response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/tra-cuu?ma=H36.201.01-200101-" + (2000 + i)))
                    .header("X-Forwarded-For", "198.51.100.17").header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (i < 20) {
                assertThat(response.statusCode()).as("20 at once").isEqualTo(404);
            }
            assertThat(response.statusCode()).isIn(404, 429);
            if (response.statusCode() == 429) {
                count++;
                refused = response;
            }
        }
        assertThat(count).as("then one each 3 s: most of the 6 more are refused").isBetween(1, 6);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(text(refused)).contains("quá nhiều yêu cầu").contains("Thử lại sau");
    }

    @Test
    void aReturningApplicantIsFilledInAndTheTrackingBookListsTheDayAsAPageAndAWorkbook() throws Exception {
        String phone = phone();
        String name = "Đinh Thị Lan " + unique();
        var body = DossierIntakeApiTests.receive(COPY, "H36.201", DossierIntakeApiTests.citizen(name, phone), everything());
        var created = as("tn.xuanhuong").post().uri("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(MAP);
        String code = (String) created.getBody().get("code");
        var desk = signedIn("tn.xuanhuong", "198.51.100.18");

        var form = intake(COPY, "", "", "", "");
        form.put("returningNumber", id(name));
        var filled = desk.postForm("/quay/tiep-nhan", encode(form, "returning"));
        assertThat(text(filled)).containsPattern("id=\"applicant-fullName\"[^>]*value=\"" + Pattern.quote(name) + "\"")
                .containsPattern("id=\"applicant-phone\"[^>]*value=\"" + phone + "\"")
                .containsPattern("id=\"applicant-dateOfBirth\"[^>]*value=\"17/05/1990\"");

        String today = DossierWords.date(LocalDate.now(DossierWords.VIETNAM));
        var book = desk.get("/quay/so-theo-doi?from=" + today + "&to=" + today);
        assertThat(text(book)).contains("SỔ THEO DÕI HỒ SƠ").contains(code).contains(name).contains("/quay/so-theo-doi.xlsx");
        var badDate = desk.get("/quay/so-theo-doi?from=2026-12-01");
        assertThat(text(badDate)).containsPattern("id=\"from\"[^>]*is-invalid").contains("ngày/tháng/năm");

        var xlsx = desk.getBytes("/quay/so-theo-doi.xlsx?from=" + today + "&to=" + today);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        var cells = new ArrayList<String>();
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            workbook.getFirstSheet().openStream().forEach(row -> row.forEach(cell -> cells.add(cell == null ? "" : cell.getRawValue())));
        }
        assertThat(cells).contains("Mã hồ sơ", "Hẹn trả kết quả", code, name);
    }

    @Test
    void theDesksListsArePagedNewestFirstWithLinksToTheNextAndPreviousPages() throws Exception {
        // 26 dossiers received at one commune desk today: its list of the day holds 25 a page, the newest first
        var letters = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            letters.append("bcdghklmnpqrstvx".charAt((int) (Math.random() * 16)));
        }
        String family = "Hà Văn " + Character.toUpperCase(letters.charAt(0)) + letters.substring(1);
        var codes = new ArrayList<String>();
        for (int i = 0; i < 26; i++) {
            var body = DossierIntakeApiTests.receive(COPY, "H36.204", DossierIntakeApiTests.citizen(family + " " + (char) ('A' + i), phone()),
                    everything());
            var created = as("tn.bacgianghia").post().uri("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON).body(body)
                    .retrieve().toEntity(MAP);
            codes.add(DossierIntakeApiTests.code(created));
        }
        var desk = signedIn("tn.bacgianghia", "198.51.100.21");
        String first = text(desk.get("/quay"));
        List<String> page1 = listed(first, "today-table");
        assertThat(page1).hasSize(25);
        assertThat(page1.getFirst()).as("newest first").isEqualTo(codes.getLast());
        assertThat(page1.subList(0, 25)).containsExactlyElementsOf(codes.subList(1, 26).reversed());
        assertThat(first).contains("rel=\"next\"").contains("Trang sau").doesNotContain("rel=\"prev\"");
        var next = Pattern.compile("href=\"(/quay\\?hom-nay=2#today)\"[^>]*rel=\"next\"").matcher(first);
        assertThat(next.find()).as("a link to page 2 of today's list").isTrue();

        String second = text(desk.get(next.group(1)));
        List<String> page2 = listed(second, "today-table");
        assertThat(page2.getFirst()).as("the oldest of the 26 opens page 2").isEqualTo(codes.getFirst());
        assertThat(second).contains("rel=\"prev\"").contains("Trang 2").containsPattern("Kết quả 26-\\d+ trong \\d+\\.");
        assertThat(second).contains("href=\"/quay#today\"");

        // the search is paged the same way, its links keeping what was typed
        String found = text(desk.get("/quay?q=" + URLEncoder.encode(family, StandardCharsets.UTF_8)));
        assertThat(listed(found, "found-table")).hasSize(25).first().isEqualTo(codes.getLast());
        var foundNext = Pattern.compile("href=\"(/quay\\?q=[^\"]+&tim=2#found)\"").matcher(found);
        assertThat(foundNext.find()).as("page 2 of the search, with the words typed").isTrue();
        String found2 = text(desk.get(foundNext.group(1)));
        assertThat(listed(found2, "found-table")).containsExactly(codes.getFirst());
        assertThat(found2).as("back to page 1 of the search, no page 3").containsPattern("href=\"/quay\\?q=[^\"]+#found\" rel=\"prev\"").doesNotContain("tim=3");
        assertThat(listed(text(desk.get("/quay?hom-nay=-3")), "today-table")).as("a page before the first is the first").isEqualTo(page1);
        var farPast = desk.get("/quay?hom-nay=2147483647&cho=2147483647&q=" + URLEncoder.encode(family, StandardCharsets.UTF_8) + "&tim=2147483647");
        assertThat(farPast.statusCode()).as("a page past every end is an empty page").isEqualTo(200);
        assertThat(listed(text(farPast), "today-table")).isEmpty();
        assertThat(text(farPast)).contains("rel=\"prev\"");
    }

    /** The codes a list of the desk page shows, in order. */
    static List<String> listed(String page, String tableId) {
        int start = page.indexOf("id=\"" + tableId + "\"");
        if (start < 0) {
            return List.of();
        }
        String table = page.substring(start, page.indexOf("</table>", start));
        var m = Pattern.compile("class=\"font-monospace\" href=\"/quay/ho-so/([^\"/]+)\"").matcher(table);
        var out = new ArrayList<String>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    WebSession signedIn(String user, String address) throws Exception {
        var session = new WebSession(baseUrl(), address);
        assertThat(session.login(user, DEMO_PASSWORD).statusCode()).isEqualTo(302);
        session.get("/quay");
        return session;
    }

    /** The intake form as the page posts it: every checklist row with one original, the address in Xuân Hương. */
    Map<String, String> intake(String procedure, String name, String idNumber, String born, String phone) {
        var f = new LinkedHashMap<String, String>();
        f.put("token", UUID.randomUUID().toString());
        f.put("procedureCode", procedure);
        f.put("receivingAgency", "H36.201.01");
        f.put("handlingAgency", "H36.201");
        f.put("channel", "DIRECT");
        f.put("applicant.type", "CITIZEN");
        f.put("applicant.fullName", name);
        f.put("applicant.idNumber", idNumber);
        f.put("applicant.dateOfBirth", born);
        f.put("applicant.phone", phone);
        f.put("applicant.address.provinceCode", "68");
        f.put("applicant.address.wardCode", "24781");
        f.put("applicant.address.street", "12 Trần Phú");
        for (int i = 0; i < checklist().size(); i++) {
            f.put("documents[" + i + "].originals", "1");
            f.put("documents[" + i + "].copies", "0");
        }
        return f;
    }

    static String encode(Map<String, String> form, String action) {
        var parts = new ArrayList<String>();
        form.forEach((k, v) -> {
            if (!k.equals("action") && !k.equals("_csrf")) {
                parts.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        parts.add("action=" + action);
        return String.join("&", parts);
    }

    /** The hidden inputs of a page, as the browser would send them back. */
    static Map<String, String> hiddenFields(String html) {
        var out = new LinkedHashMap<String, String>();
        var m = Pattern.compile("<input type=\"hidden\"[^>]*?name=\"([^\"]+)\"[^>]*?value=\"([^\"]*)\"").matcher(html);
        while (m.find()) {
            out.put(m.group(1), unescape(m.group(2)));
        }
        var textareas = Pattern.compile("<textarea[^>]*?name=\"([^\"]+)\"[^>]*>([^<]*)</textarea>").matcher(html);
        while (textareas.find()) {
            out.putIfAbsent(textareas.group(1), unescape(textareas.group(2)));
        }
        return out;
    }

    /** The text of the error message shown right after a field (its invalid-feedback). */
    static String feedbackOf(String html, String fieldId) {
        var m = Pattern.compile("id=\"" + Pattern.quote(fieldId) + "\"[\\s\\S]*?<div[^>]*class=\"invalid-feedback[^\"]*\"[^>]*>([^<]*)</div>").matcher(html);
        return m.find() ? unescape(m.group(1)).strip() : "";
    }

    static String unescape(String s) {
        return org.unbescape.html.HtmlEscape.unescapeHtml(s);
    }

    /** The page as a reader sees its text: Thymeleaf writes some letters as entities (ì as &amp;igrave;). */
    static String text(HttpResponse<String> response) {
        return unescape(response.body());
    }

    static String id(String name) {
        return DossierIntakeApiTests.idFor(name);
    }

    static String phone() {
        return "09" + (10_000_000 + (int) (Math.random() * 89_999_999));
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> checklist() {
        var p = anonymous().get().uri("/api/v1/procedures/{c}", COPY).retrieve().toEntity(MAP).getBody();
        var record = p.containsKey("record") ? (Map<String, Object>) p.get("record") : p;
        return (List<Map<String, Object>>) record.get("documents");
    }

    List<Map<String, Object>> everything() {
        var out = new ArrayList<Map<String, Object>>();
        for (int i = 1; i <= checklist().size(); i++) {
            out.add(new HashMap<>(Map.of("requirement", Integer.toString(i), "originals", 1, "copies", 0)));
        }
        return out;
    }
}
