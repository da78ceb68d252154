package vn.motcua.organization;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The front door to staff accounts, their role assignments and the access scope they give. Reads come from
 * the in-memory snapshot ({@link OrganizationMemory}); inside a read-write transaction from the tables.
 */
@Service
public class StaffDirectory {

    private final StaffAccounts staff;
    private final OrganizationStore store;
    private final OrganizationMemory memory;
    private final AgencyDirectory agencies;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Staff.LoginPolicy loginPolicy;

    StaffDirectory(StaffAccounts staff, OrganizationStore store, OrganizationMemory memory, AgencyDirectory agencies,
                   PasswordEncoder passwords, ApplicationEventPublisher events, Clock clock,
                   @Value("${motcua.login.max-failures:5}") int maxFailures, @Value("${motcua.login.lock-minutes:15}") int lockMinutes) {
        this.staff = staff;
        this.store = store;
        this.memory = memory;
        this.agencies = agencies;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
        this.loginPolicy = new Staff.LoginPolicy(maxFailures, Duration.ofMinutes(lockMinutes));
    }

    /** Staff the given scope may see, by name in Vietnamese order. */
    public List<StaffView> visibleTo(AccessScope scope) {
        var snapshot = memory.snapshotOutsideWrites();
        if (snapshot != null) {
            return snapshot.staffByName().stream().filter(s -> sees(scope, s)).toList();
        }
        var collator = java.text.Collator.getInstance(Locale.forLanguageTag("vi"));
        return store.staff().stream()
                .filter(s -> sees(scope, s))
                .sorted(Comparator.comparing(StaffView::fullName, collator))
                .toList();
    }

    /** Whether the scope sees this account: the user's own, or one holding a role where the scope reaches. */
    public boolean sees(AccessScope scope, StaffView account) {
        return account.username().equals(scope.username()) || scope.wholeProvince() || account.roles().stream().anyMatch(scope::covers);
    }

    /** How many staff the given scope may see (without sorting them by name). */
    public long countVisibleTo(AccessScope scope) {
        return all().stream()
                .filter(s -> s.username().equals(scope.username()) || scope.wholeProvince() || s.roles().stream().anyMatch(scope::covers))
                .count();
    }

    /** Staff holding a role in the agency (or one of its units) that the scope reaches. */
    public List<StaffView> ofAgency(UUID agencyId, AccessScope scope) {
        return all().stream()
                .filter(s -> s.roles().stream().anyMatch(r -> r.agencyId().equals(agencyId) && scope.covers(r)))
                .sorted(Comparator.comparing(StaffView::username))
                .toList();
    }

    public StaffView get(UUID id) {
        var snapshot = memory.snapshotOutsideWrites();
        var found = snapshot != null ? snapshot.staff(id) : Optional.ofNullable(store.staffById(id));
        return found.orElseThrow(() -> OrganizationProblem.staffNotFound(id));
    }

    public Optional<StaffView> byUsername(String username) {
        String wanted = username.toLowerCase(Locale.ROOT);
        var snapshot = memory.snapshotOutsideWrites();
        return snapshot != null ? snapshot.staffByUsername(wanted) : Optional.ofNullable(store.staffByUsername(wanted));
    }

    /** Whether an active account holds the role in the agency or in one of its units (a unit's role counts). */
    public boolean anyoneHolds(Role role, UUID agencyId) {
        var snapshot = memory.snapshotOutsideWrites();
        if (snapshot != null) {
            return snapshot.anyoneHolds(role, agencyId);
        }
        return store.staff().stream().filter(StaffView::active).flatMap(s -> s.roles().stream())
                .anyMatch(r -> r.role() == role && r.agencyId().equals(agencyId));
    }

    public long countActive() {
        return all().stream().filter(StaffView::active).count();
    }

    /**
     * What {@code username} may see: their agencies and everything under them, or the whole province. Computed
     * once per snapshot of the organisation and kept with it; nobody for an unknown or deactivated account.
     */
    public AccessScope scopeOf(String username) {
        return memory.current().scopeOf(username.toLowerCase(Locale.ROOT));
    }

    /**
     * What {@code username} may see on an administration page: the scope given by the roles that open it only (a
     * desk officer who is also a unit head sees the staff of the unit, not of the whole centre).
     */
    public AccessScope scopeOf(String username, vn.motcua.platform.security.AdminPage page) {
        var roles = java.util.EnumSet.noneOf(Role.class);
        page.roles().forEach(r -> roles.add(Role.valueOf(r)));
        return memory.current().scopeOf(username.toLowerCase(Locale.ROOT), roles);
    }

    private List<StaffView> all() {
        var snapshot = memory.snapshotOutsideWrites();
        return snapshot != null ? snapshot.staff() : store.staff();
    }

