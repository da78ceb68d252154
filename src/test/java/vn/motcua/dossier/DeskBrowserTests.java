package vn.motcua.dossier;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import vn.motcua.BrowserTest;
import vn.motcua.platform.QrCodes;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The desk's journey in Chromium: a desk officer of Xuân Hương receives "Cấp bản sao từ sổ gốc" (2.000908) with the
 * keyboard (procedure by its code, applicant, the checklist as listed, a scan, check your answers, receive), sees
 * the confirmation with the code, the appointment and the QR code; a citizen opens the QR code's address on a phone
 * and sees the dossier with the name masked.
 */
class DeskBrowserTests extends BrowserTest {

    @Test
    void aDeskOfficerReceivesADossierWithTheKeyboardAndACitizenOpensItsQrCode() throws Exception {
        signIn("tn.xuanhuong", DEMO_PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Quầy một cửa")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tiếp nhận hồ sơ mới")).click();

        // Step 1: the search field has the focus; a procedure code opens the form at once
        assertThat(page.locator("#q")).isFocused();
        page.keyboard().type("2.000908");
        page.keyboard().press("Enter");
        assertThat(page.locator("h2.h5").first()).containsText("sổ gốc");

        // Step 2: the returning-applicant field has the focus; Tab on to the name and type the rest
        assertThat(page.locator("#returningNumber")).isFocused();
        page.locator("#applicant-fullName").focus();
        page.keyboard().type("Ngô Thị Hoa");
        page.keyboard().press("Tab");
        page.keyboard().type(DossierIntakeApiTests.idFor("Ngô Thị Hoa"));
        page.keyboard().press("Tab");
        page.keyboard().type("17/05/1990");
        page.keyboard().press("Tab");
        page.keyboard().type("0905123789");
        assertThat(page.locator("#applicant-address-provinceCode")).hasValue("68");
        page.locator("#applicant-address-wardCode").selectOption("24781"); // Phường Xuân Hương - Đà Lạt
        page.locator("#applicant-address-wardCode").focus();
        page.keyboard().press("Tab");
        page.keyboard().type("5 Nguyễn Thị Minh Khai");
        page.locator("#documents-0-fileId").setInputFiles(new com.microsoft.playwright.options.FilePayload("to-khai.png", "image/png",
                QrCodes.png("tờ khai đã ký", 300)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nhận đủ như danh mục")).focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#documents-0-originals")).not().hasValue("0");
        assertThat(page.locator("#documents-0-fileId + div")).containsText("to-khai");
        page.locator("#applicant-address-street").focus();
        page.keyboard().press("Enter");

        // Step 3: check your answers, then Enter on the focused "receive" button
        assertThat(page.locator("h1")).hasText("Kiểm tra lại trước khi tiếp nhận");
        assertThat(page.locator("main")).containsText("5 Nguyễn Thị Minh Khai, Phường Xuân Hương - Đà Lạt, Tỉnh Lâm Đồng");
        assertThat(page.locator("main")).containsText("to-khai");
        assertThat(page.locator("button[value=RECEIVE]")).isFocused();
        page.keyboard().press("Enter");

        assertThat(page.locator("h1")).hasText("Đã tiếp nhận hồ sơ");
        String code = page.locator("#dossier-code").textContent().strip();
        org.assertj.core.api.Assertions.assertThat(code).matches("H36\\.201\\.01-\\d{6}-\\d{4,}");
        assertThat(page.locator("#appointment")).containsText(" giờ ");
        assertThat(page.locator("#slips a").first()).hasAttribute("href", "/quay/ho-so/" + code + "/phieu/01");
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/screenshots/DeskBrowserTests-confirmation.png")));

        // The QR code as drawn on the page, decoded from a screenshot of it
        byte[] shot = page.locator(".qr-image svg").screenshot();
        var image = javax.imageio.ImageIO.read(new ByteArrayInputStream(shot));
        String url = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).getText();
        org.assertj.core.api.Assertions.assertThat(url).isEqualTo(baseUrl() + "/tra-cuu/" + code);

        // A citizen scans it with a phone: no sign-in, 390 px wide
        var phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true)).newPage();
        phone.navigate(url);
        assertThat(phone.locator("h1")).hasText(code);
        assertThat(phone.locator("#applicant-name")).containsText("Ngô T** H**");
        assertThat(phone.locator("#status")).hasText("Đã tiếp nhận, đang chờ xử lý");
        assertThat(phone.locator("main")).containsText("Mã trạng thái trên Cổng Dịch vụ công: 2");
        org.assertj.core.api.Assertions.assertThat((Integer) phone.evaluate("document.documentElement.scrollWidth")).as("no sideways scrolling")
                .isLessThanOrEqualTo(390);
        phone.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/screenshots/DeskBrowserTests-lookup-390.png")));
        phone.locator("#so").fill("3789");
        phone.locator("#so").press("Enter");
        assertThat(phone.locator("#applicant-name")).containsText("Ngô Thị Hoa");
        phone.context().close();
    }

    @Test
    void theDesksListOfTheDayShows25APageAndItsNextPageLinkOpensTheRest() {
        // 26 dossiers received today at Đức Trọng's desk, through the API as another desk would
        var procedure = anonymous().get().uri("/api/v1/procedures/{c}", DossierIntakeApiTests.COPY).retrieve()
                .toEntity(DossierIntakeApiTests.MAP).getBody();
        @SuppressWarnings("unchecked")
        var record = procedure.containsKey("record") ? (java.util.Map<String, Object>) procedure.get("record") : procedure;
        var documents = new java.util.ArrayList<java.util.Map<String, Object>>();
        for (int i = 1; i <= ((java.util.List<?>) record.get("documents")).size(); i++) {
            documents.add(new java.util.HashMap<>(java.util.Map.of("requirement", Integer.toString(i), "originals", 1, "copies", 0)));
        }
        for (int i = 0; i < 26; i++) {
            var body = DossierIntakeApiTests.receive(DossierIntakeApiTests.COPY, "H36.205",
                    DossierIntakeApiTests.citizen("Ka Thị " + (char) ('A' + i), "0908" + (100000 + i)), documents);
            DossierIntakeApiTests.code(as("tn.ductrong").post().uri("/api/v1/dossiers")
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(DossierIntakeApiTests.MAP));
        }
        signIn("tn.ductrong", DEMO_PASSWORD);
        page.navigate(baseUrl() + "/quay");
        assertThat(page.locator("#today-table tbody tr")).hasCount(25);
        assertThat(page.locator("nav[data-list=hom-nay] .active")).hasText("Trang 1");
        snapshot("page-1");
        page.locator("nav[data-list=hom-nay] a[rel=next]").click();
        assertThat(page.locator("nav[data-list=hom-nay] .active")).hasText("Trang 2");
        assertThat(page.locator("nav[data-list=hom-nay] a[rel=prev]")).isVisible();
        assertThat(page.locator("#today-table tbody tr").first()).isVisible();
    }
}
