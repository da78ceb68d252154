package vn.motcua.organization;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import vn.motcua.IntegrationTest;
import vn.motcua.MotcuaApplication;
import vn.motcua.platform.TimeConfiguration;

import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application nodes on one database: this test's context is node A, a second context started here is
 * node B. Changes made through A reach B within B's refresh interval; a change B was never told about
 * (written straight to the tables with the revision raised, as a node that died before its own rebuild leaves
 * it) is caught up on B's next poll; a revoked token stops working on A at once and on B within seconds.
 */
class TwoNodeSnapshotTests extends IntegrationTest {

    static final Duration REFRESH = Duration.ofMillis(500);
    static ConfigurableApplicationContext nodeB;

    @Autowired
    Environment environment;
    @Autowired
    StaffDirectory staff;
    @Autowired
    AgencyDirectory agencies;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void startNodeB() {
        if (nodeB == null) {
            nodeB = new SpringApplicationBuilder(MotcuaApplication.class).run(
                    "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                    "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                    "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                    "--server.port=0", "--motcua.demo-data.enabled=false",
                    "--motcua.organization.refresh-ms=" + REFRESH.toMillis());
        }
    }

    @AfterAll
    static void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
            nodeB = null;
        }
    }

    @Test
    void rolesAndAgenciesChangedOnNodeAReachNodeBWithinItsRefreshInterval() {
        var onB = nodeB.getBean(StaffDirectory.class);
        String username = "cv.haimay" + fresh();
        var account = staff.create(new StaffDraft(username, "Lý Thị Hai Máy", null, null, null, "mat-khau-dai"));
        var commune = agencies.findByElectronicId("H36.203").orElseThrow();
        await().atMost(REFRESH.multipliedBy(6)).until(() -> onB.byUsername(username).isPresent());
        assertThat(onB.scopeOf(username).covers(commune.id())).isFalse();

        staff.assign(account.id(), Role.SIGNER, commune.id(), null);
        assertThat(staff.scopeOf(username).covers(commune.id())).as("node A at once").isTrue();
        await().atMost(REFRESH.multipliedBy(6)).until(() -> onB.scopeOf(username).covers(commune.id()));

        var office = agencies.create(new AgencyDraft("H36.203.Q" + fresh().substring(0, 2).toUpperCase(java.util.Locale.ROOT), "Bộ phận một cửa thử hai nút",
                AgencyType.COMMUNE_SERVICE_CENTRE, commune.id(), LocalDate.of(2025, 7, 1), null));
        await().atMost(REFRESH.multipliedBy(6)).until(() -> onB.scopeOf(username).covers(office.id()));

        staff.revoke(account.id(), Role.SIGNER, commune.id(), null);
        await().atMost(REFRESH.multipliedBy(6)).until(() -> !onB.scopeOf(username).covers(commune.id()));
    }

    @Test
    void aChangeNoNodeWasToldAboutIsCaughtUpOnTheNextPoll() {
        var onB = nodeB.getBean(StaffDirectory.class);
        String username = "cv.lanhe" + fresh();
        var account = staff.create(new StaffDraft(username, "Đinh Văn Lặng Lẽ", null, null, null, "mat-khau-dai"));
        var commune = agencies.findByElectronicId("H36.204").orElseThrow();
        await().atMost(REFRESH.multipliedBy(6)).until(() -> onB.byUsername(username).isPresent());

        jdbc.sql("insert into organization.role_assignment (staff_id, role, agency_id) values (:staff, 'CLERK', :agency)")
                .param("staff", account.id()).param("agency", commune.id()).update();
        jdbc.sql("update organization.revision set value = value + 1 where id = 1").update();

        await().atMost(REFRESH.multipliedBy(6)).until(() -> staff.scopeOf(username).covers(commune.id()));
        await().atMost(REFRESH.multipliedBy(6)).until(() -> onB.scopeOf(username).covers(commune.id()));
    }

    @Test
    void aRevokedTokenStopsAtOnceOnThisNodeAndWithinSecondsOnTheOther() {
        var clerk = staff.byUsername("vt.stp").orElseThrow();
        var issued = tokens.issue(clerk.id(), "máy chủ văn thư " + fresh(), LocalDate.now(TimeConfiguration.VIETNAM).plusDays(7));
        var onA = bearer(baseUrl(), issued.secret());
        var onB = bearer("http://localhost:" + nodeB.getEnvironment().getProperty("local.server.port"), issued.secret());
        assertThat(status(onA)).isEqualTo(200);
        await().atMost(REFRESH.multipliedBy(6)).until(() -> status(onB) == 200);

        tokens.revoke(clerk.id(), issued.token().id());
        assertThat(status(onA)).as("this node, at once").isEqualTo(401);
        await().atMost(REFRESH.multipliedBy(6)).until(() -> status(onB) == 401);
    }

    @Test
    void aDeactivatedStaffMembersTokensStopWorking() {
        String username = "cv.nghiviec" + fresh();
        var account = staff.create(new StaffDraft(username, "Tô Văn Nghỉ Việc", null, null, null, "mat-khau-dai"));
        staff.assign(account.id(), Role.SPECIALIST, agencies.findByElectronicId("H36.205").orElseThrow().id(), null);
        var issued = tokens.issue(account.id(), "tích hợp " + fresh(), LocalDate.now(TimeConfiguration.VIETNAM).plusDays(7));
        var onB = bearer("http://localhost:" + nodeB.getEnvironment().getProperty("local.server.port"), issued.secret());
        await().atMost(REFRESH.multipliedBy(6)).until(() -> status(onB) == 200);

        staff.deactivate(account.id());
        assertThat(status(bearer(baseUrl(), issued.secret()))).isEqualTo(401);
        await().atMost(REFRESH.multipliedBy(6)).until(() -> status(onB) == 401);
    }

    private static RestClient bearer(String base, String secret) {
        return RestClient.builder().baseUrl(base).defaultHeader("Authorization", "Bearer " + secret)
                .defaultStatusHandler(s -> true, (request, response) -> { }).build();
    }

    private static int status(RestClient client) {
        return client.get().uri("/api/v1/me").retrieve().toBodilessEntity().getStatusCode().value();
    }
}
