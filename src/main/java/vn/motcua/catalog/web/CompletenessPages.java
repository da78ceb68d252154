package vn.motcua.catalog.web;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.catalog.CatalogCompleteness;
import vn.motcua.catalog.MandatoryComponent;
import vn.motcua.catalog.ProcedureCatalog;
import vn.motcua.platform.DomainProblem;

/**
 * The catalog officer's completeness view: per procedure in force, which of the seven mandatory components it states,
 * with counts, filters and a button that starts an amending decision (the decisions page applies it).
 */
@Controller
class CompletenessPages {

    private static final int PAGE = 50;

    private final CatalogCompleteness completeness;
    private final ProcedureCatalog catalog;
    private final MessageSource messages;

    CompletenessPages(CatalogCompleteness completeness, ProcedureCatalog catalog, MessageSource messages) {
        this.completeness = completeness;
        this.catalog = catalog;
        this.messages = messages;
    }

    @GetMapping("/admin/catalog/completeness")
    String view(@RequestParam(required = false) @Nullable MandatoryComponent missing, @RequestParam(defaultValue = "false") boolean incomplete,
                @RequestParam(defaultValue = "false") boolean noUnit, @RequestParam(required = false) @Nullable String field,
                @RequestParam(defaultValue = "0") int page, Model model) {
        int p = Math.clamp(page, 0, 10_000);
        var filter = new CatalogCompleteness.Filter(missing, incomplete, noUnit, field == null || field.isBlank() ? null : field);
        var view = completeness.view(filter, PAGE, p * PAGE);
        model.addAttribute("view", view);
        model.addAttribute("filter", filter);
        model.addAttribute("components", MandatoryComponent.values());
        model.addAttribute("fields", catalog.fields());
        model.addAttribute("page", p);
        model.addAttribute("pages", (view.matching() + PAGE - 1) / PAGE);
        return "catalog/completeness";
    }

    @PostMapping("/admin/catalog/completeness/{code}/amendment")
    String amend(@PathVariable String code, RedirectAttributes flash) {
        var locale = LocaleContextHolder.getLocale();
        var existing = completeness.openDraftFor(code);
        if (existing.isPresent()) {
            flash.addFlashAttribute("notice", messages.getMessage("completeness.draftExists", new Object[]{code, existing.get().number()}, locale));
            return "redirect:/admin/catalog/decisions";
        }
        try {
            var draft = completeness.draftAmendment(code, messages.getMessage("completeness.draftNumber", new Object[]{code}, locale));
            flash.addFlashAttribute("notice", messages.getMessage("completeness.drafted", new Object[]{draft.number(), code}, locale));
        } catch (DomainProblem problem) {
            flash.addFlashAttribute("problem", problem.getMessage());
        }
        return "redirect:/admin/catalog/decisions";
    }
}
