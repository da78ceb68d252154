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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.organization.AgencyDirectory;
import vn.motcua.organization.AgencyDraft;
import vn.motcua.organization.AgencyType;
import vn.motcua.organization.AgencyView;
import vn.motcua.organization.OrganizationProblem;
import vn.motcua.organization.StaffDirectory;
import vn.motcua.platform.security.AdminPage;
import vn.motcua.platform.text.Folding;
import vn.motcua.platform.web.Paged;
import vn.motcua.platform.DomainProblem;
import vn.motcua.platform.web.FormErrors;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Administrators list, create, edit, close and import the province's agencies and their units; the roles that
 * oversee agencies ({@link AdminPage#AGENCIES}) read the ones in their scope.
 */
@Controller
@RequestMapping("/admin/agencies")
class AgencyPages {

    private final AgencyDirectory agencies;
    private final StaffDirectory staff;

    private final vn.motcua.platform.web.UploadLimits limits;

    AgencyPages(AgencyDirectory agencies, StaffDirectory staff, vn.motcua.platform.web.UploadLimits limits) {
        this.agencies = agencies;
        this.staff = staff;
        this.limits = limits;
    }

    @ModelAttribute("uploadLimit")
    String uploadLimit() {
        return vn.motcua.platform.web.UploadLimits.human(limits.csvFile());
    }

    @ModelAttribute("types")
    AgencyType[] types() {
        return AgencyType.values();
    }

    /**
     * The agencies the reader oversees (all of them for administrators and oversight), filtered by words of the
     * name or electronic ID (diacritics optional), type and status, one page at a time.
     */
    @GetMapping
    String list(Authentication user, @RequestParam(defaultValue = "") String q, @RequestParam(required = false) @Nullable AgencyType type,
                @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "1") int page,
                @RequestParam(defaultValue = "" + Paged.DEFAULT_SIZE) int size, Model model) {
        var scope = staff.scopeOf(user.getName(), AdminPage.AGENCIES);
        LocalDate today = LocalDate.now(vn.motcua.platform.TimeConfiguration.VIETNAM);
        var all = agencies.all();
        var matching = all.stream()
                .filter(a -> scope.covers(a.id()))
                .filter(a -> type == null || a.type() == type)
                .filter(a -> switch (status) {
                    case "active" -> a.activeOn(today);
                    case "closed" -> !a.activeOn(today);
                    default -> true;
                })
                .filter(a -> Folding.contains(a.electronicId() + " " + a.name(), q))
                .toList();
        Map<UUID, AgencyView> byId = all.stream().collect(Collectors.toMap(AgencyView::id, Function.identity()));
        var filters = new java.util.LinkedHashMap<String, String>();
        filters.put("q", q);
        filters.put("type", type == null ? "" : type.name());
        filters.put("status", status);
        model.addAttribute("agencies", Paged.of(matching, page, size, "/admin/agencies", filters));
        model.addAttribute("q", q);
        model.addAttribute("type", type);
        model.addAttribute("status", status);
        model.addAttribute("byId", byId);
        model.addAttribute("today", today);
        return "organization/agencies";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        model.addAttribute("draft", new AgencyDraft("", "", AgencyType.COMMUNE_PEOPLES_COMMITTEE, null,
                LocalDate.now(vn.motcua.platform.TimeConfiguration.VIETNAM), null));
        model.addAttribute("parents", agencies.all());
        return "organization/agency-form";
    }

    @PostMapping("/new")
    String create(@Valid @ModelAttribute("draft") AgencyDraft draft, BindingResult form, Model model, RedirectAttributes flash) {
        if (!form.hasErrors()) {
            try {
                var created = agencies.create(draft);
                flash.addFlashAttribute("saved", created.name());
                return "redirect:/admin/agencies/" + created.id();
            } catch (DomainProblem problem) {
                FormErrors.show(problem, form);
            }
        }
        model.addAttribute("parents", agencies.all());
        return "organization/agency-form";
    }

    @GetMapping("/{id}")
    String editForm(@PathVariable UUID id, Authentication user, Model model) {
        var agency = agencies.get(id);
        var scope = staff.scopeOf(user.getName(), AdminPage.AGENCIES);
        if (!scope.covers(id)) {
            throw OrganizationProblem.outsideScope("Cơ quan " + agency.name() + " (" + agency.electronicId() + ")", agencies.places(scope));
        }
        if (!scope.isAdmin()) {
            model.addAttribute("agency", agency);
            model.addAttribute("parent", agency.parentId() == null ? null : agencies.get(agency.parentId()));
            model.addAttribute("units", agencies.units(id));
            model.addAttribute("staffOfAgency", staff.ofAgency(id, scope));
            return "organization/agency-view";
        }
        model.addAttribute("agency", agency);
        model.addAttribute("draft", new AgencyDraft(agency.electronicId(), agency.name(), agency.type(), agency.parentId(),
                agency.validFrom(), agency.validTo()));
        model.addAttribute("version", agency.version());
        return editView(id, model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("draft") AgencyDraft draft, BindingResult form,
                  @RequestParam int version, Model model, RedirectAttributes flash) {
        if (!form.hasErrors()) {
            try {
                var saved = agencies.update(id, draft, version);
                flash.addFlashAttribute("saved", saved.name());
                return "redirect:/admin/agencies/" + id;
            } catch (DomainProblem problem) {
                FormErrors.show(problem, form);
            } catch (org.springframework.dao.OptimisticLockingFailureException conflict) {
                form.reject("concurrent-edit");
            }
        }
        model.addAttribute("agency", agencies.get(id));
        model.addAttribute("version", version);
        return editView(id, model);
    }

    @PostMapping("/{id}/deactivation")
    String deactivate(@PathVariable UUID id, @RequestParam LocalDate lastDay,
                      RedirectAttributes flash) {
        var agency = agencies.deactivate(id, lastDay);
        flash.addFlashAttribute("saved", agency.name());
        return "redirect:/admin/agencies/" + id;
    }

    @PostMapping("/{id}/units")
    String addUnit(@PathVariable UUID id, @RequestParam String name, RedirectAttributes flash) {
        try {
            agencies.createUnit(id, name);
        } catch (DomainProblem problem) {
            flash.addFlashAttribute("unitError", problem.getMessage());
        }
        return "redirect:/admin/agencies/" + id + "#units";
    }

    @PostMapping("/{id}/units/{unitId}/deactivation")
    String deactivateUnit(@PathVariable UUID id, @PathVariable UUID unitId) {
        agencies.deactivateUnit(unitId);
        return "redirect:/admin/agencies/" + id + "#units";
    }

    @GetMapping("/import")
    String importForm() {
        return "organization/agency-import";
    }

    @PostMapping("/import")
    String importFile(@RequestParam("file") MultipartFile file, Model model) throws IOException {
        if (file.isEmpty()) {
            model.addAttribute("fileError", true);
            return "organization/agency-import";
        }
        try {
            model.addAttribute("report", agencies.importCsv(vn.motcua.platform.web.CsvBody.read(file.getBytes(),
                    file.getContentType() == null ? null : org.springframework.http.MediaType.parseMediaType(file.getContentType()))));
        } catch (DomainProblem problem) {
            model.addAttribute("problem", problem.getMessage());
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        return "organization/agency-import";
    }

    private String editView(UUID id, Model model) {
        model.addAttribute("parents", agencies.all().stream().filter(a -> !a.id().equals(id)).toList());
        model.addAttribute("units", agencies.units(id));
        return "organization/agency-form";
    }
}
