package vn.motcua.organization;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Staff sign in with their account. A deactivated account is answered exactly like an unknown username (same
 * message, same password-check time), so sign-in reveals neither. Wrong passwords are throttled per account and
 * client address by the platform, never by locking the account, which a stranger could do to its holder.
 */
@Component
class StaffLogin implements UserDetailsService {

    private final StaffDirectory directory;
    private final LoginCounters counters;

    StaffLogin(StaffDirectory directory, LoginCounters counters) {
        this.directory = directory;
        this.counters = counters;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var account = directory.account(username);
        if (account == null || !account.active()) {
            throw new UsernameNotFoundException("no active account");
        }
        return User.withUsername(account.username())
                .password(account.passwordHash())
                .authorities(account.roles().stream().map(r -> new SimpleGrantedAuthority(r.role().authority())).distinct().toList())
                .build();
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        counters.failed(event.getAuthentication().getName());
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        counters.succeeded(event.getAuthentication().getName());
    }
}
