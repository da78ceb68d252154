package vn.motcua.organization.web;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.organization.AgencyDirectory;
import vn.motcua.organization.ApiTokens;
import vn.motcua.organization.AgencyView;
import vn.motcua.organization.OrganizationProblem;
import vn.motcua.platform.security.AdminPage;
import vn.motcua.platform.text.Folding;
import vn.motcua.platform.web.Paged;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffDirectory;
import vn.motcua.organization.StaffDraft;
import vn.motcua.organization.UnitView;
import vn.motcua.platform.DomainProblem;
import vn.motcua.platform.TimeConfiguration;
import vn.motcua.platform.web.FormErrors;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Administrators manage staff accounts and their role assignments; staff are deactivated, never deleted. The roles
 * that oversee staff ({@link AdminPage#STAFF}) read the accounts in their scope.
 */
@Controller
@RequestMapping("/admin/staff")
class StaffPages {

    private final StaffDirectory staff;
    private final AgencyDirectory agencies;
    private final ApiTokens tokens;
    private final Clock clock;

    StaffPages(StaffDirectory staff, AgencyDirectory agencies, ApiTokens tokens, Clock clock) {
        this.staff = staff;
        this.agencies = agencies;
        this.tokens = tokens;
        this.clock = clock;
    }

    @ModelAttribute("roles")
    Role[] roles() {
        return Role.values();
    }

    @ModelAttribute("agencyById")
    Map<UUID, AgencyView> agencyById() {
        return agencies.all().stream().collect(Collectors.toMap(AgencyView::id, Function.identity()));
    }

    /**
     * The staff the reader oversees (through the roles that open this page only), filtered by words of the name,
     * username, e-mail or position (diacritics optional), role, agency (name or electronic ID) and status.
     */
    @GetMapping
    String list(Authentication user, @RequestParam(defaultValue = "") String q, @RequestParam(required = false) @Nullable Role role,
                @RequestParam(defaultValue = "") String agency, @RequestParam(defaultValue = "") String status,
                @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "" + Paged.DEFAULT_SIZE) int size, Model model) {
        var scope = staff.scopeOf(user.getName(), AdminPage.STAFF);
        Map<UUID, AgencyView> byId = agencyById();
        var matching = staff.visibleTo(scope).stream()
                .filter(s -> switch (status) {
                    case "active" -> s.active();
                    case "inactive" -> !s.active();
                    default -> true;
                })
                .filter(s -> role == null || s.roles().stream().anyMatch(r -> r.role() == role))
                .filter(s -> agency.isBlank() || s.roles().stream().map(r -> byId.get(r.agencyId())).filter(java.util.Objects::nonNull)
                        .anyMatch(a -> a.electronicId().equalsIgnoreCase(agency.strip()) || Folding.contains(a.name(), agency)))
                .filter(s -> Folding.contains(s.fullName() + " " + s.username() + " " + java.util.Objects.toString(s.email(), "") + " "
                        + java.util.Objects.toString(s.position(), ""), q))
                .toList();
        var filters = new java.util.LinkedHashMap<String, String>();
        filters.put("q", q);
        filters.put("role", role == null ? "" : role.name());
        filters.put("agency", agency);
        filters.put("status", status);
        model.addAttribute("staff", Paged.of(matching, page, size, "/admin/staff", filters));
        model.addAttribute("q", q);
        model.addAttribute("role", role);
        model.addAttribute("agency", agency);
        model.addAttribute("status", status);
        return "organization/staff";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        model.addAttribute("draft", new StaffDraft("", "", null, null, null, null));
        return "organization/staff-form";
    }

    @PostMapping("/new")
    String create(@Valid @ModelAttribute("draft") StaffDraft draft, BindingResult form, RedirectAttributes flash) {
        if (!form.hasErrors()) {
            try {
                var created = staff.create(draft);
                flash.addFlashAttribute("saved", created.fullName());
                return "redirect:/admin/staff/" + created.id();
            } catch (DomainProblem problem) {
                FormErrors.show(problem, form);
            }
        }
        return "organization/staff-form";
    }

    @GetMapping("/{id}")
    String editForm(@PathVariable UUID id, Authentication user, Model model) {
        var account = staff.get(id);
        var scope = staff.scopeOf(user.getName(), AdminPage.STAFF);
        if (!staff.sees(scope, account)) {
            throw OrganizationProblem.outsideScope("Tài khoản " + account.username(), agencies.places(scope));
        }
        if (!scope.isAdmin()) {
            model.addAttribute("account", account);
            model.addAttribute("unitById", account.roles().stream().filter(r -> r.unitId() != null)
                    .map(r -> agencies.unit(r.unitId())).collect(Collectors.toMap(UnitView::id, Function.identity(), (a, b) -> a)));
            return "organization/staff-view";
        }
        model.addAttribute("draft", new StaffDraft(account.username(), account.fullName(), account.email(), account.phone(),
                account.position(), null));
        model.addAttribute("version", account.version());
        return editView(id, model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("draft") StaffDraft draft, BindingResult form,
                  @RequestParam int version, Model model, RedirectAttributes flash) {
        if (!form.hasErrors()) {
            try {
                var saved = staff.update(id, draft, version);
                flash.addFlashAttribute("saved", saved.fullName());
                return "redirect:/admin/staff/" + id;
            } catch (DomainProblem problem) {
                FormErrors.show(problem, form);
            } catch (org.springframework.dao.OptimisticLockingFailureException conflict) {
                form.reject("concurrent-edit");
            }
        }
        model.addAttribute("version", version);
        return editView(id, model);
    }

    @PostMapping("/{id}/deactivation")
    String deactivate(@PathVariable UUID id, RedirectAttributes flash) {
        flash.addFlashAttribute("saved", staff.deactivate(id).fullName());
        return "redirect:/admin/staff/" + id;
    }

    @PostMapping("/{id}/reactivation")
    String reactivate(@PathVariable UUID id, RedirectAttributes flash) {
        flash.addFlashAttribute("saved", staff.reactivate(id).fullName());
        return "redirect:/admin/staff/" + id;
    }

    @PostMapping("/{id}/roles")
    String assign(@PathVariable UUID id, @RequestParam Role role, @RequestParam UUID agencyId,
                  @RequestParam(required = false) @Nullable UUID unitId, RedirectAttributes flash) {
        try {
            staff.assign(id, role, agencyId, unitId);
        } catch (DomainProblem problem) {
            flash.addFlashAttribute("roleError", problem.getMessage());
        }
        return "redirect:/admin/staff/" + id + "#roles";
    }

    @PostMapping("/{id}/roles/revocation")
    String revoke(@PathVariable UUID id, @RequestParam Role role, @RequestParam UUID agencyId,
                  @RequestParam(required = false) @Nullable UUID unitId) {
        staff.revoke(id, role, agencyId, unitId);
        return "redirect:/admin/staff/" + id + "#roles";
    }

    /** Issues a token; its secret is shown once, on the page this redirects to. */
    @PostMapping("/{id}/tokens")
    String issueToken(@PathVariable UUID id, @RequestParam String name,
                      @RequestParam LocalDate expiresOn, RedirectAttributes flash) {
        try {
            var issued = tokens.issue(id, name, expiresOn);
            flash.addFlashAttribute("issuedName", issued.token().name());
            flash.addFlashAttribute("issuedSecret", issued.secret());
        } catch (DomainProblem problem) {
            flash.addFlashAttribute("tokenError", problem.getMessage());
        }
        return "redirect:/admin/staff/" + id + "#tokens";
    }

    @PostMapping("/{id}/tokens/{tokenId}/revocation")
    String revokeToken(@PathVariable UUID id, @PathVariable UUID tokenId) {
        tokens.revoke(id, tokenId);
        return "redirect:/admin/staff/" + id + "#tokens";
    }

    private String editView(UUID id, Model model) {
        var account = staff.get(id);
        model.addAttribute("account", account);
        model.addAttribute("activeAgencies", agencies.all().stream().filter(a -> a.validTo() == null).toList());
        Map<UUID, UnitView> units = account.roles().stream().filter(r -> r.unitId() != null)
                .map(r -> agencies.unit(r.unitId())).collect(Collectors.toMap(UnitView::id, Function.identity(), (a, b) -> a));
        model.addAttribute("unitById", units);
        model.addAttribute("allUnits", agencies.all().stream().flatMap(a -> agencies.units(a.id()).stream()).toList());
        model.addAttribute("tokens", tokens.of(id));
        model.addAttribute("now", clock.instant());
        model.addAttribute("zone", TimeConfiguration.VIETNAM);
        model.addAttribute("defaultTokenExpiry", LocalDate.now(clock).plusDays(90));
        return "organization/staff-form";
    }
}
