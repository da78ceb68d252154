package vn.motcua.catalog;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import vn.motcua.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class CatalogBrowserTests extends BrowserTest {

    @Test
    void aCitizenTypesWithoutDiacriticsAndFindsTheProcedureAsTheyType() {
        page.navigate(baseUrl() + "/public/procedures");
        page.getByLabel("Tên thủ tục, mã hoặc từ khoá").pressSequentially("dang ky khai sinh", new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(20));
        // search-as-you-type: the list updates without submitting the form
        assertThat(page.locator("#results li").first()).containsText("đăng ký khai sinh");
        assertThat(page.locator("#results li").first().locator("mark").first()).isVisible();
        org.assertj.core.api.Assertions.assertThat(page.url()).contains("q=dang%20ky%20khai%20sinh");
        page.locator("#results li a").first().click();
        assertThat(page.locator("h1")).containsText("đăng ký khai sinh");
        assertThat(page.locator(".qr svg")).isVisible();
        assertThat(page.locator("body")).containsText("Thành phần hồ sơ");
    }

    @Test
    void filtersWorkWithoutJavaScriptToo() {
        var context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setJavaScriptEnabled(false));
        Page plain = context.newPage();
        plain.navigate(baseUrl() + "/public/procedures");
        plain.getByLabel("Tên thủ tục, mã hoặc từ khoá").fill("gplx");
        plain.getByLabel("Cấp thực hiện").selectOption("PROVINCE");
        plain.locator("form[role=search] button[type=submit]").click();
        assertThat(plain.locator("#results li").first()).containsText("giấy phép lái xe");
        plain.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots/CatalogBrowserTests-noJavaScript.png")));
        context.close();
    }

    @Test
    void theStatisticsPageCountsWhatIsPublished() {
        page.navigate(baseUrl() + "/public/statistics");
        assertThat(page.locator("p.lead")).containsText("thủ tục hành chính");
        assertThat(page.locator("table").nth(2)).containsText("Hộ tịch");
        page.navigate(baseUrl() + "/public/procedures/qr-sheet?field=Hộ tịch");
        assertThat(page.locator(".card-qr svg").first()).isVisible();
    }
}
