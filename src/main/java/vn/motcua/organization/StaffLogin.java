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
    private final OrganizationStore store;
    private final LoginCounters counters;

    StaffLogin(StaffDirectory directory, OrganizationStore store, LoginCounters counters) {
        this.directory = directory;
        this.store = store;
        this.counters = counters;
    }

    /** Reads the account from the table, not the snapshot: the password and the lock are checked as they are now. */
    @Override
    public UserDetails loadUserByUsername(String username) {
        var account = directory.account(username);
        if (account == null || !account.active()) {
            throw new UsernameNotFoundException("no active account");
        }
        var authorities = store.rolesOf(account.id()).stream().map(r -> new SimpleGrantedAuthority(r.role().authority())).distinct().toList();
        return new StaffUser(account.username(), account.passwordHash(), true, true, authorities,
                account.failedLogins() > 0 || account.lockedUntil() != null);
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        counters.failed(event.getAuthentication().getName(), clientAddress(event.getAuthentication()));
    }

    /** Clears earlier wrong passwords; when there were none (every HTTP Basic call, mostly) nothing is written. */
    @EventListener
    void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof StaffUser user && !user.hadLoginFailures) {
            return;
        }
        counters.succeeded(event.getAuthentication().getName()).ifPresent(StaffLogin::tellTheHolder);
    }

    private static String clientAddress(org.springframework.security.core.Authentication attempt) {
        return attempt.getDetails() instanceof org.springframework.security.web.authentication.WebAuthenticationDetails web
                && web.getRemoteAddress() != null ? web.getRemoteAddress() : "?";
    }

    /** A sign-in through the form keeps the notice in its session for the home page; API calls have no page to show it. */
    private static void tellTheHolder(SignInNotice notice) {
        if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attributes
                && "POST".equals(attributes.getRequest().getMethod()) && "/login".equals(attributes.getRequest().getServletPath())) {
            attributes.getRequest().getSession(true).setAttribute(SignInNotice.SESSION_ATTRIBUTE, notice);
        }
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
