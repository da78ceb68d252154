package vn.motcua.organization;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.IntegrationTest;
import vn.motcua.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/** A deactivated account, or one whose roles change, loses its open web sessions at once. */
class SessionRevocationTests extends IntegrationTest {

    @Autowired
    StaffDirectory staff;
    @Autowired
    AgencyDirectory agencies;
    @Autowired
    JdbcClient jdbc;

    @Test
    void deactivatingAnAdministratorEndsTheirOpenSession() throws Exception {
        var admin = newAdmin("qt.nghi" + unique());
        var browser = signedIn(admin.username(), "203.0.113.81");
        assertThat(browser.get("/admin/agencies").statusCode()).isEqualTo(200);
        staff.deactivate(admin.id());
        var after = browser.get("/admin/agencies");
        assertThat(after.statusCode()).as("sent to sign in again").isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    void revokingARoleEndsTheSessionThatCarriedIt() throws Exception {
        var admin = newAdmin("qt.thu" + unique());
        var browser = signedIn(admin.username(), "203.0.113.82");
        assertThat(browser.get("/admin/agencies").statusCode()).isEqualTo(200);
        staff.revoke(admin.id(), Role.ADMIN, province(), null);
        assertThat(browser.get("/admin/agencies").statusCode()).isEqualTo(302);
        var again = signedIn(admin.username(), "203.0.113.82");
        assertThat(again.get("/admin/agencies").statusCode()).as("signed in again, without ADMIN").isEqualTo(403);
    }

    @Test
    void anAnonymousVisitToTheLoginPageStoresNoSession() throws Exception {
        long before = jdbc.sql("select count(*) from platform.spring_session").query(Long.class).single();
        for (int i = 0; i < 5; i++) {
            assertThat(new WebSession(baseUrl(), "203.0.113.83").get("/login").statusCode()).isEqualTo(200);
        }
        assertThat(jdbc.sql("select count(*) from platform.spring_session").query(Long.class).single()).isLessThanOrEqualTo(before);
    }

    private StaffView newAdmin(String username) {
        var account = staff.create(new StaffDraft(username, "Quản Trị Thử", null, null, null, DEMO_PASSWORD));
        return staff.assign(account.id(), Role.ADMIN, province(), null);
    }

    private java.util.UUID province() {
        return agencies.findByElectronicId("H36").orElseThrow().id();
    }

    private WebSession signedIn(String username, String address) throws Exception {
        var browser = new WebSession(baseUrl(), address);
        var login = browser.login(username, DEMO_PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return browser;
    }
}
