package vn.motcua.organization;

import org.jspecify.annotations.Nullable;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The whole organisation at one revision, immutable: agencies with their tree, units, staff with their role
 * assignments and API tokens. Each user's access scope is computed from it once and kept with it, so a
 * signed-in request asks the database nothing about who the user is or what they may see.
 */
final class OrganizationSnapshot {

    final long revision;
    private final List<AgencyView> agencies;
    private final Map<UUID, AgencyView> agencyById;
    private final Map<String, AgencyView> agencyByElectronicId;
    private final Map<UUID, List<UUID>> children;
    private final Map<UUID, UnitView> unitById;
    private final Map<UUID, List<UnitView>> unitsByAgency;
    private final List<StaffView> staff;
    private final Map<UUID, StaffView> staffById;
    private final Map<String, StaffView> staffByUsername;
    private final Set<String> rolesHeld;
    private final List<ApiTokenView> tokens;
    private final Map<String, ApiTokenView> tokenByHash;
    private final Map<String, AccessScope> scopes = new ConcurrentHashMap<>();

    OrganizationSnapshot(long revision, List<AgencyView> agencies, List<UnitView> units, List<StaffView> staff, List<StoredToken> tokens) {
        this.revision = revision;
        this.agencies = agencies.stream().sorted(Comparator.comparing(AgencyView::electronicId, ElectronicId.ORDER)).toList();
        this.agencyById = byKey(agencies, AgencyView::id);
        this.agencyByElectronicId = byKey(agencies, AgencyView::electronicId);
        this.children = agencies.stream().filter(a -> a.parentId() != null)
                .collect(Collectors.groupingBy(AgencyView::parentId, Collectors.mapping(AgencyView::id, Collectors.toList())));
        this.unitById = byKey(units, UnitView::id);
        this.unitsByAgency = units.stream().collect(Collectors.groupingBy(UnitView::agencyId, Collectors.toUnmodifiableList()));
        this.staff = List.copyOf(staff);
        this.staffById = byKey(staff, StaffView::id);
        this.staffByUsername = byKey(staff, StaffView::username);
        this.rolesHeld = staff.stream().filter(StaffView::active).flatMap(s -> s.roles().stream())
                .map(r -> roleKey(r.role(), r.agencyId())).collect(Collectors.toUnmodifiableSet());
        this.tokens = tokens.stream().map(StoredToken::view).toList();
        this.tokenByHash = tokens.stream()
                .filter(t -> t.view().revokedAt() == null)
                .filter(t -> staffById.containsKey(t.view().staffId()) && staffById.get(t.view().staffId()).active())
                .collect(Collectors.toUnmodifiableMap(StoredToken::hash, StoredToken::view));
    }

    /** Every agency, in the order of their electronic IDs (parents before children). */
    List<AgencyView> agencies() {
        return agencies;
    }

    Optional<AgencyView> agency(UUID id) {
        return Optional.ofNullable(agencyById.get(id));
    }

    Optional<AgencyView> agencyByElectronicId(String electronicId) {
        return Optional.ofNullable(agencyByElectronicId.get(electronicId));
    }

    Optional<UnitView> unit(UUID id) {
        return Optional.ofNullable(unitById.get(id));
    }

    /** The agency's units by name. */
    List<UnitView> units(UUID agencyId) {
        return unitsByAgency.getOrDefault(agencyId, List.of()).stream().sorted(Comparator.comparing(UnitView::name)).toList();
    }

    List<StaffView> staff() {
        return staff;
    }

    private volatile @Nullable List<StaffView> staffByName;

    /** Every account by full name in Vietnamese order, sorted once per snapshot (lists filter it, keeping the order). */
    List<StaffView> staffByName() {
        var sorted = staffByName;
        if (sorted == null) {
            var collator = java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi"));
            sorted = staff.stream().map(s -> java.util.Map.entry(collator.getCollationKey(s.fullName()), s))
                    .sorted(java.util.Map.Entry.comparingByKey()).map(java.util.Map.Entry::getValue).toList();
            staffByName = sorted;
        }
        return sorted;
    }

    Optional<StaffView> staff(UUID id) {
        return Optional.ofNullable(staffById.get(id));
    }

    Optional<StaffView> staffByUsername(String username) {
        return Optional.ofNullable(staffByUsername.get(username));
    }

    /** Whether an active account holds the role in the agency or one of its units. */
    boolean anyoneHolds(Role role, UUID agencyId) {
        return rolesHeld.contains(roleKey(role, agencyId));
    }

    private static String roleKey(Role role, UUID agencyId) {
        return role.name() + '|' + agencyId;
    }

    List<ApiTokenView> tokensOf(UUID staffId) {
        return tokens.stream().filter(t -> t.staffId().equals(staffId)).toList();
    }

    /** The valid token with this secret hash, of an active staff member; expiry is the caller's to check. */
    Optional<ApiTokenView> tokenByHash(String hash) {
        return Optional.ofNullable(tokenByHash.get(hash));
    }

    /** What {@code username} may see, computed once per snapshot; nobody for unknown or deactivated accounts. */
    AccessScope scopeOf(String username) {
        var account = staffByUsername.get(username);
        if (account == null || !account.active()) {
            return AccessScope.nobody();
        }
        return scopes.computeIfAbsent(username, u -> scope(account));
    }

    /**
     * What {@code username} may see through the given roles only (the roles that open one page), computed once per
     * snapshot; nobody for unknown or deactivated accounts and for accounts holding none of the roles.
     */
    AccessScope scopeOf(String username, Set<Role> through) {
        var account = staffByUsername.get(username);
        if (account == null || !account.active()) {
            return AccessScope.nobody();
        }
        var roles = EnumSet.noneOf(Role.class);
        roles.addAll(through);
        return scopes.computeIfAbsent(username + " " + roles, u -> scope(account, roles));
    }

    private AccessScope scope(StaffView account) {
        return scope(account, EnumSet.allOf(Role.class));
    }

    private AccessScope scope(StaffView account, Set<Role> through) {
        var assignments = account.roles().stream().filter(r -> through.contains(r.role())).toList();
        var roles = EnumSet.noneOf(Role.class);
        assignments.forEach(r -> roles.add(r.role()));
        boolean wholeProvince = roles.contains(Role.ADMIN) || roles.contains(Role.OVERSIGHT_VIEWER);
        var whole = new HashSet<UUID>();
        assignments.stream().filter(r -> r.unitId() == null).forEach(r -> addSubtree(r.agencyId(), whole));
        var units = new HashMap<UUID, Set<UUID>>();
        assignments.stream().filter(r -> r.unitId() != null && !whole.contains(r.agencyId()))
                .forEach(r -> units.computeIfAbsent(r.agencyId(), k -> new HashSet<>()).add(r.unitId()));
        return new AccessScope(account.username(), wholeProvince, Set.copyOf(whole),
                units.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue()))),
                Set.copyOf(roles));
    }

    /** The agency and every agency under it (a centre's branches, a commune's centre). */
    private void addSubtree(UUID root, Set<UUID> into) {
        var stack = new ArrayDeque<UUID>(List.of(root));
        while (!stack.isEmpty()) {
            UUID next = stack.pop();
            if (into.add(next)) {
                stack.addAll(children.getOrDefault(next, List.of()));
            }
        }
    }

    private static <K, V> Map<K, V> byKey(List<V> values, Function<V, @Nullable K> key) {
        return values.stream().collect(Collectors.toUnmodifiableMap(key, Function.identity(), (a, b) -> a));
    }
}
