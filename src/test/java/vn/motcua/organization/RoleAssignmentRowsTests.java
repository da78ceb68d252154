package vn.motcua.organization;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import vn.motcua.IntegrationTest;

import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Role assignments and electronic-ID periods are rows of their own: saving an account (a wrong password, a
 * profile edit) or an agency leaves them exactly where they are (same physical row, {@code ctid}), and assigning
 * a role twice keeps one row.
 */
class RoleAssignmentRowsTests extends IntegrationTest {

    @Autowired
    StaffDirectory staff;
    @Autowired
    AgencyDirectory agencies;
    @Autowired
    JdbcClient jdbc;

    @Test
    void loginCountersAndProfileEditsDoNotRewriteRoleAssignments() {
        String username = "cv.vungchac" + fresh();
        var account = staff.create(new StaffDraft(username, "Mai Văn Vững Chắc", null, null, null, "dung-mat-khau"));
        var commune = agencies.findByElectronicId("H36.202").orElseThrow().id();
        staff.assign(account.id(), Role.SPECIALIST, commune, null);
        staff.assign(account.id(), Role.SPECIALIST, commune, null);
        var rows = roleRows(account.id());
        assertThat(rows).as("assigning twice keeps one row").hasSize(1);

        login(username, "sai-mat-khau");
        login(username, "dung-mat-khau");
        var current = staff.get(account.id());
        staff.update(account.id(), new StaffDraft(username, "Mai Văn Vững Chắc Hơn", null, null, "Chuyên viên", null), current.version());

        assertThat(roleRows(account.id())).as("same physical rows").isEqualTo(rows);
        assertThat(jdbc.sql("select failed_logins from organization.staff where id = :id").param("id", account.id()).query(Integer.class).single())
                .as("the right password cleared the count").isZero();
        assertThat(staff.get(account.id()).version()).as("login counters do not bump the version").isEqualTo(current.version() + 1);
    }

    @Test
    void savingAnAgencyDoesNotRewriteItsElectronicIdPeriods() {
        String first = "H36.Q" + fresh().substring(0, 2).toUpperCase(java.util.Locale.ROOT);
        var agency = agencies.create(new AgencyDraft(first, "Ban thử cấp lại mã", AgencyType.PROVINCIAL_DEPARTMENT,
                agencies.findByElectronicId("H36").orElseThrow().id(), java.time.LocalDate.of(2025, 7, 1), null));
        var before = periodRows(agency.id());
        agencies.update(agency.id(), new AgencyDraft(first, "Ban thử cấp lại mã (đổi tên)", AgencyType.PROVINCIAL_DEPARTMENT,
                agency.parentId(), agency.validFrom(), null), agency.version());
        assertThat(periodRows(agency.id())).as("a rename touches no period").isEqualTo(before);
    }

    private List<String> roleRows(UUID staffId) {
        return jdbc.sql("select ctid::text from organization.role_assignment where staff_id = :id order by ctid").param("id", staffId)
                .query(String.class).list();
    }

    private List<String> periodRows(UUID agencyId) {
        return jdbc.sql("select ctid::text from organization.agency_electronic_id where agency_id = :id order by position").param("id", agencyId)
                .query(String.class).list();
    }

    private void login(String username, String password) {
        RestClient.create(baseUrl()).get().uri("/api/v1/me")
                .header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes()))
                .exchange((request, response) -> response.getStatusCode());
    }
}
