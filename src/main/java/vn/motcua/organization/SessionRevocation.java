package vn.motcua.organization;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.Set;

/**
 * Revoked rights take effect at once: when an account is deactivated or its roles change, its open web sessions
 * end (on every node: sessions live in the database, indexed by principal name), so the next request signs in
 * again and gets the account's current roles. API calls authenticate on every request and need nothing here.
 */
@Component
class SessionRevocation {

    static final Set<String> REVOKING = Set.of("STAFF_DEACTIVATED", "ROLE_ASSIGNED", "ROLE_REVOKED");

    private static final Logger log = LoggerFactory.getLogger(SessionRevocation.class);

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SessionRevocation(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(OrganizationChanged change) {
        if (!REVOKING.contains(change.action()) || !change.target().startsWith("staff:")) {
            return;
        }
        String username = change.target().substring("staff:".length());
        var open = sessions.findByPrincipalName(username).keySet();
        open.forEach(sessions::deleteById);
        if (!open.isEmpty()) {
            log.info("{}: ended {} session(s) of {}", change.action(), open.size(), username);
        }
    }
}
