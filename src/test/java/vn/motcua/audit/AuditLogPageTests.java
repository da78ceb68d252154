package vn.motcua.audit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.Html;
import vn.motcua.IntegrationTest;
import vn.motcua.WebSession;
import vn.motcua.organization.StaffDirectory;
import vn.motcua.organization.StaffDraft;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit log page in officials' words, filtered, 50 records a page from the newest, as an administrator reads it. */
class AuditLogPageTests extends IntegrationTest {

    private static final Pattern NUMBER = Pattern.compile("\\(số (\\d+)\\)");
    private static final Pattern OLDER = Pattern.compile("href=\"(/admin/audit\\?[^\"]*before=[^\"]+)\"");

    @Autowired
    StaffDirectory staff;

    @Test
    void a111RecordTrailComesInPagesOfFiftyNewestFirstWithoutGapsOrRepeats() throws Exception {
        String username = "nhatky." + fresh();
        var account = staff.create(new StaffDraft(username, "Nguyễn Nhật Ký", null, null, null, "mat-khau-dai"));
        for (int i = 1; i <= 110; i++) {
            account = staff.update(account.id(), new StaffDraft(username, "Nguyễn Nhật Ký " + i, null, null, null, null), account.version());
        }
        var admin = new WebSession(baseUrl(), "198.51.100.210");
        admin.login("admin", DEMO_PASSWORD);

        String path = "/admin/audit?q=" + username;
        var numbers = new ArrayList<Long>();
        var pageSizes = new ArrayList<Integer>();
        while (path != null) {
            String page = admin.get(path.replace("&amp;", "&")).body();
            var onPage = NUMBER.matcher(Html.main(page)).results().map(m -> Long.parseLong(m.group(1))).toList();
            pageSizes.add(onPage.size());
            numbers.addAll(onPage);
            var older = OLDER.matcher(page);
            path = older.find() ? older.group(1) : null;
        }
        assertThat(pageSizes).containsExactly(50, 50, 11);
        assertThat(new HashSet<>(numbers)).as("no record twice").hasSize(111);
        assertThat(numbers).as("newest first").isSortedAccordingTo(java.util.Comparator.reverseOrder());

        String first = Html.main(admin.get("/admin/audit?q=" + username).body());
        assertThat(first).contains("Sửa tài khoản cán bộ", "Tài khoản Nguyễn Nhật Ký 110 (" + username + ")", "Hệ thống")
                .doesNotContain("STAFF_UPDATED", "staff:" + username);
    }

    @Test
    void filtersByActionAndDaysAndSaysPlainlyWhenADayIsNotADay() throws Exception {
        String username = "nhatky." + fresh();
        staff.create(new StaffDraft(username, "Trần Lọc", null, null, null, "mat-khau-dai"));
        var admin = new WebSession(baseUrl(), "198.51.100.211");
        admin.login("admin", DEMO_PASSWORD);
        String today = LocalDate.now(vn.motcua.platform.TimeConfiguration.VIETNAM).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        String yesterday = LocalDate.now(vn.motcua.platform.TimeConfiguration.VIETNAM).minusDays(1).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));

        assertThat(Html.main(admin.get("/admin/audit?action=STAFF_CREATED&q=" + username + "&from=" + today).body()))
                .contains("Đang hiện 1 bản ghi", "Tạo tài khoản cán bộ", "Tạo tài khoản Trần Lọc");
        assertThat(Html.main(admin.get("/admin/audit?action=ROLE_ASSIGNED&q=" + username).body())).contains("Không có bản ghi nào khớp.");
        assertThat(Html.main(admin.get("/admin/audit?q=" + username + "&to=" + yesterday).body())).contains("Không có bản ghi nào khớp.");

        var wrong = admin.get("/admin/audit?from=31/02/2026");
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(Html.main(wrong.body())).contains("Ngày ghi dạng ngày/tháng/năm, ví dụ 01/07/2025.");
        assertThat(wrong.body()).contains("aria-invalid=\"true\"");
    }

    @Test
    void theDecisionsOfTheDemoCatalogReadAsDecisionsNotCodes() throws Exception {
        var oversight = new WebSession(baseUrl(), "198.51.100.212");
        oversight.login("giamsat.snv", DEMO_PASSWORD);
        String page = Html.main(oversight.get("/admin/audit?action=DECISION_APPLIED").body());
        assertThat(page).contains("Áp dụng quyết định công bố", "Quyết định công bố ").doesNotContain("DECISION_APPLIED", "decision:")
                .doesNotContainPattern("\\{[A-Z]+=\\d+").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        assertThat(page).containsPattern("\\d+ (công bố mới|sửa đổi, bổ sung)");
    }
}
