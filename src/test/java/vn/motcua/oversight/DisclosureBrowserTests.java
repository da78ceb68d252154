package vn.motcua.oversight;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.BrowserTest;
import vn.motcua.organization.AgencyDirectory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen opens the public page of handling results for May 2025 and reads the Department of Justice's figures:
 * four dossiers worked by hand (one carried over from April and finished early, one early, one late, one still open
 * past its appointment at the end of May).
 */
class DisclosureBrowserTests extends BrowserTest {


    @Autowired
    JdbcClient jdbc;
    @Autowired
    AgencyDirectory agencies;

    @Test
    void aCitizenReadsAnAgencysFiguresForAMonth() {
        var justice = agencies.findByElectronicId("H36.10").orElseThrow();
        String run = fresh();
        fact(run + "-1", justice.id(), "2025-05-05T08:00", "2025-05-12T08:00", "2025-05-09T10:00");
        fact(run + "-2", justice.id(), "2025-05-06T08:00", "2025-05-13T08:00", "2025-05-15T10:00");
        fact(run + "-3", justice.id(), "2025-05-20T08:00", "2025-05-27T08:00", null);
        fact(run + "-4", justice.id(), "2025-04-28T08:00", "2025-05-05T08:00", "2025-05-02T10:00");
        var consoleErrors = new ArrayList<String>();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type()) && !m.text().startsWith("Failed to load resource")) {
                consoleErrors.add(m.text());
            }
        });
        var failed = new ArrayList<String>();
        page.onResponse(r -> {
            if (r.status() >= 400) {
                failed.add(r.status() + " " + r.url());
            }
        });

        page.navigate(baseUrl() + "/public/disclosure?period=2025-05");
        var row = page.locator("table tbody tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText(justice.name()));
        assertThat(row).hasCount(1);
        var cells = row.locator("td");
        assertThat(cells.nth(1)).hasText("4"); // received: three in May and one carried over
        assertThat(cells.nth(2)).hasText("3"); // resolved
        assertThat(cells.nth(3)).hasText("2"); // on time (both early)
        assertThat(cells.nth(4)).hasText("1"); // late
        assertThat(cells.nth(5)).hasText("1"); // open past its appointment on 31/05
        assertThat(cells.nth(7)).hasText("50,00 %"); // 2 of 4 on time, written the Vietnamese way
        assertThat(page.locator("figure svg rect[fill='#198754']").first()).isVisible();
        assertThat(page.locator("h1")).hasText("Công khai kết quả giải quyết hồ sơ");
        snapshot("may-2025");

        var api = anonymous().get().uri("/api/v1/public/disclosure?period=2025-05&agency=H36.10").retrieve()
                .toEntity(new ParameterizedTypeReference<Map<String, Object>>() { }).getBody();
        @SuppressWarnings("unchecked")
        var total = (Map<String, Object>) api.get("total");
        assertThat(((Number) total.get("received")).intValue()).isGreaterThanOrEqualTo(4);
        assertThat(api.get("periodLabel")).isEqualTo("Tháng 5/2025");

        var bad = anonymous().get().uri("/public/disclosure?period=2025-13&agency=").retrieve().toEntity(String.class);
        assertThat(bad.getStatusCode().value()).isEqualTo(200); // the page again, with the message next to the field
        page.locator("#period").fill("2025-13");
        page.locator("form button[type=submit]").click();
        assertThat(page.locator("#period")).hasClass(java.util.regex.Pattern.compile("is-invalid"));
        assertThat(page.locator("#period-error")).containsText("không hợp lệ");
        assertThat(consoleErrors).isEmpty(); // no script refused by the content security policy
        assertThat(failed).isEmpty();
    }

    private void fact(String code, java.util.UUID agency, String received, String due, String ended) {
        Facts.insert(jdbc, code, agency, "3.000334", "DIRECT", received, due, ended, ended == null ? null : "RESOLVED");
    }
}
