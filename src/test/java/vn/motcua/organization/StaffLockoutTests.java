package vn.motcua.organization;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StaffLockoutTests {

    static final Staff.LoginPolicy POLICY = new Staff.LoginPolicy(3, Duration.ofMinutes(15));
    static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    @Test
    void locksAfterTheConfiguredNumberOfWrongPasswordsAndUnlocksLater() {
        var staff = Staff.create("cv.test", "Nguyễn Văn Thử", null, null, null, "{noop}x");
        assertThat(staff.recordFailedLogin(NOW, POLICY)).isFalse();
        assertThat(staff.recordFailedLogin(NOW, POLICY)).isFalse();
        assertThat(staff.lockedAt(NOW)).isFalse();
        assertThat(staff.recordFailedLogin(NOW, POLICY)).isTrue();
        assertThat(staff.lockedAt(NOW.plus(Duration.ofMinutes(14)))).isTrue();
        assertThat(staff.lockedAt(NOW.plus(Duration.ofMinutes(15)))).isFalse();
    }

    @Test
    void aSuccessfulLoginClearsTheCountSoFailuresMustBeInARow() {
        var staff = Staff.create("cv.test", "Nguyễn Văn Thử", null, null, null, "{noop}x");
        staff.recordFailedLogin(NOW, POLICY);
        staff.recordFailedLogin(NOW, POLICY);
        assertThat(staff.recordSuccessfulLogin()).isTrue();
        assertThat(staff.recordFailedLogin(NOW, POLICY)).isFalse();
        assertThat(staff.recordSuccessfulLogin()).isTrue();
        assertThat(staff.recordSuccessfulLogin()).as("nothing left to clear").isFalse();
    }
}
