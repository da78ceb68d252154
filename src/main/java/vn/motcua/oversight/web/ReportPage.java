package vn.motcua.oversight.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.oversight.HandlingReport;
import vn.motcua.oversight.Oversight;
import vn.motcua.oversight.OversightProblem;
import vn.motcua.oversight.ReportingPeriod;
import vn.motcua.platform.TimeConfiguration;

import java.time.Clock;
import java.time.LocalDate;

/** The periodic handling report as a page (print it for the paper copy), with its csv and xlsx downloads. */
@Controller
class ReportPage {

    /** The drill-down measure of each report column, in {@link HandlingReport#COLUMNS}' order (the rate has none). */
    static final java.util.List<String> MEASURES = java.util.List.of("received", "carriedOver", "newDirect", "newOnline", "newPostal",
            "resolved", "resolvedEarly", "resolvedOnTime", "resolvedLate", "refused", "inProgress", "inProgressOnTime", "inProgressOverdue",
            "stopped", "apologies");

    private final Oversight oversight;
    private final Clock clock;

    ReportPage(Oversight oversight, Clock clock) {
        this.oversight = oversight;
        this.clock = clock;
    }

    @GetMapping("/oversight/report")
    String report(@RequestParam(required = false) @Nullable String period, @RequestParam(required = false) @Nullable String agency, Model model) {
        String asked = period == null || period.isBlank() ? LocalDate.now(clock.withZone(TimeConfiguration.VIETNAM)).toString().substring(0, 7) : period;
        model.addAttribute("period", asked);
        if (agency == null || agency.isBlank()) {
            agency = oversight.defaultAgency();
        }
        model.addAttribute("agency", agency == null ? "" : agency);
        model.addAttribute("columns", HandlingReport.COLUMNS);
        model.addAttribute("measures", MEASURES);
        try {
            model.addAttribute("report", oversight.report(agency, ReportingPeriod.parse(asked)));
        } catch (IllegalArgumentException e) {
            model.addAttribute("problem", e.getMessage());
        } catch (OversightProblem e) {
            model.addAttribute("agencyProblem", e.getMessage());
        }
        return "oversight/report";
    }
}
