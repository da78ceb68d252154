package vn.motcua.dossier;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.BrowserTest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A dossier's whole journey in Chromium, through every role of the default process at the Department of Justice
 * (H36.10) with the demo accounts: the provincial centre's desk (tn.ttpvhcc) receives "Cấp Phiếu lý lịch tư pháp"
 * (3.000334) at the counter; the assigning leader (pc.stp) assigns it from the unit's queue together with another
 * dossier; the specialist (cv.stp) completes the appraisal from their queue; the department head (tp.stp) reviews it,
 * while a second tab of theirs acts late and is told so; the director (gd.stp) approves; the clerk (vt.stp) issues the
 * result, first with a date that does not exist; the desk returns it; the applicant looks it up on a phone and rates
 * the service. Every page is kept as a screenshot under target/screenshots.
 */
class JourneyBrowserTests extends BrowserTest {

    static final String RECORD = "3.000334";

    @Autowired
    JdbcClient jdbc;

    Page signedIn(String username) {
        var p = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)).newPage();
        p.navigate(baseUrl() + "/login");
        p.getByLabel("Tên đăng nhập").fill(username);
        p.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
        p.locator("form.card button[type=submit]").click();
        return p;
    }

    /** Opens the action's form (the first one is open already) and takes the action. */
    static void act(Page p, String action) {
        var details = p.locator("#action-" + action);
        if (details.getAttribute("open") == null) {
            details.locator("summary").click();
        }
        p.locator("#do-" + action).click();
    }

    /** Opens the action's form without sending it. */
    static void open(Page p, String action) {
        var details = p.locator("#action-" + action);
        if (details.getAttribute("open") == null) {
            details.locator("summary").click();
        }
    }

    void shot(Page p, String step) {
        p.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/screenshots/JourneyBrowserTests-" + step + ".png")));
    }

    @Test
    void aDossierGoesFromTheDeskThroughEveryRoleToTheApplicantsRating() {
        // 1. The desk receives it at the counter
        var desk = signedIn("tn.ttpvhcc");
        desk.navigate(baseUrl() + "/quay/tiep-nhan?thu-tuc=" + RECORD);
        desk.locator("#applicant-fullName").fill("Bùi Văn Hải");
        desk.locator("#applicant-idNumber").fill(DossierIntakeApiTests.idFor("Bùi Văn Hải"));
        desk.locator("#applicant-dateOfBirth").fill("17/05/1990");
        desk.locator("#applicant-phone").fill("0905777321");
        desk.locator("#applicant-address-wardCode").selectOption("24781");
        desk.locator("#applicant-address-street").fill("3 Hùng Vương");
        desk.locator("#handlingAgency").selectOption("H36.10");
        desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nhận đủ như danh mục")).click();
        desk.locator("button.btn-danger[value=check]").click();
        assertThat(desk.locator("h1")).hasText("Kiểm tra lại trước khi tiếp nhận");
        desk.locator("button[value=RECEIVE]").click();
        assertThat(desk.locator("h1")).hasText("Đã tiếp nhận hồ sơ");
        String code = desk.locator("#dossier-code").textContent().strip();
        shot(desk, "01-desk-received");

        // another dossier for the same department, received through the API, for the bulk assignment
        String other = DossierIntakeApiTests.code(as("tn.ttpvhcc").post().uri("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON)
                .body(DossierIntakeApiTests.receive(RECORD, "H36.10", DossierIntakeApiTests.citizen("Lâm Thị Thu", "0905777322"),
                        ReturnedDossiers.everything(anonymous(), RECORD))).retrieve().toEntity(DossierRatingTests.MAP));

        // 2. The assigning leader assigns both from the unit's queue
        var assigner = signedIn("pc.stp");
        assigner.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Hồ sơ cần xử lý")).click();
        assigner.locator("#tab-mine").click();
        assertThat(assigner.locator("#tab-mine")).hasClass(java.util.regex.Pattern.compile("active"));
        // the tab swaps only the list (htmx) and puts the queue in the address
        assigner.waitForResponse(r -> r.url().contains("queue=unit"), () -> assigner.locator("#tab-unit").click());
        assertThat(assigner.locator("#tab-unit")).hasClass(java.util.regex.Pattern.compile("active"));
        org.assertj.core.api.Assertions.assertThat(assigner.url()).endsWith("/ho-so?queue=unit");
        assertThat(assigner.locator("#queue-table")).containsText(code);
        assertThat(assigner.locator("#tab-unit .badge")).not().hasText("0");
        assigner.locator("[id='pick-" + code + "']").check();
        assigner.locator("[id='pick-" + other + "']").check();
        assigner.locator("#assignee").selectOption("cv.stp");
        shot(assigner, "02-assigner-queue");
        assigner.locator("#assign-button").click();
        assertThat(assigner.locator("#assign-outcomes")).containsText("Đã phân công 2/2 hồ sơ");
        shot(assigner, "03-assigner-assigned");

        // 3. The specialist finds it in their queue with the time left, and completes the appraisal
        var specialist = signedIn("cv.stp");
        specialist.navigate(baseUrl() + "/ho-so");
        assertThat(specialist.locator("#queue-table")).containsText(code);
        assertThat(specialist.locator("#queue-table .countdown").first()).containsText("làm việc");
        shot(specialist, "04-specialist-queue");
        specialist.locator("#queue-table a", new Page.LocatorOptions().setHasText(code)).click();
        assertThat(specialist.locator("#dossier-code")).hasText(code);
        assertThat(specialist.locator("#action-COMPLETE_STEP")).isVisible();
        assertThat(specialist.locator("#action-APPROVE")).hasCount(0);
        shot(specialist, "05-specialist-dossier");
        act(specialist, "COMPLETE_STEP");
        assertThat(specialist.locator("#done")).isVisible();
        assertThat(specialist.locator("#no-actions")).isVisible();

        // 4. The department head reviews; a second tab of theirs, opened before, acts late and is told so
        var head = signedIn("tp.stp");
        head.navigate(baseUrl() + "/ho-so/" + code);
        var stale = head.context().newPage();
        stale.navigate(baseUrl() + "/ho-so/" + code);
        act(head, "COMPLETE_STEP");
        assertThat(head.locator("#done")).isVisible();
        act(stale, "COMPLETE_STEP");
        assertThat(stale.locator("#refusal")).containsText("vừa được người khác xử lý");
        shot(stale, "06-head-conflict");

        // 5. The director approves
        var signer = signedIn("gd.stp");
        signer.navigate(baseUrl() + "/ho-so/" + code);
        act(signer, "APPROVE");
        assertThat(signer.locator("#done")).isVisible();

        // 6. The clerk issues the result; a date that does not exist is told next to its field
        var clerk = signedIn("vt.stp");
        clerk.navigate(baseUrl() + "/ho-so/" + code);
        open(clerk, "ISSUE_RESULT");
        clerk.locator("#ISSUE_RESULT-resultNumber").fill("125/STP-HCTP");
        clerk.locator("#ISSUE_RESULT-resultDate").fill("31/02/2026");
        act(clerk, "ISSUE_RESULT");
        shot(clerk, "07-clerk-bad-date");
        assertThat(clerk.locator("#ISSUE_RESULT-resultDate-error")).containsText("ngày/tháng/năm");
        clerk.locator("#ISSUE_RESULT-resultDate").fill(LocalDate.now(DossierWords.VIETNAM).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        act(clerk, "ISSUE_RESULT");
        assertThat(clerk.locator("#done")).isVisible();

        // 7. The desk returns it at the counter
        desk.navigate(baseUrl() + "/ho-so/" + code);
        open(desk, "RETURN_RESULT");
        desk.locator("#RETURN_RESULT-receivedBy").fill("Bùi Văn Hải");
        shot(desk, "08-desk-return");
        act(desk, "RETURN_RESULT");
        assertThat(desk.locator("#done")).isVisible();
        assertThat(desk.locator("#state")).hasText(DossierWords.state(DossierState.RETURNED));
        shot(desk, "09-desk-returned");

        // 8. The applicant looks it up on a phone and rates the service
        var phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true)).newPage();
        phone.navigate(baseUrl() + "/tra-cuu/" + code);
        assertThat(phone.locator("main")).containsText("Mã trạng thái trên Cổng Dịch vụ công: 10");
        shot(phone, "10-lookup");
        phone.locator("#rating-invite a").click();
        phone.getByLabel("4 số cuối số điện thoại").fill("7321");
        for (String q : new String[]{"PUBLICITY-5", "GUIDANCE-5", "ATTITUDE-4", "TIMELINESS-2", "VISITS-0", "OVERALL-5"}) {
            phone.locator("label[for='q-" + q + "']").click();
        }
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi đánh giá")).click();
        assertThat(phone.locator("h1")).containsText("Đã ghi nhận đánh giá");
        shot(phone, "11-rated");
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select received_by || ' ' || returned_by from dossier.rating where code = :c")
                .param("c", code).query(String.class).single()).isEqualTo("tn.ttpvhcc tn.ttpvhcc");
    }
}
