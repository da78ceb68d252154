package vn.motcua.catalog;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.BrowserTest;

import java.time.LocalDate;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class DecisionPagesBrowserTests extends BrowserTest {

    @Autowired
    PublishingDecisions decisions;
    @Autowired
    InternalProcesses processes;

    @Test
    void aCatalogOfficerAppliesADraftAndThePublicPageShowsItsProcess() {
        String code = "9.930001";
        decisions.draft("777/QĐ-UBND", LocalDate.of(2025, 6, 1), "Chủ tịch UBND tỉnh Lâm Đồng", LocalDate.of(2025, 7, 1), List.of(
                new Decision.Item(code, Decision.Change.NEW, DecisionsAndVersionsTests.procedure(code, "Thủ tục trình diễn quyết định", 5), null)));
        signIn("kstthc", DEMO_PASSWORD);
        page.navigate(baseUrl() + "/admin/catalog/decisions");
        var row = page.locator("tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText("777/QĐ-UBND"));
        assertThat(row).containsText("công bố mới");
        row.locator("button").click();
        assertThat(page.locator(".alert-success")).containsText("777/QĐ-UBND");

        processes.approve(code, null, "778/QĐ-UBND", LocalDate.of(2025, 7, 2), LocalDate.of(2025, 7, 2), List.of(
                new ProcessStep("Tiếp nhận", "DESK_OFFICER", null, 4, vn.motcua.calendar.DurationUnit.WORKING_HOUR, null, false, false, null),
                new ProcessStep("Thẩm định", "SPECIALIST", null, 3, vn.motcua.calendar.DurationUnit.WORKING_DAY, null, true, true, null)));
        page.navigate(baseUrl() + "/public/procedures/" + code);
        assertThat(page.locator("h1")).hasText("Thủ tục trình diễn quyết định");
        assertThat(page.locator("body")).containsText("Quy trình nội bộ (theo 778/QĐ-UBND)");
        assertThat(page.locator("body")).containsText("Chuyên viên thụ lý");
    }
}
