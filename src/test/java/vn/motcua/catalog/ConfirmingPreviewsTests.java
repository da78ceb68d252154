package vn.motcua.catalog;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.IntegrationTest;
import vn.motcua.WebSession;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A confirmation applies exactly what its preview showed: two officers confirming the same preview at once, one
 * applies and the other is told plainly; a draft edited after its preview is refused; nothing half-written.
 */
class ConfirmingPreviewsTests extends IntegrationTest {

    private static final Pattern DIGEST = Pattern.compile("name=\"digest\" value=\"([0-9a-f]{64})\"");

    @Autowired
    PublishingDecisions decisions;
    @Autowired
    ProcedureCatalog catalog;

    @Test
    void ofTwoOfficersConfirmingTheSameDecisionTheSecondIsToldItIsAlreadyApplied() throws Exception {
        String code = "9.98" + fresh().substring(0, 4).replaceAll("[a-z]", "3");
        var draft = decisions.draft("701/QĐ-UBND", LocalDate.of(2026, 3, 1), "Chủ tịch UBND tỉnh Lâm Đồng", LocalDate.of(2026, 3, 10), List.of(
                new Decision.Item(code, Decision.Change.NEW, DecisionsAndVersionsTests.procedure(code, "Thủ tục hai cán bộ cùng xác nhận", 5), null)));
        var officers = List.of(new WebSession(baseUrl(), "203.0.113.61"), new WebSession(baseUrl(), "203.0.113.62"));
        assertThat(officers.get(0).login("kstthc", DEMO_PASSWORD).statusCode()).isEqualTo(302);
        assertThat(officers.get(1).login("admin", DEMO_PASSWORD).statusCode()).isEqualTo(302);
        var digests = new ArrayList<String>();
        for (var officer : officers) {
            var preview = officer.get("/admin/catalog/decisions/" + draft.id() + "/preview");
            assertThat(preview.body()).contains("1 thủ tục công bố mới");
            var m = DIGEST.matcher(preview.body());
            assertThat(m.find()).isTrue();
            digests.add(m.group(1));
        }
        assertThat(digests.get(0)).isEqualTo(digests.get(1));

        var answers = confirmAtOnce(officers, "/admin/catalog/decisions/" + draft.id() + "/application", "digest=" + digests.get(0));
        assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(302, 200);
        var refused = answers.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
        assertThat(refused.body()).contains("Quyết định 701/QĐ-UBND đã được áp dụng lúc").contains("không áp dụng lần nữa");
        assertThat(catalog.history(code)).hasSize(1);
    }

    @Test
    void aDraftEditedAfterItsPreviewIsRefusedWithNothingApplied() {
        String code = "9.99" + fresh().substring(0, 4).replaceAll("[a-z]", "4");
        var draft = decisions.draft("702/QĐ-UBND", LocalDate.of(2026, 3, 1), "Chủ tịch UBND tỉnh Lâm Đồng", LocalDate.of(2026, 3, 10), List.of(
                new Decision.Item(code, Decision.Change.NEW, DecisionsAndVersionsTests.procedure(code, "Thủ tục xem trước rồi sửa", 5), null)));
        var api = as("kstthc");
        String preview = api.get().uri("/api/v1/decisions/" + draft.id() + "/preview").retrieve().body(String.class);
        String digest = preview.replaceAll("(?s).*\"digest\":\"([0-9a-f]{64})\".*", "$1");
        assertThat(digest).hasSize(64);
        decisions.putItem(draft.id(), new Decision.Item(code, Decision.Change.NEW, DecisionsAndVersionsTests.procedure(code, "Thủ tục đã sửa sau khi xem", 2), null));

        var refused = api.post().uri("/api/v1/decisions/" + draft.id() + "/application?digest=" + digest).retrieve().toEntity(String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody()).contains("\"code\":\"catalog.preview-outdated\"").contains("Chưa áp dụng gì");
        assertThat(decisions.get(draft.id()).applied()).isFalse();
        String fresh = api.get().uri("/api/v1/decisions/" + draft.id() + "/preview").retrieve().body(String.class)
                .replaceAll("(?s).*\"digest\":\"([0-9a-f]{64})\".*", "$1");
        assertThat(api.post().uri("/api/v1/decisions/" + draft.id() + "/application?digest=" + fresh).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(200);
        assertThat(catalog.history(code).getFirst().record().name()).isEqualTo("Thủ tục đã sửa sau khi xem");
    }

    @Test
    void ofTwoAdministratorsConfirmingTheSameYearTheSecondSeesTheYearChanged() throws Exception {
        int year = 2037;
        String csv = "date,kind,name\n2037-01-01,HOLIDAY,Tết Dương lịch " + fresh() + "\n2037-02-16,HOLIDAY,Tết Đinh Tỵ\n";
        var admins = List.of(new WebSession(baseUrl(), "203.0.113.63"), new WebSession(baseUrl(), "203.0.113.64"));
        var digests = new ArrayList<String>();
        for (var admin : admins) {
            assertThat(admin.login("admin", DEMO_PASSWORD).statusCode()).isEqualTo(302);
            admin.get("/admin/calendar/" + year);
            var preview = admin.upload("/admin/calendar/" + year + "/import", "2037.csv", "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(preview.statusCode()).isEqualTo(200);
            var m = DIGEST.matcher(preview.body());
            assertThat(m.find()).isTrue();
            digests.add(m.group(1));
        }
        var form = "csv=" + java.net.URLEncoder.encode(csv, java.nio.charset.StandardCharsets.UTF_8) + "&digest=" + digests.get(0);
        var answers = confirmAtOnce(admins, "/admin/calendar/" + year + "/import/confirmation", form);
        assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(302, 200);
        assertThat(answers.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow().body())
                .contains("Lịch năm 2037 đã thay đổi từ lúc xem trước").contains("Chưa thay đổi gì");
    }

    private static List<HttpResponse<String>> confirmAtOnce(List<WebSession> sessions, String path, String form) throws Exception {
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(sessions.size())) {
            var futures = new ArrayList<Future<HttpResponse<String>>>();
            for (var session : sessions) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return session.postForm(path, form);
                }));
            }
            start.countDown();
            var out = new ArrayList<HttpResponse<String>>();
            for (var f : futures) {
                out.add(f.get());
            }
            return out;
        }
    }
}
