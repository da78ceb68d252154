package vn.motcua.dossier;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.motcua.IntegrationTest;
import vn.motcua.WebSession;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.dossier.DossierIntakeApiTests.MAP;

/**
 * The staff's dossier page and work queues without a browser: only the caller's actions are offered, a date that
 * does not exist is told next to its field (400, nothing done), a stale form is told in Vietnamese with the fresh state
 * (409), and the queues count and list by due time. A dossier of the Department of Justice (3.000334) is taken to the
 * clerk's step through the API as each role.
 */
class WorkPagesTests extends IntegrationTest {

    static final String RECORD = DossierIntakeApiTests.RECORD;

    String atTheClerk(String name, String phone) {
        String code = DossierIntakeApiTests.code(as("tn.ttpvhcc").post().uri("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON)
                .body(DossierIntakeApiTests.receive(RECORD, "H36.10", DossierIntakeApiTests.citizen(name, phone),
                        ReturnedDossiers.everything(anonymous(), RECORD))).retrieve().toEntity(MAP));
        ok(act("pc.stp", code, Map.of("action", "ASSIGN", "assignee", "cv.stp")));
        ok(act("cv.stp", code, Map.of("action", "COMPLETE_STEP")));
        ok(act("tp.stp", code, Map.of("action", "COMPLETE_STEP")));
        ok(act("gd.stp", code, Map.of("action", "APPROVE")));
        return code;
    }

    ResponseEntity<Map<String, Object>> act(String user, String code, Map<String, Object> body) {
        return as(user).post().uri("/api/v1/dossiers/{c}/actions", code).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(MAP);
    }

    static void ok(ResponseEntity<Map<String, Object>> r) {
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
    }

    @Test
    void theClerkSeesOnlyTheirActionsAndABadDateNextToItsField() throws Exception {
        String code = atTheClerk("Phan Văn Long", "0905333111");
        var clerk = new WebSession(baseUrl(), "203.0.113.71");
        clerk.login("vt.stp", DEMO_PASSWORD);
        var page = clerk.get("/ho-so/" + code);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"do-ISSUE_RESULT\"").doesNotContain("id=\"do-APPROVE\"").doesNotContain("id=\"do-ASSIGN\"")
                .contains("</html>");
        String version = page.body().replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");
        var bad = clerk.postForm("/ho-so/" + code + "/hanh-dong", "action=ISSUE_RESULT&version=" + version
                + "&resultNumber=125%2FSTP&resultDate=31%2F02%2F2026");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("</html>").contains("id=\"ISSUE_RESULT-resultDate-error\"").contains("ngày/tháng/năm");

        var stale = clerk.postForm("/ho-so/" + code + "/hanh-dong", "action=ISSUE_RESULT&version=" + (Integer.parseInt(version) - 1)
                + "&resultNumber=125%2FSTP&resultDate=01%2F12%2F2026");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("vừa được người khác xử lý").contains("</html>");
    }

    @Test
    void eachHomeCountsTheQueuesOfItsRolesAndTheCentreManagerReachesThem() throws Exception {
        atTheClerk("Kiều Văn Nam", "0905333222");
        var clerk = new WebSession(baseUrl(), "203.0.113.72");
        clerk.login("vt.stp", DEMO_PASSWORD);
        var home = clerk.get("/");
        assertThat(home.body()).contains("id=\"work-counts\"").contains("href=\"/ho-so?queue=unit\"");
        var api = as("vt.stp").get().uri("/api/v1/dossiers?queue=unit").retrieve().toEntity(MAP).getBody();
        long unit = ((Number) ((Map<?, ?>) api.get("counts")).get("unit")).longValue();
        assertThat(unit).as("the dossier just approved waits for the clerks").isPositive();
        String card = home.body().replaceAll("(?s).*id=\"work-counts\"(.*?)</ul>.*", "$1");
        assertThat(card.replaceAll("\\s+", " ")).contains("Của đơn vị</span>: <strong>" + unit + "</strong>");

        var manager = new WebSession(baseUrl(), "203.0.113.73");
        manager.login("gd.ttpvhcc", DEMO_PASSWORD);
        var managerHome = manager.get("/");
        assertThat(managerHome.body()).contains("id=\"work-counts\"").contains("href=\"/ho-so\"").contains("href=\"/ho-so?queue=overdue\"");
        assertThat(manager.get("/ho-so?queue=overdue").statusCode()).isEqualTo(200);

        var catalogOfficer = new WebSession(baseUrl(), "203.0.113.74");
        catalogOfficer.login("kstthc", DEMO_PASSWORD);
        assertThat(catalogOfficer.get("/").body()).as("no dossier role, no queue").doesNotContain("id=\"work-counts\"");
    }
}
