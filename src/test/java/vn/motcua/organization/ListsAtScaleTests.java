package vn.motcua.organization;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.Html;
import vn.motcua.IntegrationTest;
import vn.motcua.WebSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agency and staff lists with the benchmark province of bench/org-1000.sql loaded (1,000 more agencies, 3,000
 * more staff): filtered and paged on the server, 50 rows a page, each page as quick as the first.
 */
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class ListsAtScaleTests extends IntegrationTest {

    private static final java.text.NumberFormat VI = java.text.NumberFormat.getIntegerInstance(java.util.Locale.forLanguageTag("vi"));
    private static final Pattern ROW = Pattern.compile("<tr[ >]");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    OrganizationMemory memory;
    @Autowired
    AgencyDirectory agencies;
    @Autowired
    StaffDirectory staff;

    static final String COMMUNE = "Ủy ban nhân dân xã Thử nghiệm ";
    static final String CENTRE = "Trung tâm Phục vụ hành chính công xã Thử nghiệm ";

    WebSession admin;
    /** The number of a benchmark commune, say 742, and how many benchmark centres there are (500 on a fresh database). */
    String sample;
    long centres;

    /**
     * The benchmark's rows leave with this class: other tests share the database and count on electronic IDs such as
     * H36.777 being free.
     */
    @org.junit.jupiter.api.AfterAll
    void removeTheBenchmarkProvince() {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("""
                    delete from organization.role_assignment where staff_id in
                        (select id from organization.staff where username ~ '^bench[3-7][0-9][0-9]\\.[1-6]$')""").update();
            jdbc.sql("delete from organization.staff where username ~ '^bench[3-7][0-9][0-9]\\.[1-6]$'").update();
            jdbc.sql("delete from organization.unit where agency_id in (select id from organization.agency where name like :c)")
                    .param("c", COMMUNE + "%").update();
            jdbc.sql("""
                    delete from organization.agency_electronic_id where agency_id in
                        (select id from organization.agency where name like :c or name like :t)""")
                    .param("c", COMMUNE + "%").param("t", CENTRE + "%").update();
            jdbc.sql("delete from organization.agency where name like :t").param("t", CENTRE + "%").update();
            jdbc.sql("delete from organization.agency where name like :c").param("c", COMMUNE + "%").update();
            jdbc.sql("update organization.revision set value = value + 1 where id = 1").update();
        });
        memory.refreshIfChanged();
    }

    @org.junit.jupiter.api.BeforeAll
    void benchmarkProvince() throws Exception {
        if (agencies.all().stream().noneMatch(a -> a.name().startsWith(COMMUNE))) {
            String script = Files.readString(Path.of("bench/org-1000.sql"));
            // the benchmark's own rows only: other tests may have made agencies in its range of electronic IDs
            String body = script.substring(script.indexOf("begin;") + "begin;".length(), script.lastIndexOf("commit;"))
                    .replace("from generate_series(300, 799) as n;", "from generate_series(300, 799) as n where not exists (select 1 from "
                            + "organization.agency a where a.electronic_id in ('H36.' || n, 'H36.' || n || '.01'));")
                    .replace("where electronic_id ~ '^H36\\.[3-7][0-9][0-9](\\.01)?$';",
                            "where a.id in (select commune_id from bench_commune union all select centre_id from bench_commune);");
            assertThat(body).contains("where not exists").contains("where a.id in");
            transactions.executeWithoutResult(tx -> {
                jdbc.sql(body).update();
                jdbc.sql("update organization.revision set value = value + 1 where id = 1").update();
            });
            memory.refreshIfChanged();
        }
        var communes = agencies.all().stream().filter(a -> a.name().startsWith(COMMUNE)).toList();
        assertThat(communes).hasSizeGreaterThan(400);
        sample = communes.get(communes.size() / 2).name().substring(COMMUNE.length());
        centres = agencies.all().stream().filter(a -> a.name().startsWith(CENTRE)).count();
    }

    @BeforeEach
    void signIn() throws Exception {
        admin = new WebSession(baseUrl(), "198.51.100.201");
        admin.login("admin", DEMO_PASSWORD);
    }

    private static int rows(String page) {
        String main = Html.mainHtml(page);
        int body = main.indexOf("<tbody>");
        return (int) ROW.matcher(main.substring(body, main.indexOf("</tbody>", body))).results().count();
    }

    @Test
    void agenciesComeFiftyAPageWithTheirCountAndFilters() throws Exception {
        int all = agencies.all().size();
        var first = admin.get("/admin/agencies").body();
        assertThat(Html.main(first)).contains("Kết quả 1-50 trong " + VI.format(all) + ".").contains("Trang 1/" + ((all + 49) / 50));
        assertThat(rows(first)).isEqualTo(50);

        var one = Html.main(admin.get("/admin/agencies?q=thu+nghiem+" + sample).body());
        assertThat(one).contains("Kết quả 1-2 trong 2.", "Ủy ban nhân dân xã Thử nghiệm " + sample, "Trung tâm Phục vụ hành chính công xã Thử nghiệm " + sample);

        String centresPage = "/admin/agencies?type=COMMUNE_SERVICE_CENTRE&q=Th%E1%BB%AD+nghi%E1%BB%87m";
        assertThat(Html.main(admin.get(centresPage).body())).contains("Kết quả 1-50 trong " + centres + ".");
        var tenth = admin.get(centresPage + "&page=8").body();
        assertThat(Html.main(tenth)).contains("Kết quả 351-400 trong " + centres + ".").contains("Trang 8/" + (centres + 49) / 50);
        assertThat(rows(tenth)).isEqualTo(50);
        long lastFirst = (centres - 1) / 50 * 50 + 1;
        assertThat(Html.main(admin.get(centresPage + "&page=99").body())).as("past the end: the last page")
                .contains("Kết quả " + lastFirst + "-" + centres + " trong " + centres + ".");
        assertThat(tenth).as("the previous page keeps the filters").contains("href=\"/admin/agencies?q=Th%E1%BB%AD%20nghi%E1%BB%87m&amp;type=COMMUNE_SERVICE_CENTRE&amp;page=7\"");
    }

    @Test
    void staffAreFilteredByAgencyRoleAndWordsAndPaged() throws Exception {
        long all = staff.visibleTo(staff.scopeOf("admin")).size();
        assertThat(all).isGreaterThan(3000);
        var first = admin.get("/admin/staff").body();
        assertThat(Html.main(first)).contains("Kết quả 1-50 trong " + VI.format(all) + ".");
        assertThat(rows(first)).isEqualTo(50);
        assertThat(Html.main(admin.get("/admin/staff?agency=thu+nghiem+" + sample).body())).contains("Kết quả 1-6 trong 6.");
        assertThat(Html.main(admin.get("/admin/staff?agency=H36." + sample + "&role=SPECIALIST").body())).contains("Kết quả 1-2 trong 2.");
        assertThat(Html.main(admin.get("/admin/staff?q=bench" + sample + ".1").body())).contains("Kết quả 1-1 trong 1.", "Cán bộ 1 xã " + sample);

        // the same list as oversight, for the whole province
        var oversight = new WebSession(baseUrl(), "198.51.100.202");
        oversight.login("giamsat.snv", DEMO_PASSWORD);
        assertThat(Html.main(oversight.get("/admin/staff").body())).contains("Kết quả 1-50 trong " + VI.format(all) + ".");

        long started = System.nanoTime();
        int requests = 20;
        for (int i = 1; i <= requests; i++) {
            assertThat(admin.get("/admin/staff?status=active&page=" + (i * 3)).statusCode()).isEqualTo(200);
        }
        long perRequest = (System.nanoTime() - started) / requests / 1_000_000;
        System.out.printf("ListsAtScaleTests: /admin/staff with %d staff, %d ms per page (mean of %d)%n", all, perRequest, requests);
        assertThat(perRequest).as("ms per staff page").isLessThan(1000);
    }
}
