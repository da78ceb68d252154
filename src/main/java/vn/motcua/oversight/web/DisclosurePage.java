package vn.motcua.oversight.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.oversight.Oversight;
import vn.motcua.oversight.OversightProblem;
import vn.motcua.oversight.ReportingPeriod;
import vn.motcua.platform.TimeConfiguration;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The public page of handling results ("Công khai kết quả giải quyết hồ sơ"): per agency, for a month, quarter or
 * year, a table and a bar chart drawn as SVG on the server (it prints as shown, no script needed).
 */
@Controller
class DisclosurePage {

    private final Oversight oversight;
    private final Clock clock;

    DisclosurePage(Oversight oversight, Clock clock) {
        this.oversight = oversight;
        this.clock = clock;
    }

    @GetMapping("/public/disclosure")
    String disclosure(@RequestParam(required = false) @Nullable String period, @RequestParam(required = false) @Nullable String agency,
                      Model model) {
        String asked = period == null || period.isBlank() ? LocalDate.now(clock.withZone(TimeConfiguration.VIETNAM)).toString().substring(0, 7) : period;
        model.addAttribute("period", asked);
        model.addAttribute("agency", agency == null ? "" : agency);
        try {
            var disclosure = oversight.disclosure(agency, ReportingPeriod.parse(asked));
            model.addAttribute("disclosure", disclosure);
            model.addAttribute("scale", disclosure.rows().stream().mapToLong(r -> r.received()).max().orElse(0));
        } catch (IllegalArgumentException | OversightProblem e) {
            model.addAttribute("problem", e.getMessage());
        }
        return "oversight/disclosure";
    }
}
