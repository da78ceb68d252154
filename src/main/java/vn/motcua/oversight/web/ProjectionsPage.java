package vn.motcua.oversight.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.oversight.ProjectionRebuild;

/** The administrator's button that rebuilds oversight's figures from the dossier histories (under /admin: ADMIN only). */
@Controller
@RequestMapping("/admin/oversight/projections")
class ProjectionsPage {

    private final ProjectionRebuild rebuild;

    ProjectionsPage(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @GetMapping
    String page() {
        return "oversight/projections";
    }

    @PostMapping
    String rebuild(RedirectAttributes redirect) {
        var result = rebuild.rebuild();
        redirect.addFlashAttribute("events", result.events());
        redirect.addFlashAttribute("dossiers", result.dossiers());
        redirect.addFlashAttribute("lateSteps", result.lateSteps());
        redirect.addFlashAttribute("seconds", String.format(java.util.Locale.ROOT, "%.1f", result.took().toMillis() / 1000.0));
        return "redirect:/admin/oversight/projections";
    }
}
