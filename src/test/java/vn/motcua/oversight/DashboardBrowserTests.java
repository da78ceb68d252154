package vn.motcua.oversight;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.BrowserTest;
import vn.motcua.organization.AgencyDirectory;


import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The director of the Department of Justice opens the dashboard for July 2025: three dossiers of "Cấp Phiếu lý lịch
 * tư pháp" (one early, one late after its unit held it five working hours past the step budget, one still open past
 * its appointment), written into the projection by hand.
 */
class DashboardBrowserTests extends BrowserTest {


    @Autowired
    JdbcClient jdbc;
    @Autowired
    AgencyDirectory agencies;

    @Test
    void aLeaderSeesLateDossiersAndTheUnitThatHeldThem() {
        var justice = agencies.findByElectronicId("H36.10").orElseThrow();
        String run = fresh();
        fact(run + "-1", justice.id(), "2025-07-01T08:00", "2025-07-08T08:00", "2025-07-03T10:00");
        fact(run + "-2", justice.id(), "2025-07-02T08:00", "2025-07-09T08:00", "2025-07-11T10:00");
        fact(run + "-3", justice.id(), "2025-07-14T08:00", "2025-07-21T08:00", null);
        jdbc.sql("insert into oversight.late_step (code, at, step, agency_id, unit_id, unit, late_minutes) values (:c, :at, 'Thẩm định hồ sơ', :a, null, 'Phòng Hành chính tư pháp', 300)")
                .param("c", "TEST-" + run + "-2").param("at", Facts.at("2025-07-08T15:00")).param("a", justice.id()).update();

        signIn("gd.stp", DEMO_PASSWORD);
        page.navigate(baseUrl() + "/oversight?period=2025-07");
        assertThat(page.locator("#agency")).hasValue("H36.10"); // opens on the director's own agency
        assertThat(page.locator("#summary")).containsText("Tháng 7/2025");
        assertThat(page.locator("#trend polyline")).hasAttribute("points", java.util.regex.Pattern.compile("\\d+,\\d+"));
        var procedure = page.locator("#late-procedures tbody tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText("3.000334"));
        assertThat(procedure.locator("td").nth(1)).hasText(java.util.regex.Pattern.compile("[1-9]\\d*"));
        assertThat(procedure.locator("td").nth(2)).hasText(java.util.regex.Pattern.compile("[1-9]\\d*"));
        var unit = page.locator("#late-units tbody tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Phòng Hành chính tư pháp"));
        assertThat(unit.locator("td").nth(2)).hasText(java.util.regex.Pattern.compile("[1-9]\\d*"));
        assertThat(page.locator("#heat-map td").first()).containsText("%");
        snapshot("july-2025");

        page.locator("#agency").fill("H36.14");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Xem")).click();
        assertThat(page.locator("#agency-error")).containsText("nằm ngoài phạm vi");
        assertThat(page.locator("#summary")).hasCount(0);
    }

    private void fact(String code, java.util.UUID agency, String received, String due, String ended) {
        Facts.insert(jdbc, code, agency, "3.000334", "DIRECT", received, due, ended, ended == null ? null : "RESOLVED");
    }
}
