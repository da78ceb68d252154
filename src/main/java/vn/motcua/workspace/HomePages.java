package vn.motcua.workspace;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.motcua.audit.AuditLog;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.ProcedureCatalog;
import vn.motcua.organization.AgencyDirectory;
import vn.motcua.platform.security.AdminPage;
import vn.motcua.organization.StaffDirectory;
import vn.motcua.platform.TimeConfiguration;

import java.time.Clock;
import java.time.LocalDate;

/** The public landing page, the login page, and each signed-in user's home with figures for their roles. */
@Controller
class HomePages {

    private final AgencyDirectory agencies;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final WorkingCalendar calendar;
    private final ProcedureCatalog catalog;
    private final Clock clock;
    private final vn.motcua.dossier.DossierProcessing processing;

    /** Roles that work on dossiers, and the centre's manager who watches the dossiers received there. */
    static final java.util.Set<vn.motcua.organization.Role> DOSSIER_ROLES = java.util.EnumSet.of(vn.motcua.organization.Role.DESK_OFFICER,
            vn.motcua.organization.Role.ASSIGNER, vn.motcua.organization.Role.SPECIALIST, vn.motcua.organization.Role.UNIT_HEAD,
            vn.motcua.organization.Role.SIGNER, vn.motcua.organization.Role.CLERK, vn.motcua.organization.Role.CENTRE_MANAGER);

    HomePages(AgencyDirectory agencies, StaffDirectory staff, AuditLog audit, WorkingCalendar calendar, ProcedureCatalog catalog, Clock clock,
              vn.motcua.dossier.DossierProcessing processing) {
        this.processing = processing;
        this.catalog = catalog;
        this.calendar = calendar;
        this.agencies = agencies;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(@Nullable Authentication user, Model model, jakarta.servlet.http.HttpServletRequest request) {
        if (user == null || user instanceof AnonymousAuthenticationToken) {
            model.addAttribute("agencyCount", agencies.countActive());
            return "workspace/public-home";
        }
        var scope = staff.scopeOf(user.getName());
        var session = request.getSession(false);
        if (session != null && session.getAttribute(vn.motcua.organization.SignInNotice.SESSION_ATTRIBUTE) != null) {
            model.addAttribute("signInNotice", session.getAttribute(vn.motcua.organization.SignInNotice.SESSION_ATTRIBUTE));
            session.removeAttribute(vn.motcua.organization.SignInNotice.SESSION_ATTRIBUTE); // shown once
        }
        model.addAttribute("account", staff.byUsername(user.getName()).orElseThrow());
        // a role on a unit shows that unit, not its whole department
        model.addAttribute("places", agencies.places(scope));
        model.addAttribute("colleagues", staff.countVisibleTo(scope));
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("today", calendar.day(today));
        model.addAttribute("nextDayOff", calendar.days(today.plusDays(1), today.plusDays(366)).stream()
                .filter(d -> !d.working() && d.name() != null && d.kind() != vn.motcua.calendar.DayKind.WEEKEND)
                .findFirst().orElse(null));
        model.addAttribute("proceduresInForce", catalog.countInForce());
        // figures of what the user's roles oversee, each within the scope of the roles that open its page
        if (scope.mayOpen(AdminPage.AGENCIES.name())) {
            var readers = staff.scopeOf(user.getName(), AdminPage.AGENCIES);
            model.addAttribute("agencyCount", agencies.all().stream().filter(a -> a.activeOn(today) && readers.covers(a.id())).count());
        }
        if (scope.mayOpen(AdminPage.STAFF.name())) {
            var readers = staff.scopeOf(user.getName(), AdminPage.STAFF);
            model.addAttribute("staffCount", readers.wholeProvince() ? staff.countActive() : staff.countVisibleTo(readers));
        }
        if (scope.mayOpen(AdminPage.AUDIT_LOG.name())) {
            model.addAttribute("auditToday", audit.countSince(today.atStartOfDay(TimeConfiguration.VIETNAM).toInstant()));
        }
        if (DOSSIER_ROLES.stream().anyMatch(scope::has)) {
            // the queues' counts as the work page shows them (one statement counts every queue)
            model.addAttribute("workCounts", processing.queue(vn.motcua.dossier.WorkQueue.MINE, null, null, null, 0, 1).counts());
        }
        return "workspace/home";
    }

    @GetMapping("/login")
    String login() {
        return "workspace/login";
    }
}
