package vn.motcua.organization;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class ProvinceBootstrapTests extends IntegrationTest {

    @Autowired
    AgencyDirectory agencies;
    @Autowired
    StaffDirectory staff;
    @Autowired
    Province province;

    @Test
    void theFirstAdministratorIsCreatedOnceAtTheProvincesPeoplesCommittee() {
        String username = "qt.dau" + unique();
        var bootstrap = new ProvinceBootstrap(agencies, staff, province, username, "mat-khau-ban-dau");
        bootstrap.run(null);
        bootstrap.run(null);

        var admin = staff.byUsername(username).orElseThrow();
        var root = agencies.findByElectronicId("H36").orElseThrow();
        assertThat(root.type()).isEqualTo(AgencyType.PROVINCIAL_PEOPLES_COMMITTEE);
        assertThat(admin.roles()).containsExactly(new RoleAssignment(Role.ADMIN, root.id(), null));
        assertThat(staff.scopeOf(username).wholeProvince()).isTrue();
    }

    @Test
    void withoutCredentialsNoAccountIsCreated() {
        long before = staff.countActive();
        new ProvinceBootstrap(agencies, staff, province, "", "").run(null);
        assertThat(staff.countActive()).isEqualTo(before);
    }
}
