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
    private final OrganizationStore store;

    StaffLogin(StaffDirectory directory, OrganizationStore store) {
        this.directory = directory;
        this.store = store;
    }

    /** Reads the account from the table, not the snapshot: the password and the lock are checked as they are now. */
    @Override
    public UserDetails loadUserByUsername(String username) {
        var account = directory.account(username);
        if (account == null) {
            throw new UsernameNotFoundException(username);
        }
        var authorities = store.rolesOf(account.id()).stream().map(r -> new SimpleGrantedAuthority(r.role().authority())).distinct().toList();
        return new StaffUser(account.username(), account.passwordHash(), account.active(), !directory.lockedNow(account), authorities,
                account.failedLogins() > 0 || account.lockedUntil() != null);
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        directory.recordFailedLogin(event.getAuthentication().getName());
    }

    /** Clears earlier wrong passwords; when there were none (every HTTP Basic call, mostly) nothing is written. */
    @EventListener
    void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof StaffUser user && !user.hadLoginFailures) {
            return;
        }
        directory.recordSuccessfulLogin(event.getAuthentication().getName());
    }

    /** The signed-in account, remembering whether it had wrong passwords or a lock to clear. */
    static final class StaffUser extends User {

        private static final long serialVersionUID = 1L;
        private final boolean hadLoginFailures;

        StaffUser(String username, String password, boolean enabled, boolean accountNonLocked,
                  java.util.Collection<? extends org.springframework.security.core.GrantedAuthority> authorities, boolean hadLoginFailures) {
            super(username, password, enabled, true, true, accountNonLocked, authorities);
            this.hadLoginFailures = hadLoginFailures;
        }

        @Override
        public boolean equals(Object other) {
            return super.equals(other);
        }

        @Override
        public int hashCode() {
            return super.hashCode();
        }
    }
}
