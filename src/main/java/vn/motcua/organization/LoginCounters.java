package vn.motcua.organization;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Locale;

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

    void failed(String username) {
        jdbc.sql("update organization.staff set failed_logins = failed_logins + 1 where username = :username")
                .param("username", username.toLowerCase(Locale.ROOT)).update();
    }

    void succeeded(String username) {
        jdbc.sql("""
                        update organization.staff set failed_logins = 0, locked_until = null
                        where username = :username and (failed_logins <> 0 or locked_until is not null)""")
                .param("username", username.toLowerCase(Locale.ROOT)).update();
    }
}
