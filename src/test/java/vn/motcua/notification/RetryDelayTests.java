package vn.motcua.notification;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Exponential backoff: after the n-th failed attempt, first-retry × 2^(n-1), never more than max-retry-delay. */
class RetryDelayTests {

    static NotificationSettings settings(Duration first, Duration max) {
        return new NotificationSettings(new NotificationSettings.Email(true, "a@b.vn", "x"),
                new NotificationSettings.Sms(false, "logging", false, 3), 8, first, max, Duration.ofMinutes(2), 50, 5000, true);
    }

    @ParameterizedTest(name = "after {0} failed attempt(s): wait {1}")
    @CsvSource({
            "1, PT1M",
            "2, PT2M",
            "3, PT4M",
            "4, PT8M",
            "5, PT16M",
            "6, PT32M",
            "7, PT1H",   // 64 min, capped at the 1-hour maximum
            "30, PT1H",
    })
    void doublesFromTheFirstRetryUpToTheMaximum(int attempts, Duration wait) {
        assertThat(settings(Duration.ofMinutes(1), Duration.ofHours(1)).retryDelay(attempts)).isEqualTo(wait);
    }
}
