package vn.motcua.organization;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Where a signed-in user may see and act: the whole province (ADMIN, OVERSIGHT_VIEWER); whole agencies, with the
 * agencies under them (a centre's branches), for roles assigned to an agency; single units for roles assigned
 * to a unit.
 *
 * @param agencies agencies the user reaches whole
 * @param units    for agencies the user reaches only through units, those units
 */
public record AccessScope(String username, boolean wholeProvince, Set<UUID> agencies, Map<UUID, Set<UUID>> units, Set<Role> roles) {

    /** Whether the agency is in scope at all (whole, or through one of its units). */
    public boolean covers(UUID agencyId) {
        return wholeProvince || agencies.contains(agencyId) || units.containsKey(agencyId);
    }

    /** Whether the user reaches work done under this role assignment: its agency whole, or its very unit. */
    public boolean covers(RoleAssignment assignment) {
        return wholeProvince || agencies.contains(assignment.agencyId())
                || (assignment.unitId() != null && units.getOrDefault(assignment.agencyId(), Set.of()).contains(assignment.unitId()));
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
        return new AccessScope("", false, Set.of(), Map.of(), Set.of());
    }
}
