package vn.motcua.catalog;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A catalog officer finds a procedure that lacks its steps and starts the amending decision that completes it. */
class CompletenessBrowserTests extends BrowserTest {

    @Autowired
    PublishingDecisions decisions;
    @Autowired
    CatalogCompleteness completeness;

    @Test
    void aCatalogOfficerStartsAnAmendingDecisionForAnIncompleteProcedure() {
        signIn("kstthc", DEMO_PASSWORD);
        page.navigate(baseUrl() + "/admin/catalog/completeness");
        page.locator("#missing").selectOption("STEPS");
        page.locator("#filter").click();
        page.waitForURL("**missing=STEPS**");
        // the page counts what the catalog holds (ProcedureFactsPageTests checks those counts against the source files)
        int missingSteps = completeness.view(new CatalogCompleteness.Filter(MandatoryComponent.STEPS, false, false, null), 0, 0).matching();
        assertThat(missingSteps).isGreaterThan(900);
        String shown = java.text.NumberFormat.getIntegerInstance(java.util.Locale.forLanguageTag("vi")).format(missingSteps); // 1.410
        assertThat(page.locator("#shown")).hasText("Hiển thị 50 trong " + shown + " thủ tục khớp bộ lọc.");
        assertThat(page.locator("#components tr[data-component=STEPS] .missing")).hasText(shown);
        page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots/completeness-missing-steps.png")));
        var row = page.locator("#procedures tbody tr").first();
        String code = row.getAttribute("data-code");
        assertThat(row.locator("td").nth(2)).containsText("Thiếu");
        row.locator("button").click();
        page.waitForURL("**/admin/catalog/decisions");
        assertThat(page.locator("#notice")).containsText("Dự thảo sửa đổi, bổ sung TTHC " + code);
        var draft = decisions.recent(50).stream().filter(d -> ("Dự thảo sửa đổi, bổ sung TTHC " + code).equals(d.number())).findFirst().orElseThrow();
        assertThat(draft.applied()).isFalse();
        assertThat(draft.items()).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo(code);
            assertThat(i.change()).isEqualTo(Decision.Change.AMENDED);
        });
        assertThat(page.locator("tr", new Page.LocatorOptions().setHasText("Dự thảo sửa đổi, bổ sung TTHC " + code))).containsText(code);

        // a second click does not start a second draft for the same procedure
        page.navigate(baseUrl() + "/admin/catalog/completeness?missing=STEPS");
        page.locator("#procedures tbody tr[data-code='" + code + "'] button").click();
        page.waitForURL("**/admin/catalog/decisions");
        assertThat(page.locator("#notice")).containsText("đã có dự thảo quyết định");
        assertThat(decisions.recent(100).stream().filter(d -> ("Dự thảo sửa đổi, bổ sung TTHC " + code).equals(d.number())).count()).isEqualTo(1);
    }
}
