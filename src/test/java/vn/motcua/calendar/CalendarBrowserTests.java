package vn.motcua.calendar;

import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import vn.motcua.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class CalendarBrowserTests extends BrowserTest {

    @Test
    void thePublicSeesTheYearsDaysOffWithoutSigningIn() {
        page.navigate(baseUrl() + "/public/calendar?year=2026");
        assertThat(page.locator("h1")).hasText("Ngày nghỉ, ngày làm bù năm 2026");
        assertThat(page.locator("table")).containsText("16/02/2026");
        assertThat(page.locator("table")).containsText("Nghỉ bù Giỗ Tổ Hùng Vương");
        assertThat(page.locator("section ul")).containsText("Thứ Bảy 22/08/2026");
    }

    @Test
    void anAdministratorSeesTheYearAsAGridAndAddsADayOff() {
        signIn("admin", DEMO_PASSWORD);
        page.navigate(baseUrl() + "/admin/calendar/2034");
        assertThat(page.locator(".badge")).containsText("Bộ luật Lao động");
        assertThat(page.locator("table.month")).hasCount(12);
        // 2034 is not announced: derived Tết; the administrator announces a swapped day
        page.getByLabel("Ngày", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true)).fill("02/05/2034"); // typed day first, as the page asks
        page.getByLabel("Loại", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true)).selectOption("SWAPPED_OFF");
        page.getByLabel("Lý do", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true)).fill("Nghỉ hoán đổi thử");
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Lưu")).click();
        assertThat(page.locator(".alert-success")).containsText("Đã lưu");
        assertThat(page.locator(".badge")).containsText("Theo thông báo");
        assertThat(page.locator("td.kind-SWAPPED_OFF[title='Nghỉ hoán đổi thử']")).hasText("2");
    }

    @Test
    void anAdministratorAddsSummerHoursForOneAgency() {
        signIn("admin", DEMO_PASSWORD);
        page.navigate(baseUrl() + "/admin/calendar/2027");
        page.getByLabel("Mã cơ quan (để trống: mọi cơ quan)").fill("H36.205.01");
        page.getByLabel("Có hiệu lực từ").fill("01/01/2027");
        page.getByLabel("Mùa từ (ngày/tháng)").fill("15/4");
        page.getByLabel("Mùa đến").fill("14/10");
        page.getByLabel("Sáng từ").fill("07:00");
        page.locator("#office-hours ~ form button[type=submit]").click();
        assertThat(page.locator(".alert-success")).containsText("Đã thêm giờ làm việc");
        assertThat(page.locator("#office-hours ~ table")).containsText("15/4 - 14/10");
        org.assertj.core.api.Assertions.assertThat(anonymous().get()
                .uri("/api/v1/calendar/due?start=2027-06-01T07:10&amount=0&unit=WORKING_HOUR&agency=H36.205.01").retrieve().body(String.class))
                .contains("\"start\":\"2027-06-01T07:10\"");
    }
}
