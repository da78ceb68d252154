package vn.motcua.organization;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;
import vn.motcua.IntegrationTest;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class LoginLockoutTests extends IntegrationTest {

    @Autowired
    StaffDirectory staff;

    @Test
    void fiveWrongPasswordsInARowLockTheAccountEvenForTheRightPassword() {
        String username = "cv.khoa" + unique();
        staff.create(new StaffDraft(username, "Đoàn Văn Khoá", null, null, null, "dung-mat-khau"));
        assertThat(call(username, "dung-mat-khau")).isEqualTo(HttpStatus.OK);
        for (int i = 0; i < 5; i++) {
            assertThat(call(username, "sai-mat-khau")).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        assertThat(staff.byUsername(username).orElseThrow().lockedUntil()).isNotNull();
        assertThat(call(username, "dung-mat-khau")).as("locked").isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aDeactivatedAccountCannotSignIn() {
        String username = "cv.nghi" + unique();
        var account = staff.create(new StaffDraft(username, "Hồ Thị Nghỉ", null, null, null, "dung-mat-khau"));
        assertThat(call(username, "dung-mat-khau")).isEqualTo(HttpStatus.OK);
        staff.deactivate(account.id());
        assertThat(call(username, "dung-mat-khau")).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(staff.get(account.id()).active()).as("kept, not deleted").isFalse();
    }

    private HttpStatus call(String username, String password) {
        String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes());
        return (HttpStatus) RestClient.create(baseUrl()).get().uri("/api/v1/me")
                .header(HttpHeaders.AUTHORIZATION, "Basic " + token)
                .exchange((request, response) -> response.getStatusCode());
    }
}
