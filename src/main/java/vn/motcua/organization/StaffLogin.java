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
 * Staff sign in with their account: deactivated accounts cannot, and an account locks for a while after
 * repeated wrong passwords (motcua.login.max-failures, motcua.login.lock-minutes).
 */
@Component
class StaffLogin implements UserDetailsService {

    private final StaffDirectory directory;

    StaffLogin(StaffDirectory directory) {
        this.directory = directory;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var account = directory.account(username);
        if (account == null) {
            throw new UsernameNotFoundException(username);
        }
        return User.withUsername(account.username())
                .password(account.passwordHash())
                .disabled(!account.active())
                .accountLocked(directory.lockedNow(account))
                .authorities(account.roles().stream().map(r -> new SimpleGrantedAuthority(r.role().authority())).distinct().toList())
                .build();
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        directory.recordFailedLogin(event.getAuthentication().getName());
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        directory.recordSuccessfulLogin(event.getAuthentication().getName());
    }
}
