package vn.motcua.workspace;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.BrowserTest;
import vn.motcua.organization.AgencyDirectory;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class WorkspaceBrowserTests extends BrowserTest {

    @Autowired
    AgencyDirectory agencies;
    @Autowired
    vn.motcua.catalog.ProcedureCatalog catalog;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void anAdministratorSeesTheProvincesFiguresAndManagesAgencies() {
        signIn("admin", DEMO_PASSWORD);
        assertThat(page.locator("h1")).hasText("Xin chào, Nguyễn Văn An");
        assertThat(page.locator(".navbar-brand")).containsText("tỉnh Lâm Đồng");
        assertThat(page.locator(".figure-card").first()).containsText(Long.toString(agencies.countActive()));
        assertThat(page.locator("main")).containsText(java.text.NumberFormat.getIntegerInstance(java.util.Locale.forLanguageTag("vi"))
                .format(catalog.countInForce()) + " thủ tục hành chính đang công khai");
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from platform.spring_session where principal_name = 'admin'")
                .query(Long.class).single()).as("the session lives in the database").isPositive();

        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Cơ quan").setExact(true)).click();
        page.getByLabel("Tìm theo tên hoặc mã định danh").fill("phan thiet"); // the list is paged: search it
        page.locator("form[role=search] button[type=submit]").click();
        assertThat(page.locator("table")).containsText("Trung tâm Phục vụ hành chính công phường Phan Thiết");
        assertThat(page.locator("table")).containsText("01/07/2025");
    }

    @Test
    void aWrongElectronicIdIsShownNextToTheFieldAndTheFormKeepsWhatWasTyped() {
        signIn("admin", DEMO_PASSWORD);
        page.navigate(baseUrl() + "/admin/agencies/new");
        page.getByLabel("Mã định danh").fill("H36-05");
        page.getByLabel("Tên cơ quan").fill("UBND xã Nhập sai");
        page.locator("form.card button[type=submit]").click();
        assertThat(page.locator("#electronicId + .form-text + .invalid-feedback")).containsText("QĐ 20/2020");
        assertThat(page.locator(".alert-danger")).containsText("Chưa lưu được");
        assertThat(page.getByLabel("Tên cơ quan")).hasValue("UBND xã Nhập sai");
    }

    @Test
    void aCommuneDeskOfficerHasNoAdministrationAndIsRefusedItsPages() {
        signIn("tn.xuanhuong", DEMO_PASSWORD);
        assertThat(page.locator("body")).containsText("Trung tâm Phục vụ hành chính công phường Xuân Hương - Đà Lạt");
        assertThat(page.locator("nav")).not().containsText("Nhật ký");
        page.navigate(baseUrl() + "/admin/agencies");
        assertThat(page.locator("h1")).containsText("không có quyền");
    }

    @Test
    void theInterfaceSwitchesToEnglish() {
        signIn("cv.stp", DEMO_PASSWORD);
        page.navigate(baseUrl() + "/?lang=en");
        assertThat(page.locator("h1")).hasText("Hello, Đặng Quốc Huy");
        assertThat(page.locator("nav")).containsText("Sign out");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
    }

    @Test
    void aWrongPasswordIsSaidPlainly() {
        signIn("cv.stp", "khong-dung");
        assertThat(page.locator(".alert-danger")).hasText("Sai tên đăng nhập hoặc mật khẩu.");
    }
}
