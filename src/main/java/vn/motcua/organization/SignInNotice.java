package vn.motcua.organization;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * What the holder of an account is told right after signing in when wrong passwords were tried on it since the
 * last sign-in: how many, the last one's time and client address. Kept in the session (hence serialisable) under
 * {@link #SESSION_ATTRIBUTE} until the home page shows it once.
 */
public record SignInNotice(int failures, Instant lastAt, String lastFrom) implements Serializable {

    public static final String SESSION_ATTRIBUTE = "motcua.signInNotice";

    /** The last wrong password's time on Vietnam's clock (for pages). */
    public LocalDateTime lastLocalTime() {
        return LocalDateTime.ofInstant(lastAt, vn.motcua.platform.TimeConfiguration.VIETNAM);
    }
}
