package vn.motcua.dossier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.IntegrationTest;
import vn.motcua.WebSession;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.dossier.DossierIntakeApiTests.citizen;
import static vn.motcua.dossier.DossierIntakeApiTests.receive;

/**
 * The applicant's rating after the result is returned (issue 11): once per dossier, only by the applicant (the last
 * four digits of the phone or ID number, as the lookup asks), the questions in force as data, problem details for every
 * refusal, and the desk screen. A dossier is received at the Xuân Hương desk through the API and then returned.
 */
class DossierRatingTests extends IntegrationTest {

    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };
    /** Every question of the first set (V20 migration, from 1 July 2025), each with an answer it offers. */
    static final Map<String, Integer> ALL_GOOD = Map.of("PUBLICITY", 5, "GUIDANCE", 4, "ATTITUDE", 5, "TIMELINESS", 2, "VISITS", 0,
            "OVERALL", 5);

    @Autowired
    JdbcClient jdbc;

    @Test
    void theApplicantRatesAReturnedDossierOnceAndTheRatingCountsForTheOfficerWhoReceivedIt() {
        String code = returned("Phạm Thị Hoa", "0903555111");
        var first = rate(code, "5111", ALL_GOOD, "Cán bộ nhiệt tình");
        assertThat(first.getStatusCode().value()).as(String.valueOf(first.getBody())).isEqualTo(201);
        assertThat(first.getBody()).containsEntry("code", code).containsEntry("channel", "QR").containsEntry("overall", 5)
                .containsEntry("receivedBy", "tn.xuanhuong");

        var row = jdbc.sql("select channel, received_by, returned_by, opened_by, comment from dossier.rating where code = :c")
                .param("c", code).query().singleRow();
        assertThat(row).containsEntry("channel", "QR").containsEntry("received_by", "tn.xuanhuong")
                .containsEntry("returned_by", RETURNED_BY).containsEntry("comment", "Cán bộ nhiệt tình");
        assertThat(row.get("opened_by")).isNull();
        var answers = jdbc.sql("select question_code, value from dossier.rating_answer a join dossier.rating r using (dossier_id) "
                + "where r.code = :c").param("c", code).query((rs, i) -> Map.entry(rs.getString(1), rs.getInt(2))).list();
        assertThat(answers).containsExactlyInAnyOrderElementsOf(ALL_GOOD.entrySet());
        assertThat(jdbc.sql("select count(*) from audit.record where action = 'DOSSIER_RATED' and target = :t")
                .param("t", "dossier:" + code).query(Integer.class).single()).isEqualTo(1);

        var again = rate(code, "5111", Map.of("PUBLICITY", 1, "GUIDANCE", 1, "ATTITUDE", 1, "TIMELINESS", 1, "VISITS", 2, "OVERALL", 1), "");
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody()).containsEntry("code", "rating.already-rated");
        assertThat(again.getBody().get("detail").toString()).contains("đã được đánh giá");
        assertThat(jdbc.sql("select value from dossier.rating_answer a join dossier.rating r using (dossier_id) "
                + "where r.code = :c and question_code = 'OVERALL'").param("c", code).query(Integer.class).single())
                .as("the first rating stands").isEqualTo(5);
        // The ID number proves it as well (its last four digits), and a stranger is not told that it was rated.
        assertThat(rate(code, "0000", ALL_GOOD, "").getBody()).containsEntry("code", "rating.not-applicant");
    }

    @Test
    void badInputAndWrongStatesAreProblemsAndStoreNothing() {
        String code = returned("Đỗ Văn Minh", "0912444222");
        var unknownQuestion = new HashMap<>(ALL_GOOD);
        unknownQuestion.put("FRIENDLINESS", 5);
        assertThat(invalid(rate(code, "4222", unknownQuestion, ""))).containsKey("answers.FRIENDLINESS");
        var outOfRange = new HashMap<>(ALL_GOOD);
        outOfRange.put("OVERALL", 6);
        outOfRange.put("VISITS", 3);
        assertThat(invalid(rate(code, "4222", outOfRange, ""))).containsOnlyKeys("answers.OVERALL", "answers.VISITS");
        var unanswered = new HashMap<>(ALL_GOOD);
        unanswered.remove("ATTITUDE");
        assertThat(invalid(rate(code, "4222", unanswered, ""))).containsOnlyKeys("answers.ATTITUDE");
        assertThat(invalid(rate(code, "4222", ALL_GOOD, "x".repeat(1001)))).containsOnlyKeys("comment");

        var wrongDigits = rate(code, "9999", ALL_GOOD, "");
        assertThat(wrongDigits.getStatusCode().value()).isEqualTo(403);
        assertThat(wrongDigits.getBody()).containsEntry("code", "rating.not-applicant");
        assertThat(rate(code, null, ALL_GOOD, "").getStatusCode().value()).isEqualTo(403);

        String unknown = "H36.201.01-" + LocalDate.now(DossierWords.VIETNAM).format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd")) + "-9999";
        var notThere = rate(unknown, "4222", ALL_GOOD, "");
        assertThat(notThere.getStatusCode().value()).isEqualTo(404);
        assertThat(notThere.getBody()).containsEntry("code", "rating.dossier-not-found");
        assertThat(rate("<script>", "4222", ALL_GOOD, "").getStatusCode().value()).isEqualTo(404);

        String pending = DossierIntakeApiTests.code(as("tn.xuanhuong").post().uri("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON)
                .body(receive("2.000908", "H36.201", citizen("Đỗ Văn Minh", "0912444222"), ReturnedDossiers.everything(anonymous()))).retrieve().toEntity(MAP));
        var early = rate(pending, "4222", ALL_GOOD, "");
        assertThat(early.getStatusCode().value()).isEqualTo(409);
        assertThat(early.getBody()).containsEntry("code", "rating.not-returned");

        assertThat(jdbc.sql("select count(*) from dossier.rating where code in (:c, :p)").param("c", code).param("p", pending)
                .query(Integer.class).single()).isZero();
        assertThat(rate(code, "4222", ALL_GOOD, "").getStatusCode().value()).as("after all that, the applicant still rates").isEqualTo(201);
    }

    @Test
    void twoSubmissionsAtOnceStoreOneRating() throws Exception {
        String code = returned("Vũ Thị Lan", "0977888333");
        int n = 8;
        var start = new CountDownLatch(1);
        var results = new ArrayList<java.util.concurrent.Future<Integer>>();
        try (var pool = Executors.newFixedThreadPool(n)) {
            for (int i = 0; i < n; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return rate(code, "8333", ALL_GOOD, "").getStatusCode().value();
                }));
            }
            start.countDown();
            var statuses = new ArrayList<Integer>();
            for (var r : results) {
                statuses.add(r.get());
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        }
        assertThat(jdbc.sql("select count(*) from dossier.rating_answer a join dossier.rating r using (dossier_id) where r.code = :c")
                .param("c", code).query(Integer.class).single()).isEqualTo(ALL_GOOD.size());
    }

    @Test
    void tenWrongDigitsForOneDossierFromTenAddressesCloseItToTriesWhileOthersStayOpen() throws Exception {
        String code = returned("Lò Văn Thử", "0912777333");
        String other = returned("Lò Thị Khác", "0912777444");
        var http = HttpClient.newHttpClient();
        for (int i = 0; i < 10; i++) {
            var wrong = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/public/dossiers/" + code + "/rating"))
                    .header("X-Forwarded-For", "203.0.113." + (100 + i)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"verify\":\"" + (1000 + i) + "\",\"answers\":{}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(wrong.statusCode()).as("each address tries once, below its own limit").isEqualTo(403);
        }
        var closed = rate(code, "7333", ALL_GOOD, "");
        assertThat(closed.getStatusCode().value()).as("the right digits are not checked any more").isEqualTo(429);
        assertThat(closed.getBody()).containsEntry("code", "rating.too-many-tries");
        assertThat(closed.getBody().get("detail").toString()).contains("24 giờ").contains("bộ phận một cửa");
        var page = new vn.motcua.WebSession(baseUrl(), "198.51.100.120").get("/tra-cuu/" + code + "?so=7333");
        assertThat(page.body()).contains("Lò V** T**").doesNotContain("Lò Văn Thử").contains("nhập sai 4 số cuối quá nhiều lần");
        assertThat(rate(other, "7444", ALL_GOOD, "").getStatusCode().value()).as("another dossier is not touched").isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from dossier.rating where code = :c").param("c", code).query(Integer.class).single()).isZero();
    }

    @Test
    void theRatingIsRateLimitedPerAddressLikeTheLookup() throws Exception {
        var http = HttpClient.newHttpClient();
        boolean limited = false;
        for (int i = 0; i < 30 && !limited; i++) {
            var response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/public/dossiers/H36.201.01-000000-" + i + "/rating"))
                    .header("X-Forwarded-For", "203.0.113.77").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"verify\":\"1234\",\"answers\":{}}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isIn(404, 429);
            if (response.statusCode() == 429) {
                limited = true;
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
                assertThat(i).as("the lookup's 20 requests at once, then one every 3 s").isBetween(20, 21);
            }
        }
        assertThat(limited).isTrue();
    }

    @Test
    void theQuestionsAreDataWithEffectiveDatesAndOnlyAnAdministratorPublishesANewSet() {
        LocalDate from = LocalDate.now(DossierWords.VIETNAM).plusYears(20);
        var set = Map.of("validFrom", from.toString(), "questions", List.of(
                Map.of("code", "WAITING", "position", 1, "textVi", "Thời gian chờ tại quầy", "textEn", "Waiting time at the desk",
                        "required", true, "options", List.of(Map.of("value", 1, "vi", "Lâu", "en", "Long"), Map.of("value", 2, "vi", "Nhanh", "en", "Short"))),
                Map.of("code", "OVERALL", "position", 2, "textVi", "Mức độ hài lòng chung", "textEn", "Overall", "required", true,
                        "options", List.of(Map.of("value", 1, "vi", "Không hài lòng", "en", "No"), Map.of("value", 2, "vi", "Hài lòng", "en", "Yes")))));
        assertThat(as("tn.xuanhuong").put().uri("/api/v1/rating-questions").contentType(MediaType.APPLICATION_JSON).body(set)
                .retrieve().toEntity(MAP).getStatusCode().value()).isEqualTo(403);
        var published = as("admin").put().uri("/api/v1/rating-questions").contentType(MediaType.APPLICATION_JSON).body(set)
                .retrieve().toEntity(new ParameterizedTypeReference<List<Map<String, Object>>>() { });
        assertThat(published.getStatusCode().value()).isEqualTo(200);
        assertThat(published.getBody()).extracting(q -> q.get("code")).containsExactly("WAITING", "OVERALL");

        var today = anonymous().get().uri("/api/v1/public/rating-questions").retrieve()
                .toEntity(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
        assertThat(today).extracting(q -> q.get("code")).containsExactly("PUBLICITY", "GUIDANCE", "ATTITUDE", "TIMELINESS", "VISITS", "OVERALL");
        var dayBefore = anonymous().get().uri("/api/v1/public/rating-questions?on={d}", from.minusDays(1)).retrieve()
                .toEntity(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
        assertThat(dayBefore).hasSize(6);
        var onTheDay = anonymous().get().uri("/api/v1/public/rating-questions?on={d}", from).retrieve()
                .toEntity(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
        assertThat(onTheDay).extracting(q -> q.get("code")).containsExactly("WAITING", "OVERALL");

        var backdated = new HashMap<>(set);
        backdated.put("validFrom", LocalDate.now(DossierWords.VIETNAM).toString());
        var refused = as("admin").put().uri("/api/v1/rating-questions").contentType(MediaType.APPLICATION_JSON).body(backdated)
                .retrieve().toEntity(MAP);
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(invalidOf(refused)).containsKey("validFrom");
    }

    @Test
    void theDeskScreenTakesTheRatingOfTheApplicantInFrontOfTheOfficerAndShowsNoPersonalData() throws Exception {
        String code = returned("Hoàng Văn Tùng", "0988111444");
        var desk = new WebSession(baseUrl(), "203.0.113.61");
        desk.login("tn.xuanhuong", DEMO_PASSWORD);
        var screen = desk.get("/quay/danh-gia/" + code);
        assertThat(screen.statusCode()).isEqualTo(200);
        assertThat(screen.body()).contains("Thái độ của cán bộ tiếp nhận").contains(code)
                .doesNotContain("Hoàng Văn Tùng").doesNotContain("0988111444").doesNotContain("Đăng xuất");
        var missingOne = desk.postForm("/quay/danh-gia/" + code, "q-PUBLICITY=5&q-GUIDANCE=5&q-ATTITUDE=4&q-TIMELINESS=3&q-VISITS=0");
        assertThat(missingOne.statusCode()).isEqualTo(422);
        assertThat(missingOne.body()).contains("Chưa trả lời câu &quot;Mức độ hài lòng chung").contains("id=\"q-OVERALL-error\"")
                .as("what was chosen stays chosen").containsPattern("id=\"q-ATTITUDE-4\"[^>]*checked");
        var done = desk.postForm("/quay/danh-gia/" + code, "q-PUBLICITY=5&q-GUIDANCE=5&q-ATTITUDE=4&q-TIMELINESS=3&q-VISITS=0&q-OVERALL=4");
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Cảm ơn ông/bà đã đánh giá");
        assertThat(jdbc.sql("select channel || ' ' || opened_by || ' ' || received_by from dossier.rating where code = :c").param("c", code)
                .query(String.class).single()).isEqualTo("DESK tn.xuanhuong tn.xuanhuong");
        assertThat(desk.get("/quay/danh-gia/" + code).body()).contains("Hồ sơ này đã được đánh giá");

        var otherDesk = new WebSession(baseUrl(), "203.0.113.62");
        otherDesk.login("tn.lamvien", DEMO_PASSWORD);
        assertThat(otherDesk.get("/quay/danh-gia/" + code).statusCode()).as("another commune's desk does not see it").isEqualTo(404);
    }

    @Test
    void theApplicantRatesFromTheLookupPageWithTheirDigits() throws Exception {
        String code = returned("Lý Thị Mai", "0966222555");
        var citizen = new WebSession(baseUrl(), "203.0.113.63");
        var lookupPage = citizen.get("/tra-cuu/" + code);
        assertThat(lookupPage.body()).contains("/tra-cuu/" + code + "/danh-gia");
        var form = citizen.get("/tra-cuu/" + code + "/danh-gia");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Mức độ hài lòng chung").doesNotContain("Lý Thị Mai");
        String answers = "q-PUBLICITY=4&q-GUIDANCE=4&q-ATTITUDE=4&q-TIMELINESS=2&q-VISITS=1&q-OVERALL=4";
        var wrong = citizen.postForm("/tra-cuu/" + code + "/danh-gia", "so=1111&" + answers);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).contains("Chỉ người nộp hồ sơ được đánh giá").contains("id=\"so-error\"");
        var done = citizen.postForm("/tra-cuu/" + code + "/danh-gia", "so=2555&" + answers);
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Đã ghi nhận đánh giá");
        var twice = citizen.postForm("/tra-cuu/" + code + "/danh-gia", "so=2555&" + answers);
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("đã được đánh giá").doesNotContain("Gửi đánh giá</button>");
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    ResponseEntity<Map<String, Object>> rate(String code, String verify, Map<String, Integer> answers, String comment) {
        var body = new HashMap<String, Object>();
        body.put("verify", verify);
        body.put("answers", answers);
        body.put("comment", comment);
        return anonymous().post().uri("/api/v1/public/dossiers/{c}/rating", code).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(MAP);
    }

    static Map<String, String> invalid(ResponseEntity<Map<String, Object>> problem) {
        assertThat(problem.getStatusCode().value()).as(String.valueOf(problem.getBody())).isEqualTo(422);
        assertThat(problem.getBody()).containsEntry("code", "rating.invalid");
        return invalidOf(problem);
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> invalidOf(ResponseEntity<Map<String, Object>> problem) {
        var out = new HashMap<String, String>();
        for (var p : (List<Map<String, Object>>) problem.getBody().get("invalidParams")) {
            out.put((String) p.get("name"), (String) p.get("reason"));
        }
        return out;
    }

    static final String RETURNED_BY = ReturnedDossiers.RETURNED_BY;

    String returned(String name, String phone) {
        return ReturnedDossiers.make(as("tn.xuanhuong"), anonymous(), jdbc, name, phone);
    }
}
