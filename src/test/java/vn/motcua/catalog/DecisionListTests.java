package vn.motcua.catalog;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import vn.motcua.IntegrationTest;
import vn.motcua.WebSession;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The decisions page pages, searches by number and filters drafts, however many decisions there are. */
class DecisionListTests extends IntegrationTest {

    @Test
    void manyDraftsArePagedAndFoundByNumber() throws Exception {
        String run = unique();
        for (int i = 1; i <= 55; i++) {
            var created = as("kstthc").post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("number", "%d/QĐ-TEST%s".formatted(i, run), "decidedOn", "2026-11-20", "issuer", "Chủ tịch UBND tỉnh",
                            "effectiveDate", "2026-12-15", "items", List.of(Map.of("code", "1.000656", "change", "ABOLISHED"))))
                    .retrieve().toBodilessEntity();
            assertThat(created.getStatusCode().is2xxSuccessful()).isTrue();
        }
        var officer = new WebSession(baseUrl(), "203.0.113.95");
        officer.login("kstthc", DEMO_PASSWORD);

        var drafts = officer.get("/admin/catalog/decisions?status=draft&q=QĐ-TEST" + run).body();
        assertThat(rows(drafts)).as("50 to a page").isEqualTo(50);
        assertThat(drafts).contains("Trang 1/2");
        var second = officer.get("/admin/catalog/decisions?status=draft&q=QĐ-TEST" + run + "&page=2").body();
        assertThat(rows(second)).isEqualTo(5);

        var one = officer.get("/admin/catalog/decisions?q=37/QĐ-TEST" + run).body();
        assertThat(rows(one)).isEqualTo(1);
        assertThat(one).contains("37/QĐ-TEST" + run);
        assertThat(rows(officer.get("/admin/catalog/decisions?status=applied&q=QĐ-TEST" + run).body())).isZero();
        assertThat(officer.get("/admin/catalog/decisions?page=999&status=nonsense").statusCode()).isEqualTo(200);
    }

    private static int rows(String html) {
        var m = Pattern.compile("/admin/catalog/decisions/[0-9a-f-]{36}\"").matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
