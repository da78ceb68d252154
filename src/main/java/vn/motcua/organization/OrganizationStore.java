package vn.motcua.organization;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The organisation's tables read in bulk (a handful of statements however many agencies there are) and the
 * rows that are inserted, updated or removed one by one: electronic-ID periods, role assignments, login
 * counters, API tokens and the revision other nodes poll. Agencies, units and staff rows themselves are saved
 * as Spring Data JDBC aggregates (optimistic locking); none of them has a child collection.
 */
@Repository
class OrganizationStore {

    private final JdbcClient jdbc;

    OrganizationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long revision() {
        return jdbc.sql("select value from organization.revision where id = 1").query(Long.class).single();
    }

    void bumpRevision() {
        jdbc.sql("update organization.revision set value = value + 1 where id = 1").update();
    }

    // --- agencies and their electronic IDs

    List<AgencyView> agencies() {
        return agencies("true", Map.of());
    }

    @Nullable AgencyView agency(UUID id) {
        return agencies("a.id = :id", Map.of("id", id)).stream().findFirst().orElse(null);
    }

    @Nullable AgencyView agencyByElectronicId(String electronicId) {
        return agencies("a.electronic_id = :eid", Map.of("eid", electronicId)).stream().findFirst().orElse(null);
    }

    private List<AgencyView> agencies(String where, Map<String, ?> params) {
        var periods = new HashMap<UUID, List<ElectronicIdPeriod>>();
        jdbc.sql("""
                        select p.agency_id, p.electronic_id, p.valid_from, p.valid_to
                        from organization.agency_electronic_id p join organization.agency a on a.id = p.agency_id
                        where %s
                        order by p.agency_id, p.position""".formatted(where))
                .params(params)
                .query((ResultSet rs) -> {
                    periods.computeIfAbsent(rs.getObject("agency_id", UUID.class), k -> new ArrayList<>())
                            .add(new ElectronicIdPeriod(rs.getString("electronic_id"), date(rs, "valid_from"), date(rs, "valid_to")));
                });
        return jdbc.sql("""
                        select a.id, a.version, a.electronic_id, a.name, a.type, a.parent_id, a.valid_from, a.valid_to
                        from organization.agency a
                        where %s""".formatted(where))
                .params(params)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new AgencyView(id, rs.getString("electronic_id"), rs.getString("name"), AgencyType.valueOf(rs.getString("type")),
                            rs.getObject("parent_id", UUID.class), date(rs, "valid_from"), date(rs, "valid_to"), rs.getInt("version"),
                            List.copyOf(periods.getOrDefault(id, List.of())));
                })
                .list();
    }

    void addFirstElectronicId(UUID agencyId, String electronicId, LocalDate validFrom) {
        jdbc.sql("""
                        insert into organization.agency_electronic_id (agency_id, position, electronic_id, valid_from)
                        values (:agency, 0, :eid, :from)""")
                .param("agency", agencyId).param("eid", electronicId).param("from", Date.valueOf(validFrom))
                .update();
    }

    /**
     * A re-issued electronic ID: the current one is closed the day before {@code effective} (or on its first day,
     * if it began later) and the new one is valid from {@code effective}. The rows before stay as they are.
     */
    void reissueElectronicId(UUID agencyId, String newId, LocalDate effective) {
        jdbc.sql("""
                        update organization.agency_electronic_id
                        set valid_to = greatest(valid_from, cast(:effective as date) - 1)
                        where agency_id = :agency and valid_to is null""")
                .param("agency", agencyId).param("effective", Date.valueOf(effective))
                .update();
        jdbc.sql("""
                        insert into organization.agency_electronic_id (agency_id, position, electronic_id, valid_from)
                        select :agency, coalesce(max(position), -1) + 1, :eid, :effective
                        from organization.agency_electronic_id where agency_id = :agency""")
                .param("agency", agencyId).param("eid", newId).param("effective", Date.valueOf(effective))
                .update();
    }

    // --- units

    List<UnitView> units(String where, Map<String, ?> params) {
        return jdbc.sql("select id, version, agency_id, name, active from organization.unit where %s order by name".formatted(where))
                .params(params)
                .query((rs, n) -> new UnitView(rs.getObject("id", UUID.class), rs.getObject("agency_id", UUID.class),
                        rs.getString("name"), rs.getBoolean("active"), rs.getInt("version")))
                .list();
    }

    // --- staff and role assignments

    List<StaffView> staff() {
        return staff("true", Map.of());
    }

    @Nullable StaffView staffById(UUID id) {
        return staff("s.id = :id", Map.of("id", id)).stream().findFirst().orElse(null);
    }

    @Nullable StaffView staffByUsername(String username) {
        return staff("s.username = :username", Map.of("username", username)).stream().findFirst().orElse(null);
    }

    private List<StaffView> staff(String where, Map<String, ?> params) {
        var roles = new HashMap<UUID, List<RoleAssignment>>();
        jdbc.sql("""
                        select r.staff_id, r.role, r.agency_id, r.unit_id
                        from organization.role_assignment r join organization.staff s on s.id = r.staff_id
                        where %s
                        order by r.staff_id, r.assigned_at, r.role""".formatted(where))
                .params(params)
                .query((ResultSet rs) -> {
                    roles.computeIfAbsent(rs.getObject("staff_id", UUID.class), k -> new ArrayList<>())
                            .add(new RoleAssignment(Role.valueOf(rs.getString("role")), rs.getObject("agency_id", UUID.class),
                                    rs.getObject("unit_id", UUID.class)));
                });
        return jdbc.sql("""
                        select s.id, s.version, s.username, s.full_name, s.email, s.phone, s.position, s.active, s.locked_until
                        from organization.staff s
                        where %s""".formatted(where))
                .params(params)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new StaffView(id, rs.getString("username"), rs.getString("full_name"), rs.getString("email"),
                            rs.getString("phone"), rs.getString("position"), rs.getBoolean("active"), instant(rs, "locked_until"),
                            List.copyOf(roles.getOrDefault(id, List.of())), rs.getInt("version"));
                })
                .list();
    }

    List<RoleAssignment> rolesOf(UUID staffId) {
        return jdbc.sql("""
                        select role, agency_id, unit_id from organization.role_assignment
                        where staff_id = :staff order by assigned_at, role""")
                .param("staff", staffId)
                .query((rs, n) -> new RoleAssignment(Role.valueOf(rs.getString("role")), rs.getObject("agency_id", UUID.class),
                        rs.getObject("unit_id", UUID.class)))
                .list();
    }

    /** Inserts the assignment unless the staff member holds it already; returns whether it was new. */
    boolean assign(UUID staffId, RoleAssignment assignment) {
        return jdbc.sql("""
                        insert into organization.role_assignment (staff_id, role, agency_id, unit_id)
                        values (:staff, :role, :agency, :unit)
                        on conflict do nothing""")
                .param("staff", staffId).param("role", assignment.role().name()).param("agency", assignment.agencyId())
                .param("unit", assignment.unitId(), java.sql.Types.OTHER)
                .update() == 1;
    }

    /** Removes the assignment; returns whether the staff member held it. */
    boolean revoke(UUID staffId, RoleAssignment assignment) {
        return jdbc.sql("""
                        delete from organization.role_assignment
                        where staff_id = :staff and role = :role and agency_id = :agency and unit_id is not distinct from :unit""")
                .param("staff", staffId).param("role", assignment.role().name()).param("agency", assignment.agencyId())
                .param("unit", assignment.unitId(), java.sql.Types.OTHER)
                .update() == 1;
    }

    /** Writes the login counters alone: no version bump, nothing else of the account touched. */
    void updateLoginCounters(UUID staffId, int failedLogins, @Nullable Instant lockedUntil) {
        jdbc.sql("update organization.staff set failed_logins = :failed, locked_until = :until where id = :id")
                .param("id", staffId).param("failed", failedLogins)
                .param("until", lockedUntil == null ? null : Timestamp.from(lockedUntil), java.sql.Types.TIMESTAMP)
                .update();
    }

    // --- API tokens

    List<StoredToken> tokens() {
        return jdbc.sql("""
                        select t.id, t.staff_id, s.username, t.name, t.token_hash, t.prefix, t.created_at, t.created_by,
                               t.expires_at, t.revoked_at, t.revoked_by
                        from organization.api_token t join organization.staff s on s.id = t.staff_id
                        order by t.created_at""")
                .query((rs, n) -> new StoredToken(new ApiTokenView(rs.getObject("id", UUID.class), rs.getObject("staff_id", UUID.class),
                        rs.getString("username"), rs.getString("name"), rs.getString("prefix"), instant(rs, "created_at"),
                        rs.getString("created_by"), instant(rs, "expires_at"), instant(rs, "revoked_at"), rs.getString("revoked_by")),
                        rs.getString("token_hash")))
                .list();
    }

    void insertToken(UUID id, UUID staffId, String name, String hash, String prefix, Instant createdAt, String createdBy, Instant expiresAt) {
        jdbc.sql("""
                        insert into organization.api_token (id, staff_id, name, token_hash, prefix, created_at, created_by, expires_at)
                        values (:id, :staff, :name, :hash, :prefix, :created, :by, :expires)""")
                .param("id", id).param("staff", staffId).param("name", name).param("hash", hash).param("prefix", prefix)
                .param("created", Timestamp.from(createdAt)).param("by", createdBy).param("expires", Timestamp.from(expiresAt))
                .update();
    }

    /** Marks a token revoked (once); returns whether it was still valid. */
    boolean revokeToken(UUID id, Instant at, String by) {
        return jdbc.sql("""
                        update organization.api_token set revoked_at = :at, revoked_by = :by
                        where id = :id and revoked_at is null""")
                .param("id", id).param("at", Timestamp.from(at)).param("by", by)
                .update() == 1;
    }

    private static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
        var d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
