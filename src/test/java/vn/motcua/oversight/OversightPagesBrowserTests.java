package vn.motcua.oversight;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.BrowserTest;
import vn.motcua.organization.AgencyDirectory;

import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The pages added for issue 12's figures: the reform officer enters the province's targets and sees them on the
 * index against the actual; a leader follows a number of the index and of the dashboard to the dossiers behind it;
 * the centre manager watches the desk; the report offers its PDF and shows progress while it is counted.
 */
class OversightPagesBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AgencyDirectory agencies;

    @Test
    void theReformOfficerEntersTheProvincesTargetsWithErrorsNextToTheFields() {
        int year = 2091 + (int) (Math.abs(System.nanoTime()) % 9);
        signIn("giamsat.snv", DEMO_PASSWORD);
        page.navigate(baseUrl() + "/oversight/targets?year=" + year);
        page.locator("#t-2\\.1").fill("chín mươi");
        page.locator("#t-5\\.4").fill("150");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu chỉ tiêu")).click();
        assertThat(page.locator("#t-2\\.1-error")).containsText("số phần trăm");
        page.locator("#t-2\\.1").fill("95");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu chỉ tiêu")).click();
        assertThat(page.locator("#t-5\\.4-error")).containsText("từ 0% đến 100%");
        assertThat(page.locator("#t-2\\.1")).hasValue("95");
        snapshot("errors");
        page.locator("#t-5\\.4").fill("92,5");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu chỉ tiêu")).click();
        assertThat(page.locator("#saved")).containsText("phiên bản 1");
        assertThat(page.locator("#t-5\\.4")).hasValue("92,5");

        // a second tab kept the old version: its save fails cleanly and shows what is stored now
        var other = page.context().newPage();
        other.navigate(baseUrl() + "/oversight/targets?year=" + year);
        page.locator("#t-2\\.1").fill("97");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu chỉ tiêu")).click();
        assertThat(page.locator("#saved")).containsText("phiên bản 2");
        other.locator("#t-2\\.1").fill("90");
        other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu chỉ tiêu")).click();
        assertThat(other.locator("#stale")).containsText("vừa được người khác sửa");
        assertThat(other.locator("#targets-form")).containsText("Đang lưu: 97%");
        other.close();

        page.navigate(baseUrl() + "/oversight/index?period=" + year);
        assertThat(page.locator("#indicator-2\\.1 .province-target")).containsText("97");
        assertThat(page.locator("#indicator-5\\.4 .province-target")).containsText("92,5");
        snapshot("index");
    }

    @Test
    void aLeaderFollowsTheIndexAndTheDashboardToTheDossiersBehindThem() {
        UUID justice = agencies.findByElectronicId("H36.10").orElseThrow().id();
        String run = fresh();
        Facts.insert(jdbc, run + "-1", justice, "3.000334", "DIRECT", "2023-08-01T08:00", "2023-08-08T08:00", "2023-08-05T10:00", "RESOLVED");
        Facts.insert(jdbc, run + "-2", justice, "3.000334", "ONLINE", "2023-08-02T08:00", "2023-08-09T08:00", "2023-08-12T10:00", "RESOLVED");
        Facts.insert(jdbc, run + "-3", justice, "3.000334", "DIRECT", "2023-08-14T08:00", "2023-08-21T08:00", "2023-09-05T10:00", "RESOLVED"); // open at August's end

        signIn("gd.stp", DEMO_PASSWORD);
        page.navigate(baseUrl() + "/oversight/index?period=2023-08");
        assertThat(page.locator("#agency")).hasValue("H36.10");
        assertThat(page.locator("#indicator-2\\.1 .counts")).containsText("1 / 3");
        assertThat(page.locator("#indicator-2\\.2 .actual")).containsText("%");
        snapshot("index");
        page.locator("#indicator-2\\.1 .counts").getByText("quá hạn").click();
        assertThat(page.locator("h1")).containsText("Hồ sơ quá hạn");
        assertThat(page.locator("#total")).containsText("2 hồ sơ");
        assertThat(page.locator("#dossiers tbody")).containsText("TEST-" + run + "-2");
        assertThat(page.locator("#dossiers tbody")).containsText("TEST-" + run + "-3");
        assertThat(page.locator("#dossiers tbody")).containsText("Cấp Phiếu Lý lịch tư pháp");
        snapshot("late");

        page.navigate(baseUrl() + "/oversight?period=2023-08");
        page.locator("#overdue-link").click();
        assertThat(page.locator("#total")).containsText("1 hồ sơ");
        assertThat(page.locator("#dossiers tbody tr")).hasCount(1);
        assertThat(page.locator("#dossiers tbody")).containsText("Đang giải quyết");

        page.navigate(baseUrl() + "/oversight/dossiers?agency=H36.14&period=2023-08&measure=late");
        assertThat(page.locator("#list-error")).containsText("nằm ngoài phạm vi");
        assertThat(page.locator("#dossiers")).hasCount(0);
    }

    @Test
    void theCentreManagerSeesTheDaysIntakeByOfficerAndTheQueues() {
        UUID centre = agencies.findByElectronicId("H36.50").orElseThrow().id();
        String run = fresh();
        flow(run + "-1", centre, "DIRECT", null, "2024-08-05T08:00", "tn.ttpvhcc");
        flow(run + "-2", centre, "ONLINE", "2024-08-05T07:00", "2024-08-05T09:30", "tn.ttpvhcc");
        flow(run + "-3", centre, "POSTAL", "2024-08-04T09:00", "2024-08-05T09:30", "tn.xuanhuong");
        signIn("gd.ttpvhcc", DEMO_PASSWORD);
        page.navigate(baseUrl() + "/oversight/centre?day=2024-08-05");
        assertThat(page.locator("#summary")).containsText("tiếp nhận 3 hồ sơ");
        var officer = page.locator("#officers tbody tr", new Page.LocatorOptions().setHasText("tn.ttpvhcc"));
        assertThat(officer.locator("td").nth(1)).hasText("2");
        // waits of 2 h 30 and 24 h 30: on average 13 h 30
        assertThat(page.locator("#wait")).hasText("13 giờ 30 phút");
        assertThat(page.locator("#queue-IN_PROCESSING .waiting")).hasText(Pattern.compile("[1-9]\\d*"));
        assertThat(page.locator("#intake-chart rect").first()).isVisible();
        snapshot("centre");
        // the day as the other pages write it, shown back that way; a day that does not exist is said so next to the field
        assertThat(page.locator("#day")).hasValue("05/08/2024");
        page.locator("#day").fill("04/08/2024");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xem")).click();
        assertThat(page.locator("#summary")).containsText("04/08/2024");
        page.locator("#day").fill("31/02/2024");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xem")).click();
        assertThat(page.locator("#day-error")).containsText("ngày/tháng/năm");
    }

    @Test
    void theReportOffersItsPdfAndShowsProgressWhileItIsCounted() {
        UUID justice = agencies.findByElectronicId("H36.10").orElseThrow().id();
        Facts.insert(jdbc, fresh() + "-q3", justice, "3.000334", "DIRECT", "2024-07-01T08:00", "2024-07-08T08:00", "2024-07-03T10:00", "RESOLVED");
        signIn("gd.stp", DEMO_PASSWORD);
        page.navigate(baseUrl() + "/oversight/report?period=2024-08");
        assertThat(page.locator("#pdf")).hasAttribute("href", Pattern.compile("format=pdf"));
        assertThat(page.locator("#report-progress")).isHidden();
        page.locator("#period").fill("2024-Q3");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xem")).click();
        assertThat(page.locator("#report-body .lead")).containsText("Quý 3/2024");
        assertThat(page).hasURL(Pattern.compile("period=2024-Q3"));
        // the on-time rate as Vietnamese write it (decimal comma), as on the dashboard and the public page
        assertThat(page.locator("#by-agency tfoot td").last()).hasText(Pattern.compile("^\\s*\\d{1,3},\\d{2}\\s*$"));
        var late = page.locator("#by-agency tbody a").first();
        assertThat(late).hasAttribute("href", Pattern.compile("/oversight/dossiers\\?.*exact=true"));
        snapshot("quarter");
        var download = page.waitForDownload(() -> page.locator("#pdf").click());
        assertThat(page.locator("#report-body")).isVisible();
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo("bao-cao-giai-quyet-tthc-2024-Q3.pdf");
        // a wrong period comes back next to its field, through the same swap
        page.locator("#period").fill("2024-13");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xem")).click();
        assertThat(page.locator("#period-error")).containsText("không hợp lệ");
        assertThat(page.locator("#report-body .lead")).hasCount(0);
    }

    private void flow(String code, UUID agency, String channel, String submitted, String received, String by) {
        jdbc.sql("""
                        insert into oversight.desk_flow (code, receiving_agency_id, channel, submitted_at, received_at, received_by)
                        values (:code, :agency, :channel, :submitted, :received, :by)""")
                .param("code", "TEST-" + code).param("agency", agency).param("channel", channel).param("submitted", Facts.at(submitted))
                .param("received", Facts.at(received)).param("by", by).update();
    }
}
