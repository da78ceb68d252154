package vn.motcua.organization;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.IntegrationTest;
import vn.motcua.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/** Wrong passwords never lock the account; its holder is told of them, once, at the next sign-in. */
class SignInNoticeTests extends IntegrationTest {

    @Autowired
    StaffDirectory staff;
    @Autowired
    AgencyDirectory agencies;

    @Test
    void theHolderIsToldOfWrongPasswordsOnceAtTheNextSignIn() throws Exception {
        String username = "canbo.canhbao" + fresh();
        String password = "Dung-mat-khau-2026";
        var account = staff.create(new StaffDraft(username, "Cán bộ Cảnh Báo", null, null, "Chuyên viên", password));
        staff.assign(account.id(), Role.SPECIALIST, agencies.findByElectronicId("H36.10").orElseThrow().id(), null);

        var stranger = new WebSession(baseUrl(), "203.0.113.77");
        for (int i = 0; i < 3; i++) {
            assertThat(stranger.login(username, "doan-mo-" + i).headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("error"));
        }

        var holder = new WebSession(baseUrl(), "198.51.100.9");
        assertThat(holder.login(username, password).statusCode()).isEqualTo(302);
        String home = holder.get("/").body();
        assertThat(home).contains("đã có 3 lần nhập sai mật khẩu").contains("203.0.113.77");
        assertThat(holder.get("/").body()).as("shown once").doesNotContain("lần nhập sai mật khẩu");

        var later = new WebSession(baseUrl(), "198.51.100.9");
        assertThat(later.login(username, password).statusCode()).isEqualTo(302);
        assertThat(later.get("/").body()).as("nothing tried since").doesNotContain("lần nhập sai mật khẩu");
    }
}
