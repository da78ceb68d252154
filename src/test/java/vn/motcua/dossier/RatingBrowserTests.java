package vn.motcua.dossier;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The rating in Chromium: the applicant on a phone opens the receipt's QR address of a returned dossier, follows the
 * invitation, forgets one answer (told next to the question), proves the dossier with four digits and rates; the desk
 * officer opens the desk screen for the next applicant, who rates with big buttons.
 */
class RatingBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theApplicantRatesFromThePhoneAndAnotherAtTheDeskScreen() {
        String code = ReturnedDossiers.make(as("tn.xuanhuong"), anonymous(), jdbc, "Trần Văn Quý", "0905123789");
        var phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true)).newPage();
        phone.navigate(baseUrl() + "/tra-cuu/" + code);
        assertThat(phone.locator("#rating-invite")).isVisible();
        phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Đánh giá sự phục vụ")).click();
        phone.getByLabel("4 số cuối số điện thoại").fill("3789");
        for (String q : new String[]{"PUBLICITY-5", "GUIDANCE-4", "ATTITUDE-5", "TIMELINESS-2", "VISITS-0"}) {
            phone.locator("label[for='q-" + q + "']").click();
        }
        phone.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(java.nio.file.Path.of("target/screenshots/RatingBrowserTests-phone-form.png")));
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi đánh giá")).click();
        assertThat(phone.locator("#q-OVERALL-error")).containsText("Chưa trả lời");
        assertThat(phone.locator("#error-summary")).isFocused();
        assertThat(phone.locator("#q-ATTITUDE-5")).isChecked();
        phone.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(java.nio.file.Path.of("target/screenshots/RatingBrowserTests-phone-error.png")));
        phone.locator("label[for='q-OVERALL-4']").click();
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi đánh giá")).click();
        assertThat(phone.locator("h1")).containsText("Đã ghi nhận đánh giá");
        phone.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(java.nio.file.Path.of("target/screenshots/RatingBrowserTests-phone-done.png")));
        phone.context().close();

        String next = ReturnedDossiers.make(as("tn.xuanhuong"), anonymous(), jdbc, "Ngô Thị Hạnh", "0905123790");
        signIn("tn.xuanhuong", DEMO_PASSWORD);
        page.navigate(baseUrl() + "/quay/ho-so/" + next);
        var kiosk = page.waitForPopup(() -> page.locator("#open-kiosk").click());
        assertThat(kiosk.locator("h1")).containsText("Xin ông/bà cho biết mức độ hài lòng");
        assertThat(kiosk.locator("body")).not().containsText("Ngô Thị Hạnh");
        for (String q : new String[]{"PUBLICITY-4", "GUIDANCE-5", "ATTITUDE-5", "TIMELINESS-3", "VISITS-0", "OVERALL-5"}) {
            kiosk.locator("label[for='q-" + q + "']").click();
        }
        kiosk.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(java.nio.file.Path.of("target/screenshots/RatingBrowserTests-kiosk.png")));
        kiosk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi đánh giá")).click();
        assertThat(kiosk.locator("#rating-done")).containsText("Cảm ơn");
        kiosk.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(java.nio.file.Path.of("target/screenshots/RatingBrowserTests-kiosk-done.png")));
    }
}
