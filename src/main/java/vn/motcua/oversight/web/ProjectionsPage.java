package vn.motcua.oversight.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import vn.motcua.oversight.ProjectionRebuild;
import vn.motcua.platform.CurrentUser;
import vn.motcua.platform.DomainProblem;

import java.time.Clock;

/**
 * The administrator's button that rebuilds oversight's figures from the dossier histories (under /admin: ADMIN only):
 * the rebuild runs in the background and the page shows its progress (htmx polls while it runs) and the last ones.
 */
@Controller
@RequestMapping("/admin/oversight/projections")
class ProjectionsPage {

    private final ProjectionRebuild rebuild;
    private final Clock clock;

    ProjectionsPage(ProjectionRebuild rebuild, Clock clock) {
        this.rebuild = rebuild;
        this.clock = clock;
    }

    @GetMapping
    String page(Model model) {
        fill(model);
        return "oversight/projections";
    }

    /** The latest job alone, for htmx to swap in while it runs. */
    @GetMapping("/progress")
    String progress(Model model) {
        fill(model);
        return "oversight/projections :: progress";
    }

    @PostMapping
    String start(Model model) {
        try {
            rebuild.start(CurrentUser.name(), false);
        } catch (DomainProblem problem) {
            model.addAttribute("problem", problem.getMessage());
            return page(model);
        }
        return "redirect:/admin/oversight/projections";
    }

    private void fill(Model model) {
        var jobs = rebuild.recent(10);
        model.addAttribute("jobs", jobs);
        model.addAttribute("latest", jobs.isEmpty() ? null : jobs.getFirst());
        model.addAttribute("now", clock.instant());
    }
}
