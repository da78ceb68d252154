package vn.motcua.calendar;

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
        assertThat(page.locator("p .badge").first()).containsText("Bộ luật Lao động");
        assertThat(page.locator("table.month")).hasCount(12);
        // 2034 is not announced: derived Tết; the administrator announces a swapped day
        page.getByLabel("Ngày", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true)).fill("02/05/2034");
        page.getByLabel("Loại", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true)).selectOption("SWAPPED_OFF");
        page.getByLabel("Lý do", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true)).fill("Nghỉ hoán đổi thử");
        page.getByLabel("Số văn bản cho phép").fill("125/QĐ-UBND");
        page.getByLabel("Ngày văn bản (dd/MM/yyyy)").fill("20/04/2034");
        page.getByLabel("Cơ quan ban hành văn bản").fill("UBND tỉnh Lâm Đồng");
        page.locator("form[action$='/days'] button[type=submit]").click();
        // the preview: nothing changed yet; the document carried to the confirmation
        assertThat(page.locator("h1")).hasText("Xem trước thay đổi lịch năm 2034");
        assertThat(page.locator("#documentNumber")).hasValue("125/QĐ-UBND");
        snapshot("preview");
        page.getByText("Xác nhận điều chỉnh").click();
        assertThat(page.locator(".alert-success")).containsText("Đã lưu điều chỉnh tại địa phương");
        assertThat(page.locator("td.kind-SWAPPED_OFF[title='Nghỉ hoán đổi thử']")).hasText("2");
        // a local edit is never badged as the Government's announcement
        assertThat(page.locator("p .badge").first()).containsText("Bộ luật Lao động");
        assertThat(page.locator("section")).not().containsText("Theo thông báo của Chính phủ");
        assertThat(page.locator("#local-badge")).containsText("ngày điều chỉnh tại địa phương");
        assertThat(page.locator("tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText("02/05/2034")).first())
                .containsText("theo 125/QĐ-UBND ngày 20/04/2034 của UBND tỉnh Lâm Đồng");
    }

    /**
     * A one-line CSV once wiped all of 2026's holidays, Tết included, without a word. Now the preview lists Tết among
     * the days it would remove, and the administrator cancels: nothing changed.
     */
    @Test
    void aOneLineCsvShowsTetWouldBeRemovedAndTheAdministratorCancels() throws Exception {
        var csv = java.nio.file.Files.createTempFile("2026-", ".csv");
        java.nio.file.Files.writeString(csv, "date,kind,name\n2026-01-01,HOLIDAY,Tết Dương lịch\n");
        signIn("admin", DEMO_PASSWORD);
        page.navigate(baseUrl() + "/admin/calendar/2026");
        page.setInputFiles("#file", csv);
        page.locator("form[action$='/import'] button[type=submit]").click();
        assertThat(page.locator("h1")).hasText("Xem trước thay đổi lịch năm 2026");
        assertThat(page.locator("#summary")).containsText("Chưa thay đổi gì");
        assertThat(page.locator("#removed-holidays")).containsText("17/02/2026: Tết Bính Ngọ (mùng 1)");
        assertThat(page.locator("#removed-holidays")).containsText("02/09/2026: Quốc khánh");
        snapshot("preview");
        page.locator("#cancel").click();
        assertThat(page.locator("h1")).containsText("Lịch làm việc năm 2026");
        assertThat(page.locator("td.kind-HOLIDAY[title='Tết Bính Ngọ (mùng 1)']")).hasText("17");
        org.assertj.core.api.Assertions.assertThat(anonymous().get().uri("/api/v1/calendar/announcements/2026").retrieve().body(String.class))
                .contains("2026-02-17,HOLIDAY,Tết Bính Ngọ (mùng 1)");
    }

    /** Confirming a CSV's preview replaces the year with exactly that file. */
    @Test
    void anAdministratorConfirmsACsvAfterItsPreview() throws Exception {
        String name = "Nghỉ lễ thử " + fresh();
        var csv = java.nio.file.Files.createTempFile("2039-", ".csv");
        java.nio.file.Files.writeString(csv, "date,kind,name\n2039-01-03,SWAPPED_OFF," + name + "\n2039-01-08,MAKEUP_WORKDAY,Làm bù\n");
        signIn("admin", DEMO_PASSWORD);
        page.navigate(baseUrl() + "/admin/calendar/2039");
        page.setInputFiles("#file", csv);
        page.locator("form[action$='/import'] button[type=submit]").click();
        assertThat(page.locator("#day-changes")).containsText(name);
        page.getByText("Xác nhận thay cả năm bằng tệp này").click();
        assertThat(page.locator(".alert-success")).containsText("Đã lưu thông báo của năm (2 ngày");
        assertThat(page.locator("p .badge").first()).containsText("Theo thông báo của Chính phủ");
        assertThat(page.locator("td.kind-SWAPPED_OFF[title='" + name + "']")).hasText("3");
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
