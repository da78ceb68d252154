package vn.motcua.organization;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;

/**
 * The wrong-password count shown on an account, kept with one atomic UPDATE per sign-in so that parallel tries
 * never lose a count nor collide with the account's version (which made 33 of 40 parallel tries answer 500).
 * The count is information for administrators; throttling is the platform's {@code LoginThrottle}'s job.
 */
@Component
class LoginCounters {

    private final JdbcClient jdbc;

    LoginCounters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void failed(String username, String from) {
        jdbc.sql("""
                        update organization.staff
                        set failed_logins = failed_logins + 1, last_failed_login_at = now(), last_failed_login_from = :from
                        where username = :username""")
                .param("username", username.toLowerCase(Locale.ROOT)).param("from", from.length() > 64 ? from.substring(0, 64) : from)
                .update();
    }

    /** Clears the count and returns what it held, when wrong passwords had been tried since the last sign-in. */
    Optional<SignInNotice> succeeded(String username) {
        return jdbc.sql("""
                        with before as (
                            select id, failed_logins, last_failed_login_at, last_failed_login_from from organization.staff
                            where username = :username and (failed_logins <> 0 or locked_until is not null) for update)
                        update organization.staff s set failed_logins = 0, locked_until = null
                        from before where s.id = before.id
                        returning before.failed_logins, before.last_failed_login_at, before.last_failed_login_from""")
                .param("username", username.toLowerCase(Locale.ROOT))
                .query((rs, n) -> rs.getInt(1) > 0 && rs.getTimestamp(2) != null
                        ? new SignInNotice(rs.getInt(1), rs.getTimestamp(2).toInstant(), String.valueOf(rs.getString(3)))
                        : null)
                .optional();
    }
}
