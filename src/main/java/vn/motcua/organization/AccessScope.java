package vn.motcua.organization;

import java.util.Set;
import java.util.UUID;

/**
 * Where a signed-in user may see and act: the agencies of their role assignments and the agencies under
 * them (a centre's branches), or the whole province for an administrator.
 */
public record AccessScope(String username, boolean wholeProvince, Set<UUID> agencies, Set<Role> roles) {

    public boolean covers(UUID agencyId) {
        return wholeProvince || agencies.contains(agencyId);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether the user holds the role named, anywhere (used by templates, which cannot name enum constants). */
    public boolean hasRole(String role) {
        return roles.stream().anyMatch(r -> r.name().equals(role));
    }

    /** Whether the user administers the province (used by the menu). */
    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    public static AccessScope nobody() {
        return new AccessScope("", false, Set.of(), Set.of());
    }
}