    @Transactional
    public StaffView create(StaffDraft draft) {
        String username = draft.username().strip().toLowerCase(Locale.ROOT);
        if (staff.existsByUsername(username)) {
            throw OrganizationProblem.duplicateUsername(username);
        }
        if (draft.password() == null || draft.password().length() < 8) {
            throw OrganizationProblem.invalid("password", "Mật khẩu cần ít nhất 8 ký tự.");
        }
        var account = Staff.create(username, draft.fullName().strip(), blankToNull(draft.email()), blankToNull(draft.phone()),
                blankToNull(draft.position()), passwords.encode(draft.password()));
        var saved = staff.save(account);
        events.publishEvent(new OrganizationChanged("STAFF_CREATED", "staff:" + username, "Tạo tài khoản " + draft.fullName().strip()));
        return view(saved.id());
    }

    @Transactional
    public StaffView update(UUID id, StaffDraft draft, int expectedVersion) {
        var account = load(id, expectedVersion);
        account.revise(draft.fullName().strip(), blankToNull(draft.email()), blankToNull(draft.phone()), blankToNull(draft.position()));
        if (draft.password() != null && !draft.password().isBlank()) {
            account.changePassword(passwords.encode(draft.password()));
        }
        events.publishEvent(new OrganizationChanged("STAFF_UPDATED", "staff:" + account.username(), "Sửa tài khoản " + draft.fullName().strip()));
        staff.save(account);
        return view(id);
    }

    @Transactional
    public StaffView deactivate(UUID id) {
        var account = staff.findById(id).orElseThrow(() -> OrganizationProblem.staffNotFound(id));
        account.deactivate();
        events.publishEvent(new OrganizationChanged("STAFF_DEACTIVATED", "staff:" + account.username(), "Khoá tài khoản (ngừng hoạt động)"));
        staff.save(account);
        return view(id);
    }

    @Transactional
    public StaffView reactivate(UUID id) {
        var account = staff.findById(id).orElseThrow(() -> OrganizationProblem.staffNotFound(id));
        account.reactivate();
        events.publishEvent(new OrganizationChanged("STAFF_REACTIVATED", "staff:" + account.username(), "Mở lại tài khoản"));
        staff.save(account);
        return view(id);
    }

    /** Gives a role in an agency of this province, or in one of its units. */
    @Transactional
    public StaffView assign(UUID staffId, Role role, UUID agencyId, @Nullable UUID unitId) {
        var account = staff.findById(staffId).orElseThrow(() -> OrganizationProblem.staffNotFound(staffId));
        AgencyView agency;
        try {
            agency = agencies.get(agencyId);
        } catch (OrganizationProblem notFound) {
            throw OrganizationProblem.agencyOutsideProvince(agencyId);
        }
        if (!agency.activeOn(LocalDate.now(clock))) {
            throw OrganizationProblem.invalid("agencyId", "Cơ quan " + agency.name() + " đã ngừng hoạt động.");
        }
        if (unitId != null && !agencies.unit(unitId).agencyId().equals(agencyId)) {
            throw OrganizationProblem.unitOutsideAgency();
        }
        if (store.assign(account.id(), new RoleAssignment(role, agencyId, unitId))) {
            events.publishEvent(new OrganizationChanged("ROLE_ASSIGNED", "staff:" + account.username(),
                    "Giao vai trò " + role + " tại " + agency.electronicId()));
        }
        return view(staffId);
    }

    @Transactional
    public StaffView revoke(UUID staffId, Role role, UUID agencyId, @Nullable UUID unitId) {
        var account = staff.findById(staffId).orElseThrow(() -> OrganizationProblem.staffNotFound(staffId));
        if (store.revoke(account.id(), new RoleAssignment(role, agencyId, unitId))) {
            events.publishEvent(new OrganizationChanged("ROLE_REVOKED", "staff:" + account.username(), "Thu hồi vai trò " + role));
        }
        return view(staffId);
    }

    @Transactional
    void recordFailedLogin(String username) {
        staff.findByUsername(username.toLowerCase(Locale.ROOT)).ifPresent(account -> {
            if (account.recordFailedLogin(clock.instant(), loginPolicy)) {
                events.publishEvent(new OrganizationChanged("ACCOUNT_LOCKED", "staff:" + account.username(),
                        "Tạm khoá " + loginPolicy.lockFor().toMinutes() + " phút sau " + loginPolicy.maxFailures() + " lần sai mật khẩu"));
            }
            store.updateLoginCounters(account.id(), account.failedLogins(), account.lockedUntil());
        });
    }

    @Transactional
    void recordSuccessfulLogin(String username) {
        staff.findByUsername(username.toLowerCase(Locale.ROOT)).ifPresent(account -> {
            if (account.recordSuccessfulLogin()) {
                store.updateLoginCounters(account.id(), account.failedLogins(), account.lockedUntil());
            }
        });
    }

    @Nullable Staff account(String username) {
        return staff.findByUsername(username.toLowerCase(Locale.ROOT)).orElse(null);
    }

    boolean lockedNow(Staff account) {
        return account.lockedAt(clock.instant());
    }

    private Staff load(UUID id, int expectedVersion) {
        var account = staff.findById(id).orElseThrow(() -> OrganizationProblem.staffNotFound(id));
        if (account.version() != expectedVersion) {
            throw new OptimisticLockingFailureException("staff " + id + " changed");
        }
        return account;
    }

    /** The account as just written, read in the writing transaction. */
    private StaffView view(UUID id) {
        return Objects.requireNonNull(store.staffById(id));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
