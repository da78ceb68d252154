package vn.motcua.organization;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A staff account. Staff are deactivated, never deleted, because what they did stays in dossiers and the
 * audit trail under their name. Repeated wrong passwords lock the account for a while. Role assignments are
 * rows of their own ({@code role_assignment}), inserted and deleted one by one by {@link OrganizationStore},
 * and the login counters are written by a direct update: saving an account rewrites neither.
 */
@Table(schema = "organization", name = "staff")
class Staff {

    @Id
    private final UUID id;
    @Version
    private @Nullable Integer version;
    private final String username;
    private String fullName;
    private @Nullable String email;
    private @Nullable String phone;
    private @Nullable String position;
    private boolean active;
    private String passwordHash;
    private int failedLogins;
    private @Nullable Instant lockedUntil;

    @PersistenceCreator
    Staff(UUID id, @Nullable Integer version, String username, String fullName, @Nullable String email, @Nullable String phone,
          @Nullable String position, boolean active, String passwordHash, int failedLogins, @Nullable Instant lockedUntil) {
        this.id = id;
        this.version = version;
        this.username = username;
        this.fullName = fullName;
        this.email = email;
        this.phone = phone;
        this.position = position;
        this.active = active;
        this.passwordHash = passwordHash;
        this.failedLogins = failedLogins;
        this.lockedUntil = lockedUntil;
    }

    static Staff create(String username, String fullName, @Nullable String email, @Nullable String phone,
                        @Nullable String position, String passwordHash) {
        return new Staff(UUID.randomUUID(), null, username, fullName, email, phone, position, true, passwordHash, 0, null);
    }

    void revise(String newFullName, @Nullable String newEmail, @Nullable String newPhone, @Nullable String newPosition) {
        this.fullName = newFullName;
        this.email = newEmail;
        this.phone = newPhone;
        this.position = newPosition;
    }

    void changePassword(String newHash) {
        this.passwordHash = newHash;
        this.failedLogins = 0;
        this.lockedUntil = null;
    }

    void deactivate() {
        this.active = false;
    }

    void reactivate() {
        this.active = true;
    }

    /** Counts a wrong password; returns true when this failure locks the account. */
    boolean recordFailedLogin(Instant now, LoginPolicy policy) {
        failedLogins++;
        if (failedLogins >= policy.maxFailures()) {
            failedLogins = 0;
            lockedUntil = now.plus(policy.lockFor());
            return true;
        }
        return false;
    }

    /** Clears the failure count; returns whether anything had to change. */
    boolean recordSuccessfulLogin() {
        boolean changed = failedLogins != 0 || lockedUntil != null;
        failedLogins = 0;
        lockedUntil = null;
        return changed;
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    UUID id() {
        return id;
    }

    String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    boolean active() {
        return active;
    }

    int failedLogins() {
        return failedLogins;
    }

    @Nullable Instant lockedUntil() {
        return lockedUntil;
    }

    int version() {
        return version == null ? 0 : version;
    }

    /** How many wrong passwords in a row lock an account, and for how long. */
    record LoginPolicy(int maxFailures, Duration lockFor) {
    }
}
