package vn.motcua;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A user journey in Debian's headless Chromium, driven by Playwright. Skipped, with a message, on a machine
 * without /usr/bin/chromium (CI installs it). Each test leaves a screenshot in target/screenshots.
 */
public abstract class BrowserTest extends IntegrationTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("MOTCUA_CHROMIUM", "/usr/bin/chromium"));

    static Playwright playwright;
    protected static Browser browser;
    protected Page page;
    private String name;

    @BeforeAll
    static void launch() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "Browser tests skipped: no Chromium at " + CHROMIUM + " (apt-get install chromium)");
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void close() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage(TestInfo info) {
        name = info.getTestMethod().map(m -> m.getName()).orElse("page");
        page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)).newPage();
    }

    @AfterEach
    void screenshot() {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target/screenshots", getClass().getSimpleName() + "-" + name + ".png")));
        page.context().close();
    }

    /** A screenshot of the page as it is now, next to the one taken at the end of the test. */
    protected void snapshot(String step) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target/screenshots", getClass().getSimpleName() + "-" + name + "-" + step + ".png")));
    }

    protected void signIn(String username, String password) {
        page.navigate(baseUrl() + "/login");
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Mật khẩu").fill(password);
        page.locator("form.card button[type=submit]").click();
    }
}
