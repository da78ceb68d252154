package vn.motcua.oversight.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.oversight.CentreView;
import vn.motcua.oversight.Oversight;
import vn.motcua.oversight.OversightProblem;
import vn.motcua.platform.TimeConfiguration;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The centre manager's dashboard: the day's intake by desk officer, the queues now, waiting and handling times. */
@Controller
class CentrePage {

    private final Oversight oversight;
    private final Clock clock;

    CentrePage(Oversight oversight, Clock clock) {
        this.oversight = oversight;
        this.clock = clock;
    }

    /** Days are written as the other pages write them (dd/MM/yyyy); a link may carry the ISO form (2026-12-01). */
    static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    static LocalDate day(String text) {
        return text.contains("/") ? LocalDate.parse(text, DAY) : LocalDate.parse(text);
    }

    @GetMapping("/oversight/centre")
    String centre(@RequestParam(required = false) @Nullable String day, @RequestParam(required = false) @Nullable String agency, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.VIETNAM));
        if (agency == null || agency.isBlank()) {
            agency = oversight.defaultAgency();
        }
        model.addAttribute("agency", agency == null ? "" : agency);
        model.addAttribute("day", day == null || day.isBlank() ? today.format(DAY) : day);
        model.addAttribute("times", DrillDownPage.TIMES);
        LocalDate d;
        try {
            d = day == null || day.isBlank() ? today : day(day.strip());
        } catch (DateTimeParseException e) {
            model.addAttribute("problem", "Ngày \"" + day + "\" không hợp lệ: ghi theo dạng ngày/tháng/năm, ví dụ " + today.format(DAY));
            return "oversight/centre";
        }
        model.addAttribute("day", d.format(DAY));
        try {
            CentreView view = oversight.centre(agency, d);
            model.addAttribute("centre", view);
            model.addAttribute("scale", view.officers().stream().mapToLong(CentreView.Officer::received).max().orElse(0));
        } catch (OversightProblem e) {
            model.addAttribute("agencyProblem", e.getMessage());
        }
        return "oversight/centre";
    }
}
