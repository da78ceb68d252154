package vn.motcua.platform.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Username and password sign-in (form and HTTP Basic) behind the {@link LoginThrottle}: a throttled try is refused
 * before its password is checked; unknown usernames cost the same password check as known ones (Spring's
 * {@link DaoAuthenticationProvider} compares against a dummy hash), so neither message nor timing tells them apart.
 */
@Component
class ThrottledAuthentication implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthentication(UserDetailsService accounts, PasswordEncoder encoder, LoginThrottle throttle) {
        this.passwords = new DaoAuthenticationProvider(accounts);
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : "unknown";
        LoginThrottle.Attempt attempt;
        try {
            attempt = throttle.begin(authentication.getName(), address);
        } catch (LoginThrottle.Throttled throttled) {
            throw new SignInThrottled(throttled.retryAfterSeconds());
        }
        try {
            var result = passwords.authenticate(authentication);
            attempt.succeeded();
            return result;
        } catch (BadCredentialsException wrong) {
            attempt.failed();
            throw wrong;
        } catch (RuntimeException other) {
            attempt.abandoned();
            throw other;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Refused without checking the password: wait {@link #retryAfterSeconds()} and try again. */
    static final class SignInThrottled extends AuthenticationException {
        private final long retryAfterSeconds;

        SignInThrottled(long retryAfterSeconds) {
            super("sign-in throttled");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
