package vn.motcua.oversight.web;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.oversight.IndexReport;
import vn.motcua.oversight.Oversight;
import vn.motcua.oversight.OversightProblem;
import vn.motcua.oversight.ProvinceTargets;
import vn.motcua.oversight.ReportingPeriod;
import vn.motcua.platform.DomainProblem;
import vn.motcua.platform.TimeConfiguration;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Decision 766 index as a page, every indicator against the digest's target and the province's own, each count
 * linked to the dossiers behind it; and the form on which the reform officer enters the province's yearly targets.
 */
@Controller
class IndexPage {

    /** A link from an indicator's number to what is behind it. */
    public record Link(String label, String href) {
    }

    private final Oversight oversight;
    private final ProvinceTargets targets;
    private final Clock clock;

    IndexPage(Oversight oversight, ProvinceTargets targets, Clock clock) {
        this.oversight = oversight;
        this.targets = targets;
        this.clock = clock;
    }

    @GetMapping("/oversight/index")
    String index(@RequestParam(required = false) @Nullable String period, @RequestParam(required = false) @Nullable String agency, Model model) {
        String asked = period == null || period.isBlank() ? LocalDate.now(clock.withZone(TimeConfiguration.VIETNAM)).toString().substring(0, 7) : period;
        model.addAttribute("period", asked);
        if (agency == null || agency.isBlank()) {
            agency = oversight.defaultAgency();
        }
        model.addAttribute("agency", agency == null ? "" : agency);
        try {
            var p = ReportingPeriod.parse(asked);
            IndexReport report = oversight.index766(agency, p);
            model.addAttribute("index", report);
            model.addAttribute("year", p.lastDay().getYear());
            model.addAttribute("links", links(report, agency == null ? "" : agency, p.text()));
        } catch (IllegalArgumentException e) {
            model.addAttribute("problem", e.getMessage());
        } catch (OversightProblem e) {
            model.addAttribute("agencyProblem", e.getMessage());
        }
        return "oversight/index";
    }

    /** The numbers behind each dossier indicator, as drill-down addresses. */
    static Map<String, List<Link>> links(IndexReport report, String agency, String period) {
        var links = new HashMap<String, List<Link>>();
        String base = "/oversight/dossiers?agency=" + java.net.URLEncoder.encode(agency, java.nio.charset.StandardCharsets.UTF_8) + "&period=" + period + "&measure=";
        links.put("2.1", List.of(new Link("đúng hạn", base + "onTime"), new Link("quá hạn", base + "late"), new Link("tất cả", base + "received")));
        links.put("2.2", List.of(new Link("hồ sơ được tính", base + "timed")));
        links.put("3.x", List.of(new Link("trực tuyến", base + "fullOnlineOnline"), new Link("tất cả", base + "fullOnlineNew")));
        links.put("3.3", List.of(new Link("trực tuyến", base + "newOnline"), new Link("tất cả", base + "new")));
        links.put("5.4", List.of(new Link("quá hạn", base + "late"), new Link("không hài lòng", base + "dissatisfied"), new Link("tất cả", base + "received")));
        links.put("1.1", List.of(new Link("các quyết định công bố", "/admin/catalog/decisions")));
        links.put("1.3", List.of(new Link("các thủ tục", "/admin/catalog/completeness")));
        links.put("3.1", List.of(new Link("các thủ tục", "/public/procedures")));
        return links;
    }

    @GetMapping("/oversight/targets")
    String targets(@RequestParam(required = false) @Nullable String year, Model model) {
        int y = year(year);
        var t = targets.of(y);
        var values = new LinkedHashMap<String, String>();
        t.targets().forEach((code, ratio) -> values.put(code, percent(ratio)));
        return form(model, y, t, values, Map.of(), null);
    }

    @PostMapping("/oversight/targets")
    String save(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        int y = year(form.getFirst("year"));
        int version = parseInt(form.getFirst("version"));
        var values = new LinkedHashMap<String, String>();
        var ratios = new LinkedHashMap<String, @Nullable BigDecimal>();
        var errors = new LinkedHashMap<String, String>();
        for (var indicator : targets.indicators(y)) {
            String text = form.getFirst("t-" + indicator.code());
            text = text == null ? "" : text.strip();
            values.put(indicator.code(), text);
            if (text.isEmpty()) {
                continue;
            }
            try {
                ratios.put(indicator.code(), new BigDecimal(text.replace(',', '.').replace("%", "").strip()).movePointLeft(2));
            } catch (NumberFormatException e) {
                errors.put(indicator.code(), "Ghi chỉ tiêu là một số phần trăm, ví dụ 95 hoặc 92,5");
            }
        }
        if (!errors.isEmpty()) {
            return form(model, y, targets.of(y), values, errors, null);
        }
        try {
            targets.set(y, version, ratios);
        } catch (ProvinceTargets.Invalid e) {
            for (DomainProblem.InvalidParam p : e.invalidParams()) {
                errors.put(p.name().replace("targets.", ""), p.reason());
            }
            return form(model, y, targets.of(y), values, errors, null);
        } catch (ProvinceTargets.Stale e) {
            return form(model, y, targets.of(y), values, Map.of(), e.getMessage());
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/oversight/targets?year=" + y;
    }

    private String form(Model model, int year, ProvinceTargets.Targets stored, Map<String, String> values, Map<String, String> errors,
                        @Nullable String stale) {
        var storedPercent = new HashMap<String, String>();
        stored.targets().forEach((code, ratio) -> storedPercent.put(code, percent(ratio)));
        model.addAttribute("year", year);
        model.addAttribute("stored", stored);
        model.addAttribute("storedPercent", storedPercent);
        model.addAttribute("indicators", targets.indicators(year));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("stale", stale);
        model.addAttribute("mayEdit", mayEdit());
        model.addAttribute("times", DrillDownPage.TIMES);
        return "oversight/targets";
    }

    private static boolean mayEdit() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_OVERSIGHT_VIEWER") || a.getAuthority().equals("ROLE_ADMIN"));
    }

    static String percent(BigDecimal ratio) {
        return ratio.movePointRight(2).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private int year(@Nullable String text) {
        int fallback = LocalDate.now(clock.withZone(TimeConfiguration.VIETNAM)).getYear();
        if (text == null || text.isBlank()) {
            return fallback;
        }
        int y = parseInt(text);
        return y < 2022 || y > 2100 ? fallback : y;
    }

    private static int parseInt(@Nullable String text) {
        try {
            return text == null ? 0 : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
