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
import vn.motcua.platform.web.Paged;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;

/** The dossiers behind a figure of the dashboard, the report or the index (the drill-down), a page at a time. */
@Controller
class DrillDownPage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(TimeConfiguration.VIETNAM);

    private final Oversight oversight;

    DrillDownPage(Oversight oversight) {
        this.oversight = oversight;
    }

    @GetMapping("/oversight/dossiers")
    String dossiers(@RequestParam(required = false) @Nullable String agency, @RequestParam(defaultValue = "false") boolean exact,
                    @RequestParam(required = false) @Nullable String period, @RequestParam(defaultValue = "received") String measure,
                    @RequestParam(required = false) @Nullable String procedure, @RequestParam(required = false) @Nullable String field,
                    @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("agency", agency == null ? "" : agency);
        model.addAttribute("period", period == null ? "" : period);
        model.addAttribute("measure", measure);
        model.addAttribute("times", TIMES);
        try {
            var p = ReportingPeriod.parse(period == null ? "" : period);
            var list = oversight.dossiers(agency, exact, p.from(), p.lastDay(), measure, procedure, field, Math.max(1, page), Paged.DEFAULT_SIZE);
            var filters = new LinkedHashMap<String, String>();
            filters.put("agency", agency == null ? "" : agency);
            filters.put("exact", exact ? "true" : "");
            filters.put("period", p.text());
            filters.put("measure", list.measure());
            filters.put("procedure", procedure == null ? "" : procedure);
            filters.put("field", field == null ? "" : field);
            model.addAttribute("list", list);
            model.addAttribute("paged", new Paged<>(list.rows(), list.page(), list.size(), list.total(), "/oversight/dossiers", filters));
        } catch (IllegalArgumentException e) {
            model.addAttribute("problem", e.getMessage());
        } catch (OversightProblem e) {
            model.addAttribute("listProblem", e.getMessage());
        }
        return "oversight/dossiers";
    }

    /** Vietnam time as the desk writes it, or a dash (the pages call it as {@code times.when(t)}). */
    public static final class Times {
        public String when(@Nullable Instant t) {
            return t == null ? "—" : WHEN.format(t);
        }

        public String duration(@Nullable Long minutes) {
            return vn.motcua.oversight.CentreView.duration(minutes);
        }
    }

    static final Times TIMES = new Times();
}
