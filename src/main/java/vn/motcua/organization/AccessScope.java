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

    /** Whether the user holds a role that opens the administration page (by its {@code AdminPage} name; for the menu). */
    public boolean mayOpen(String adminPage) {
        return vn.motcua.platform.security.AdminPage.valueOf(adminPage).openTo(roles.stream().map(Role::name).toList());
    }

    /** Whether the user administers the province (used by the menu). */
    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    /**
     * Rows of the agencies the user reaches whole, or of the very units the user reaches:
     * {@code (agency_id = any(:scopeAgencies) or unit_id = any(:scopeUnits))}, or {@code true} for the whole province.
     * This is the filter for work (dossiers, steps) that records both its agency and its unit.
     */
    public SqlFilter sqlFilter(String agencyColumn, String unitColumn) {
        if (wholeProvince) {
            return new SqlFilter("true", Map.of());
        }
        return new SqlFilter("(" + column(agencyColumn) + " = any(:scopeAgencies) or " + column(unitColumn) + " = any(:scopeUnits))",
                Map.of("scopeAgencies", agencies.toArray(UUID[]::new),
                        "scopeUnits", units.values().stream().flatMap(Set::stream).toArray(UUID[]::new)));
    }

    /**
     * Rows of every agency that is in scope at all, whole or through one of its units (as {@link #covers(UUID)}):
     * {@code agency_id = any(:scopeAgencies)}, or {@code true} for the whole province.
     */
    public SqlFilter sqlFilter(String agencyColumn) {
        if (wholeProvince) {
            return new SqlFilter("true", Map.of());
        }
        var ids = new java.util.HashSet<>(agencies);
        ids.addAll(units.keySet());
        return new SqlFilter(column(agencyColumn) + " = any(:scopeAgencies)", Map.of("scopeAgencies", ids.toArray(UUID[]::new)));
    }

    private static String column(String name) {
        if (!COLUMN.matcher(name).matches()) {
            throw new IllegalArgumentException("not a column name: " + name);
        }
        return name;
    }

    private static final java.util.regex.Pattern COLUMN = java.util.regex.Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");

    public static AccessScope nobody() {
        return new AccessScope("", false, Set.of(), Map.of(), Set.of());
    }
}
