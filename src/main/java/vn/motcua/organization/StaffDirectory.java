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
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** The front door to staff accounts, their role assignments and the access scope they give. */
@Service
@Transactional(readOnly = true)
public class StaffDirectory {

    private final StaffAccounts staff;
    private final AgencyDirectory agencies;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Staff.LoginPolicy loginPolicy;

    StaffDirectory(StaffAccounts staff, AgencyDirectory agencies, PasswordEncoder passwords, ApplicationEventPublisher events,
                   Clock clock, @Value("${motcua.login.max-failures:5}") int maxFailures,
                   @Value("${motcua.login.lock-minutes:15}") int lockMinutes) {
        this.staff = staff;
        this.agencies = agencies;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
        this.loginPolicy = new Staff.LoginPolicy(maxFailures, Duration.ofMinutes(lockMinutes));
    }

    /** Staff the given scope may see, by name in Vietnamese order. */
    public List<StaffView> visibleTo(AccessScope scope) {
        var collator = java.text.Collator.getInstance(Locale.forLanguageTag("vi"));
        return staff.findAll().stream().map(Staff::view)
                .filter(s -> s.username().equals(scope.username()) || s.roles().stream().anyMatch(scope::covers))
                .sorted(Comparator.comparing(StaffView::fullName, collator))
                .toList();
    }

    /** Staff holding a role in the agency (or one of its units) that the scope reaches. */
    public List<StaffView> ofAgency(UUID agencyId, AccessScope scope) {
        return staff.findAll().stream().map(Staff::view)
                .filter(s -> s.roles().stream().anyMatch(r -> r.agencyId().equals(agencyId) && scope.covers(r)))
                .sorted(Comparator.comparing(StaffView::username))
                .toList();
    }

    public StaffView get(UUID id) {
        return staff.findById(id).map(Staff::view).orElseThrow(() -> OrganizationProblem.staffNotFound(id));
    }

    public java.util.Optional<StaffView> byUsername(String username) {
        return staff.findByUsername(username.toLowerCase(Locale.ROOT)).map(Staff::view);
    }

    public long countActive() {
        return staff.findAll().stream().filter(Staff::active).count();
    }

    /** What {@code username} may see: their agencies and everything under them, or the whole province. */
    public AccessScope scopeOf(String username) {
        var account = staff.findByUsername(username.toLowerCase(Locale.ROOT)).filter(Staff::active).orElse(null);
        if (account == null) {
            return AccessScope.nobody();
        }
        var roles = EnumSet.noneOf(Role.class);
        account.roles().forEach(r -> roles.add(r.role()));
        boolean wholeProvince = roles.contains(Role.ADMIN) || roles.contains(Role.OVERSIGHT_VIEWER);
        var subtrees = agencies.subtrees();
        var whole = new HashSet<UUID>();
        account.roles().stream().filter(r -> r.unitId() == null)
                .forEach(r -> whole.addAll(subtrees.getOrDefault(r.agencyId(), List.of(r.agencyId()))));
        var units = new java.util.HashMap<UUID, Set<UUID>>();
        account.roles().stream().filter(r -> r.unitId() != null && !whole.contains(r.agencyId()))
                .forEach(r -> units.computeIfAbsent(r.agencyId(), k -> new java.util.HashSet<>()).add(r.unitId()));
        return new AccessScope(account.username(), wholeProvince, Set.copyOf(whole), java.util.Map.copyOf(units), Set.copyOf(roles));
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
        return saved.view();
    }

    @Transactional
    public StaffView update(UUID id, StaffDraft draft, int expectedVersion) {
        var account = load(id, expectedVersion);
        account.revise(draft.fullName().strip(), blankToNull(draft.email()), blankToNull(draft.phone()), blankToNull(draft.position()));
        if (draft.password() != null && !draft.password().isBlank()) {
            account.changePassword(passwords.encode(draft.password()));
        }
        events.publishEvent(new OrganizationChanged("STAFF_UPDATED", "staff:" + account.username(), "Sửa tài khoản " + draft.fullName().strip()));
        return staff.save(account).view();
    }

    @Transactional
    public StaffView deactivate(UUID id) {
        var account = staff.findById(id).orElseThrow(() -> OrganizationProblem.staffNotFound(id));
        account.deactivate();
        events.publishEvent(new OrganizationChanged("STAFF_DEACTIVATED", "staff:" + account.username(), "Khoá tài khoản (ngừng hoạt động)"));
        return staff.save(account).view();
    }

    @Transactional
    public StaffView reactivate(UUID id) {
        var account = staff.findById(id).orElseThrow(() -> OrganizationProblem.staffNotFound(id));
        account.reactivate();
        events.publishEvent(new OrganizationChanged("STAFF_REACTIVATED", "staff:" + account.username(), "Mở lại tài khoản"));
        return staff.save(account).view();
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
        if (account.assign(new RoleAssignment(role, agencyId, unitId))) {
            events.publishEvent(new OrganizationChanged("ROLE_ASSIGNED", "staff:" + account.username(),
                    "Giao vai trò " + role + " tại " + agency.electronicId()));
        }
        return staff.save(account).view();
    }

    @Transactional
    public StaffView revoke(UUID staffId, Role role, UUID agencyId, @Nullable UUID unitId) {
        var account = staff.findById(staffId).orElseThrow(() -> OrganizationProblem.staffNotFound(staffId));
        if (account.revoke(new RoleAssignment(role, agencyId, unitId))) {
            events.publishEvent(new OrganizationChanged("ROLE_REVOKED", "staff:" + account.username(), "Thu hồi vai trò " + role));
        }
        return staff.save(account).view();
    }

    @Transactional
    void recordFailedLogin(String username) {
        staff.findByUsername(username.toLowerCase(Locale.ROOT)).ifPresent(account -> {
            if (account.recordFailedLogin(clock.instant(), loginPolicy)) {
                events.publishEvent(new OrganizationChanged("ACCOUNT_LOCKED", "staff:" + account.username(),
                        "Tạm khoá " + loginPolicy.lockFor().toMinutes() + " phút sau " + loginPolicy.maxFailures() + " lần sai mật khẩu"));
            }
            staff.save(account);
        });
    }

    @Transactional
    void recordSuccessfulLogin(String username) {
        staff.findByUsername(username.toLowerCase(Locale.ROOT)).ifPresent(account -> {
            if (account.recordSuccessfulLogin()) {
                staff.save(account);
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
        if (account.view().version() != expectedVersion) {
            throw new OptimisticLockingFailureException("staff " + id + " changed");
        }
        return account;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
