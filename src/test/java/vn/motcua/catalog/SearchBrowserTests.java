package vn.motcua.catalog;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import vn.motcua.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Issue 9: a citizen types a sentence, or Telex with the input method off, and chooses where ministry procedures go. */
class SearchBrowserTests extends BrowserTest {

    @Test
    void aQuestionTypedInTelexFindsTheProcedure() {
        page.navigate(baseUrl() + "/public/procedures");
        page.getByLabel("Tên thủ tục, mã hoặc từ khoá").pressSequentially("tooi muoons ddawng kys keets hoon",
                new Locator.PressSequentiallyOptions().setDelay(10));
        assertThat(page.locator("#results li").first()).containsText("Thủ tục đăng ký kết hôn");
        page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots/SearchBrowserTests-telex.png")).setFullPage(true));
    }

    @Test
    void ministryProceduresCanBeHiddenOrRankedWithTheOthers() {
        page.navigate(baseUrl() + "/public/procedures?q=cap+lai+the+can+cuoc");
        assertThat(page.getByLabel("Thủ tục do bộ, ngành trung ương thực hiện")).hasValue("LOCAL_FIRST");
        assertThat(page.locator("#results li").nth(0)).containsText("Cấp lại thẻ căn cước");
        assertThat(page.locator("#results li").nth(0)).not().containsText("cấp trung ương");
        assertThat(page.locator("#results li").nth(1)).not().containsText("cấp trung ương");

        page.getByLabel("Thủ tục do bộ, ngành trung ương thực hiện").selectOption("ALL");
        assertThat(page.locator("#results li:nth-child(-n+3)").filter(new Locator.FilterOptions().setHasText("cấp trung ương"))).hasCount(1);

        page.getByLabel("Thủ tục do bộ, ngành trung ương thực hiện").selectOption("LOCAL");
        assertThat(page.locator("#results")).not().containsText("thực hiện tại cấp trung ương");
        org.assertj.core.api.Assertions.assertThat(page.url()).contains("scope=LOCAL");
    }
}
