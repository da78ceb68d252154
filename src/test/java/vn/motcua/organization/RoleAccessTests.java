package vn.motcua.organization;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.Html;
import vn.motcua.IntegrationTest;
import vn.motcua.WebSession;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every demo account of README, signed in through the login form: what its role oversees opens (README, "Who sees
 * what"), what it does not is refused with a page that names the roles the page needs and the ones the account holds;
 * a page refused for scope names the places the account's roles reach instead.
 */
class RoleAccessTests extends IntegrationTest {

    private static final AtomicInteger ADDRESS = new AtomicInteger(10);

    @Autowired
    AgencyDirectory agencies;

    private WebSession signedIn(String username) throws IOException, InterruptedException {
        var session = new WebSession(baseUrl(), "198.51.100." + ADDRESS.incrementAndGet());
        assertThat(session.login(username, DEMO_PASSWORD).headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return session;
    }

    private static String text(HttpResponse<String> page) {
        return Html.main(page.body());
    }

    // one page per demo account that its roles do not open, the roles README gives that page, and the account's role
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = '|', textBlock = """
            gd.ttpvhcc    | /admin/audit         | Trang nhật ký thao tác dành cho vai trò: Quản trị hệ thống, Theo dõi, giám sát. | Lãnh đạo Trung tâm
            tn.ttpvhcc    | /admin/staff         | Trang cán bộ dành cho vai trò: Quản trị hệ thống, Theo dõi, giám sát, Lãnh đạo Trung tâm, Lãnh đạo ký duyệt, Lãnh đạo phân công, Trưởng phòng. | Công chức tiếp nhận
            kstthc        | /admin/audit         | Trang nhật ký thao tác dành cho vai trò: Quản trị hệ thống, Theo dõi, giám sát. | Cán bộ kiểm soát TTHC
            giamsat.snv   | /admin/calendar/2026 | Trang quản trị dành cho vai trò: Quản trị hệ thống. | Theo dõi, giám sát
            giamsat.snv   | /admin/agencies/new  | Trang thêm mới và nhập tệp dành cho vai trò: Quản trị hệ thống. | Theo dõi, giám sát
            pc.stp        | /admin/agencies      | Trang cơ quan, đơn vị dành cho vai trò: Quản trị hệ thống, Theo dõi, giám sát, Lãnh đạo Trung tâm, Lãnh đạo ký duyệt. | Lãnh đạo phân công
            cv.stp        | /admin/staff         | Trang cán bộ dành cho vai trò: Quản trị hệ thống, Theo dõi, giám sát, Lãnh đạo Trung tâm, Lãnh đạo ký duyệt, Lãnh đạo phân công, Trưởng phòng. | Chuyên viên thụ lý
            tp.stp        | /admin/office-hours  | Trang giờ làm việc dành cho vai trò: Quản trị hệ thống, Theo dõi, giám sát, Lãnh đạo Trung tâm, Lãnh đạo ký duyệt. | Trưởng phòng
            gd.stp        | /admin/audit         | Trang nhật ký thao tác dành cho vai trò: Quản trị hệ thống, Theo dõi, giám sát. | Lãnh đạo ký duyệt
            vt.stp        | /admin/agencies      | Trang cơ quan, đơn vị dành cho vai trò: Quản trị hệ thống, Theo dõi, giám sát, Lãnh đạo Trung tâm, Lãnh đạo ký duyệt. | Văn thư
            tn.xuanhuong  | /admin/catalog/import| Trang quản lý danh mục thủ tục dành cho vai trò: Cán bộ kiểm soát TTHC, Quản trị hệ thống. | Công chức tiếp nhận
            cv.xuanhuong  | /admin/audit         | Trang nhật ký thao tác dành cho vai trò: Quản trị hệ thống, Theo dõi, giám sát. | Chuyên viên thụ lý
            ct.xuanhuong  | /admin/calendar      | Trang quản trị dành cho vai trò: Quản trị hệ thống. | Lãnh đạo ký duyệt
            tn.lamvien    | /admin/office-hours  | Trang giờ làm việc dành cho vai trò: Quản trị hệ thống, Theo dõi, giám sát, Lãnh đạo Trung tâm, Lãnh đạo ký duyệt. | Công chức tiếp nhận
            tn.phanthiet  | /admin/audit         | Trang nhật ký thao tác dành cho vai trò: Quản trị hệ thống, Theo dõi, giám sát. | Công chức tiếp nhận
            tn.bacgianghia| /admin/staff/new     | Trang thêm mới và nhập tệp dành cho vai trò: Quản trị hệ thống. | Công chức tiếp nhận
            tn.ductrong   | /admin/agencies      | Trang cơ quan, đơn vị dành cho vai trò: Quản trị hệ thống, Theo dõi, giám sát, Lãnh đạo Trung tâm, Lãnh đạo ký duyệt. | Công chức tiếp nhận
            """)
    void aPageTheRoleDoesNotOpenSaysWhichRolesOpenIt(String username, String path, String needs, String holds) throws Exception {
        var page = signedIn(username).get(path);
        assertThat(page.statusCode()).isEqualTo(403);
        String said = text(page);
        assertThat(said).contains("Bạn không có quyền xem trang này.").contains(needs)
                .contains("Tài khoản của bạn có vai trò: " + holds + ".")
                .doesNotContain("phạm vi"); // the role is missing, not the scope
    }

    @Test
    void oversightReadsButAChangeIsRefusedNamingTheRoleThatChanges() throws Exception {
        var oversight = signedIn("giamsat.snv");
        var agency = agencies.findByElectronicId("H36.10").orElseThrow();
        var view = oversight.get("/admin/agencies/" + agency.id());
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(Html.mainHtml(view.body())).as("no form to change the agency").doesNotContain("method=\"post\"");
        var change = oversight.postForm("/admin/agencies/" + agency.id() + "/units", "name=Phòng thử");
        assertThat(change.statusCode()).isEqualTo(403);
        assertThat(text(change)).contains("Thay đổi dữ liệu ở đây chỉ dành cho vai trò: Quản trị hệ thống.")
                .contains("Tài khoản của bạn có vai trò: Theo dõi, giám sát.");
        assertThat(agencies.units(agency.id())).extracting(UnitView::name).doesNotContain("Phòng thử");
    }

    @Test
    void aStaleFormIsNotBlamedOnTheRole() throws Exception {
        var agency = agencies.findByElectronicId("H36.10").orElseThrow();
        var stale = signedIn("admin").postForm("/admin/agencies/" + agency.id() + "/units", "_csrf=da-cu&name=Phòng cũ");
        assertThat(stale.statusCode()).isEqualTo(403);
        assertThat(text(stale)).contains("Biểu mẫu đã cũ hoặc phiên làm việc đã hết hạn").doesNotContain("dành cho vai trò");
        assertThat(agencies.units(agency.id())).extracting(UnitView::name).doesNotContain("Phòng cũ");
    }

    @Test
    void anAgencyOutsideTheScopeIsRefusedForScopeNamingWhereTheRolesReach() throws Exception {
        var centre = agencies.findByElectronicId("H36.50").orElseThrow();
        var page = signedIn("gd.stp").get("/admin/agencies/" + centre.id());
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(text(page)).contains("Cơ quan " + centre.name() + " (H36.50) nằm ngoài phạm vi phân quyền của bạn")
                .contains("Vai trò của bạn ở trang này gắn với: Sở Tư pháp tỉnh Lâm Đồng (H36.10).").doesNotContain("dành cho vai trò");
    }

    @Test
    void oversightOpensTheAuditLogAgenciesStaffAndOfficeHoursOfTheWholeProvince() throws Exception {
        var oversight = signedIn("giamsat.snv");
        for (String path : new String[] {"/admin/audit", "/admin/agencies", "/admin/staff", "/admin/office-hours", "/admin/audit?verify=true"}) {
            assertThat(oversight.get(path).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(text(oversight.get("/admin/agencies?q=xuan+huong"))).contains("Ủy ban nhân dân phường Xuân Hương - Đà Lạt");
        assertThat(text(oversight.get("/admin/staff?q=vt.stp"))).contains("Ngô Thị Mai");
        String home = text(oversight.get("/"));
        assertThat(home).contains("Toàn tỉnh Lâm Đồng").contains("thao tác được ghi nhật ký hôm nay");
    }

    @Test
    void theCentreManagerSeesTheCentresOwnStaffAndOfficeHoursOnly() throws Exception {
        var manager = signedIn("gd.ttpvhcc");
        String staff = text(manager.get("/admin/staff"));
        assertThat(staff).contains("Lê Minh Châu", "Phạm Thu Dung", "Trần Thị Bích") // tn.ttpvhcc, kstthc, the manager
                .doesNotContain("Đặng Quốc Huy", "Phan Thị Ngọc"); // Sở Tư pháp, a commune's centre
        String hours = text(manager.get("/admin/office-hours"));
        assertThat(hours).contains("Giờ làm việc chung").contains("Trung tâm Phục vụ hành chính công tỉnh Lâm Đồng (H36.50)")
                .doesNotContain("Sở Tư pháp");
        var other = manager.get("/admin/staff/" + new StaffIds(manager).idOf("cv.stp"));
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(text(other)).contains("Tài khoản cv.stp nằm ngoài phạm vi phân quyền của bạn");
    }

    @Test
    void aUnitHeadSeesTheUnitsStaffAndAnAssignerTheWholeDepartments() throws Exception {
        String unitHead = text(signedIn("tp.stp").get("/admin/staff"));
        assertThat(unitHead).contains("Đặng Quốc Huy", "Bùi Thị Lan").doesNotContain("Ngô Thị Mai", "Đỗ Văn Khoa");
        String assigner = text(signedIn("pc.stp").get("/admin/staff"));
        assertThat(assigner).contains("Đặng Quốc Huy", "Ngô Thị Mai", "Đỗ Văn Khoa").doesNotContain("Lê Minh Châu");
    }

    @Test
    void aRoleOnAUnitShowsThatUnitOnTheHomePageNotTheWholeDepartment() throws Exception {
        var places = Html.items(signedIn("cv.stp").get("/").body(), "places");
        assertThat(places).containsExactly("Phòng Hành chính tư pháp, Sở Tư pháp tỉnh Lâm Đồng (H36.10)");
        var signer = Html.items(signedIn("gd.stp").get("/").body(), "places");
        assertThat(signer).containsExactly("Sở Tư pháp tỉnh Lâm Đồng (H36.10)");
    }

    /** Finds an account's id through the oversight's staff search (the page is what a user has). */
    private final class StaffIds {
        private final WebSession oversight;

        StaffIds(WebSession ignored) throws IOException, InterruptedException {
            this.oversight = signedIn("giamsat.snv");
        }

        String idOf(String username) throws IOException, InterruptedException {
            var link = Pattern.compile("href=\"/admin/staff/([0-9a-f-]{36})\"").matcher(oversight.get("/admin/staff?q=" + username).body());
            assertThat(link.find()).as(username).isTrue();
            return link.group(1);
        }
    }
}
