package vn.motcua.oversight.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.oversight.Dashboard;
import vn.motcua.oversight.Oversight;
import vn.motcua.oversight.OversightProblem;
import vn.motcua.oversight.ReportingPeriod;
import vn.motcua.platform.TimeConfiguration;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The leader's dashboard: charts drawn as SVG on the server, so they print as shown and need no script. */
@Controller
class DashboardPage {

    private final Oversight oversight;
    private final Clock clock;

    DashboardPage(Oversight oversight, Clock clock) {
        this.oversight = oversight;
        this.clock = clock;
    }

    @GetMapping("/oversight")
    String dashboard(@RequestParam(required = false) @Nullable String period, @RequestParam(required = false) @Nullable String agency, Model model) {
        String asked = period == null || period.isBlank() ? LocalDate.now(clock.withZone(TimeConfiguration.VIETNAM)).toString().substring(0, 7) : period;
        model.addAttribute("period", asked);
        if (agency == null || agency.isBlank()) {
            agency = oversight.defaultAgency();
        }
        model.addAttribute("agency", agency == null ? "" : agency);
        try {
            Dashboard d = oversight.dashboard(agency, ReportingPeriod.parse(asked));
            model.addAttribute("dashboard", d);
            model.addAttribute("trendPoints", points(d.trend()));
            model.addAttribute("scale", d.agencies().stream().mapToLong(r -> r.received()).max().orElse(0));
        } catch (IllegalArgumentException e) {
            model.addAttribute("problem", e.getMessage());
        } catch (OversightProblem e) {
            model.addAttribute("agencyProblem", e.getMessage());
        }
        return "oversight/dashboard";
    }

    /** The trend as SVG polyline points: x every 80 px from 40, y from 200 (0 %) up to 20 (100 %); months without dossiers skipped. */
    static String points(List<Dashboard.Point> trend) {
        var out = new ArrayList<String>();
        for (int i = 0; i < trend.size(); i++) {
            var rate = trend.get(i).onTimeRate();
            if (rate != null) {
                out.add((40 + i * 80) + "," + Math.round(200 - rate.doubleValue() * 1.8));
            }
        }
        return String.join(" ", out);
    }
}
