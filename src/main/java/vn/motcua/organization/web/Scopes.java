package vn.motcua.organization.web;

import org.springframework.security.access.AccessDeniedException;
import vn.motcua.organization.AccessScope;

import java.util.UUID;

/** Refuses access to an agency outside the user's role assignments. */
final class Scopes {

    private Scopes() {
    }

    static void require(AccessScope scope, UUID agencyId) {
        if (!scope.covers(agencyId)) {
            throw new AccessDeniedException("agency " + agencyId + " is outside the scope of " + scope.username());
        }
    }
}
