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
        row.getByText("Xem trước và áp dụng").click();
        assertThat(page.locator("#summary")).containsText("1 thủ tục công bố mới");
        page.getByText("Xác nhận áp dụng").click();
        assertThat(page.locator(".alert-success")).containsText("777/QĐ-UBND");

        processes.approve(code, null, "778/QĐ-UBND", LocalDate.of(2025, 7, 2), LocalDate.of(2025, 7, 2), List.of(
                new ProcessStep("Tiếp nhận", "DESK_OFFICER", null, 4, vn.motcua.calendar.DurationUnit.WORKING_HOUR, null, false, false, null),
                new ProcessStep("Thẩm định", "SPECIALIST", null, 3, vn.motcua.calendar.DurationUnit.WORKING_DAY, null, true, true, null)));
        page.navigate(baseUrl() + "/public/procedures/" + code);
        assertThat(page.locator("h1")).hasText("Thủ tục trình diễn quyết định");
        assertThat(page.locator("body")).containsText("Quy trình nội bộ (theo 778/QĐ-UBND)");
        assertThat(page.locator("body")).containsText("Chuyên viên thụ lý");
    }

    /**
     * A catalog officer drafts a decision on the page (no API): one procedure published, one amended, one abolished;
     * previews it, cancels once, confirms; the abolished procedure's page says so.
     */
    @Test
    void aCatalogOfficerDraftsPreviewsAndAppliesADecisionOnThePage() {
        String suffix = fresh().substring(0, 4).replaceAll("[a-z]", "5");
        String created = "9.91" + suffix;
        String amended = "9.92" + suffix;
        String abolished = "9.93" + suffix;
        decisions.apply(decisions.draft("880/QĐ-UBND", LocalDate.of(2025, 6, 1), "Chủ tịch UBND tỉnh Lâm Đồng", LocalDate.of(2025, 7, 1), List.of(
                new Decision.Item(amended, Decision.Change.NEW, DecisionsAndVersionsTests.procedure(amended, "Thủ tục sẽ sửa thời hạn", 10), null),
                new Decision.Item(abolished, Decision.Change.NEW, DecisionsAndVersionsTests.procedure(abolished, "Thủ tục sẽ bãi bỏ trên trang", 10), null))).id());
        signIn("kstthc", DEMO_PASSWORD);
        page.navigate(baseUrl() + "/admin/catalog/decisions");
        assertThat(page.locator("section")).not().containsText("POST /api/v1/decisions");
        page.locator("#new-decision").click();
        page.getByLabel("Số quyết định").fill("881/QĐ-UBND");
        page.getByLabel("Ngày ký (dd/MM/yyyy)").fill("31/02/2026");
        page.getByLabel("Có hiệu lực từ (dd/MM/yyyy)").fill("15/04/2026");
        page.getByLabel("Cơ quan, người ban hành").fill("Chủ tịch UBND tỉnh Lâm Đồng");
        page.getByText("Tạo dự thảo").click();
        assertThat(page.locator("#error-summary")).containsText("'31/02/2026' không phải ngày");
        snapshot("header-error");
        page.getByLabel("Ngày ký (dd/MM/yyyy)").fill("01/04/2026");
        page.getByText("Tạo dự thảo").click();
        assertThat(page.locator("h1")).containsText("881/QĐ-UBND");

        // publish a new one
        var itemForm = page.locator("form[action$='/items']");
        itemForm.getByLabel("Mã thủ tục").fill(created);
        itemForm.getByLabel("Tên thủ tục").fill("Thủ tục công bố trên trang");
        page.locator("#level-COMMUNE").check();
        itemForm.getByLabel("Thời hạn giải quyết").fill("3");
        page.getByText("Lưu thủ tục vào dự thảo").click();
        assertThat(page.locator(".alert-success")).containsText(created);
        // amend one: load what is in force, shorten its time
        page.locator("#load-code").fill(amended);
        page.locator("#load-change").selectOption("AMENDED");
        page.getByText("Nạp nội dung đang áp dụng").click();
        assertThat(page.locator("#name")).hasValue("Thủ tục sẽ sửa thời hạn");
        page.locator("#timeAmount").fill("4");
        page.getByText("Lưu thủ tục vào dự thảo").click();
        // abolish one
        page.locator("#code").fill(abolished);
        page.locator("#change").selectOption("ABOLISHED");
        page.getByText("Lưu thủ tục vào dự thảo").click();
        assertThat(page.locator("#items tbody tr")).hasCount(3);
        snapshot("draft");

        page.locator("#preview-link").click();
        assertThat(page.locator("#summary")).containsText("1 thủ tục công bố mới, 1 sửa đổi, bổ sung, 0 bị thay thế, 1 bị bãi bỏ");
        assertThat(page.locator("#changes")).containsText("Thành phần thay đổi: Cách thức, thời hạn, phí.");
        assertThat(page.locator("#changes")).containsText("„Thủ tục sẽ bãi bỏ trên trang\" bị bãi bỏ từ 15/04/2026");
        snapshot("preview");
        page.getByText("Huỷ, quay lại dự thảo").click();
        org.assertj.core.api.Assertions.assertThat(decisions.recent(20).stream().filter(d -> "881/QĐ-UBND".equals(d.number())).findFirst()
                .orElseThrow().applied()).as("nothing applied before the confirmation").isFalse();

        page.locator("#preview-link").click();
        page.getByText("Xác nhận áp dụng").click();
        assertThat(page.locator(".alert-success")).containsText("881/QĐ-UBND");
        page.navigate(baseUrl() + "/public/procedures/" + abolished + "?on=2026-04-20");
        assertThat(page.locator("#standing")).containsText("Thủ tục này đã bị bãi bỏ từ ngày 15/04/2026.");
        assertThat(page.locator("#standing")).containsText("Quyết định số 881/QĐ-UBND, ngày 01/04/2026, của Chủ tịch UBND tỉnh Lâm Đồng");
        snapshot("abolished");
        page.navigate(baseUrl() + "/public/procedures/" + amended + "?on=2026-04-20");
        assertThat(page.locator("#version")).containsText("Phiên bản 2, áp dụng từ 15/04/2026");
        assertThat(page.locator("#history")).containsText("áp dụng 01/07/2025 – 14/04/2026");
    }

    /** An import is previewed first; cancelling it imports nothing. */
    @Test
    void aCatalogImportIsPreviewedAndCanBeCancelled() {
        int before = decisions.recent(1000).size();
        signIn("kstthc", DEMO_PASSWORD);
        page.navigate(baseUrl() + "/admin/catalog/import");
        page.setInputFiles("#file", java.nio.file.Path.of("../shared/data/tthc/lamdong_tthc_listing_1299.csv"));
        page.locator("form[action$='/import'] button[type=submit]").click();
        assertThat(page.locator("#preview-summary")).containsText("Chưa nhập gì. Nếu xác nhận:");
        assertThat(page.locator("#preview")).containsText("Nhập tệp không bãi bỏ thủ tục nào");
        snapshot("preview");
        page.getByText("Huỷ, không nhập").click();
        assertThat(page.locator(".alert-info")).containsText("Đã huỷ: không nhập gì.");
        org.assertj.core.api.Assertions.assertThat(decisions.recent(1000)).hasSize(before);
    }
}
