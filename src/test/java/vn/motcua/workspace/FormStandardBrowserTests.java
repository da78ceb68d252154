package vn.motcua.workspace;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import vn.motcua.BrowserTest;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The form standard in a browser (STYLE.md, GOV.UK patterns, WCAG 2.2 AA): the error summary takes focus and its
 * links lead to the fields; the focus ring stands out (≥ 3:1); dates are typed and shown dd/MM/yyyy whatever the
 * browser's language; lists fit a phone's width. Leaves screenshots in target/screenshots.
 */
class FormStandardBrowserTests extends BrowserTest {

    private static final Pattern RGB = Pattern.compile("rgba?\\((\\d+), (\\d+), (\\d+)");

    @Test
    void theErrorSummaryTakesFocusAndLeadsToTheField() {
        signIn("admin", DEMO_PASSWORD);
        page.navigate(baseUrl() + "/admin/agencies/new");
        page.getByLabel("Mã định danh").fill("H36.9" + (100 + (int) (Math.random() * 800)));
        page.getByLabel("Tên cơ quan").fill("UBND xã Ngày sai");
        page.getByLabel("Có hiệu lực từ").fill("31/02/2025");
        page.locator("form.card button[type=submit]").click();
        assertThat(page.locator(".error-summary")).containsText("Ngày ghi dạng ngày/tháng/năm");
        assertThat(page.locator(".error-summary")).isFocused();
        page.locator(".error-summary a[href='#validFrom']").click();
        assertThat(page.getByLabel("Có hiệu lực từ")).isFocused();
        assertThat(page.getByLabel("Có hiệu lực từ")).hasValue("31/02/2025");
    }

    @Test
    void theFocusRingContrastsAtLeastThreeToOne() {
        signIn("admin", DEMO_PASSWORD);
        page.navigate(baseUrl() + "/admin/agencies/new");
        page.getByLabel("Tên cơ quan").focus();
        double onWhite = contrast(style("#name", "outlineColor"), "rgb(255, 255, 255)");
        assertThat(style("#name", "outlineStyle")).isEqualTo("solid");
        assertThat(onWhite).as("input focus ring on white").isGreaterThanOrEqualTo(3.0);
        page.locator(".motcua-header a.navbar-brand").focus();
        page.keyboard().press("Tab"); // the first link of the menu, reached by keyboard
        assertThat(page.evaluate("document.activeElement.closest('.motcua-header') !== null")).isEqualTo(true);
        double onRed = contrast(String.valueOf(page.evaluate("getComputedStyle(document.activeElement).outlineColor")),
                String.valueOf(page.evaluate("getComputedStyle(document.querySelector('.motcua-header')).backgroundColor")));
        assertThat(onRed).as("focus ring on the red header").isGreaterThanOrEqualTo(3.0);
    }

    @Test
    void datesAreDayMonthYearInAnEnglishBrowser() {
        var english = browser.newContext(new Browser.NewContextOptions().setLocale("en-US").setViewportSize(1280, 900));
        var us = english.newPage();
        try {
            us.navigate(baseUrl() + "/login");
            us.getByLabel("Tên đăng nhập").fill("admin");
            us.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
            us.locator("form.card button[type=submit]").click();
            us.navigate(baseUrl() + "/admin/agencies?q=H36.10");
            us.locator("main tbody a").first().click();
            assertThat(us.getByLabel("Có hiệu lực từ")).hasValue(Pattern.compile("\\d{2}/\\d{2}/\\d{4}"));
            assertThat(us.getByLabel("Có hiệu lực từ")).hasAttribute("type", "text");
        } finally {
            english.close();
        }
    }

    @Test
    void listsFitAPhoneAndTheRefusalSaysWhichRoleIsMissing() {
        var phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setDeviceScaleFactor(1));
        var small = phone.newPage();
        try {
            small.navigate(baseUrl() + "/login");
            small.getByLabel("Tên đăng nhập").fill("giamsat.snv");
            small.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
            small.locator("form.card button[type=submit]").click();
            for (String path : new String[] {"/admin/staff", "/admin/audit", "/admin/agencies"}) {
                small.navigate(baseUrl() + path);
                Object width = small.evaluate("document.documentElement.scrollWidth");
                assertThat(((Number) width).intValue()).as(path + " is no wider than the phone").isLessThanOrEqualTo(390);
                small.screenshot(new Page.ScreenshotOptions().setFullPage(false)
                        .setPath(Path.of("target/screenshots", "phone-390" + path.replace('/', '-') + ".png")));
            }
            small.navigate(baseUrl() + "/admin/calendar/2026");
            assertThat(small.locator("main")).containsText("Trang quản trị dành cho vai trò: Quản trị hệ thống.");
            assertThat(small.locator("main")).containsText("Tài khoản của bạn có vai trò: Theo dõi, giám sát.");
            small.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots", "phone-390-403.png")));
        } finally {
            phone.close();
        }
    }

    @Test
    void theAuditLogReadsInOfficialsWords() {
        signIn("giamsat.snv", DEMO_PASSWORD);
        page.navigate(baseUrl() + "/admin/audit?action=DECISION_APPLIED");
        assertThat(page.locator("main tbody")).containsText("Áp dụng quyết định công bố");
        assertThat(page.locator("main tbody")).not().containsText("DECISION_APPLIED");
        assertThat(page.locator("main tbody")).not().containsText("decision:");
        page.navigate(baseUrl() + "/admin/audit");
        assertThat(page.locator("main tbody tr")).hasCount(50);
    }

    private String style(String selector, String property) {
        return String.valueOf(page.evaluate("s => getComputedStyle(document.querySelector(s))." + property, selector));
    }

    /** WCAG 2.x contrast ratio of two CSS colours given as rgb(…). */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String css) {
        Matcher m = RGB.matcher(css);
        assertThat(m.find()).as("a colour: " + css).isTrue();
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(m.group(i + 1)) / 255.0;
            c[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
