package vn.motcua.dossier.web;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.dossier.PublicLookup;
import vn.motcua.dossier.rating.DossierRatings;
import vn.motcua.dossier.rating.RatingQuestion;
import vn.motcua.platform.DomainProblem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rating form: for the applicant from the receipt's QR code ({@code /tra-cuu/{code}/danh-gia}, public, plain POST
 * with CSRF, rate-limited like the lookup), and the desk screen a desk officer opens on a second screen for the
 * applicant in front of them ({@code /quay/danh-gia/{code}}: no menu, no personal data, big choices). Both show the
 * questions in force and a message next to each question that needs one.
 */
@Controller
class RatingPages {

    private final DossierRatings ratings;
    private final PublicLookup lookup;

    RatingPages(DossierRatings ratings, PublicLookup lookup) {
        this.ratings = ratings;
        this.lookup = lookup;
    }

    // --- the applicant, from the QR code --------------------------------------------------------------------------

    @GetMapping("/tra-cuu/{code}/danh-gia")
    String form(@PathVariable String code, @RequestParam(name = "so", required = false) @Nullable String digits, Model model,
                HttpServletResponse response) {
        var d = lookup.find(code, null);
        if (d.isEmpty()) {
            return notFound(code, model, response);
        }
        model.addAttribute("code", d.get().code());
        model.addAttribute("procedureName", d.get().procedureName());
        model.addAttribute("returned", d.get().nationalStatus() == 10);
        model.addAttribute("questions", ratings.questions());
        model.addAttribute("values", Map.of());
        model.addAttribute("errors", Map.of());
        model.addAttribute("digits", digits == null || !digits.strip().matches("\\d{4}") ? "" : digits.strip());
        model.addAttribute("kiosk", false);
        return "dossier/rating";
    }

    @PostMapping("/tra-cuu/{code}/danh-gia")
    String rate(@PathVariable String code, @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
        String digits = first(form, "so");
        var values = answers(form);
        try {
            ratings.rateAsApplicant(code, digits, new DossierRatings.Submission(values.parsed(), first(form, "comment")));
            model.addAttribute("code", code.strip().toUpperCase(java.util.Locale.ROOT));
            model.addAttribute("kiosk", false);
            return "dossier/rating-done";
        } catch (DomainProblem refused) {
            if (refused.code().equals("rating.dossier-not-found")) {
                return notFound(code, model, response);
            }
            var d = lookup.find(code, null).orElseThrow();
            model.addAttribute("code", d.code());
            model.addAttribute("procedureName", d.procedureName());
            model.addAttribute("returned", d.nationalStatus() == 10);
            model.addAttribute("digits", digits == null ? "" : digits.strip());
            model.addAttribute("kiosk", false);
            return refusedView(refused, values, model, response);
        }
    }

    // --- the desk screen ------------------------------------------------------------------------------------------

    @GetMapping("/quay/danh-gia/{code}")
    String kiosk(@PathVariable String code, Model model) {
        var f = ratings.formForDesk(code);
        kioskModel(f, model);
        model.addAttribute("values", Map.of());
        model.addAttribute("errors", Map.of());
        return "dossier/rating-kiosk";
    }

    @PostMapping("/quay/danh-gia/{code}")
    String kioskRate(@PathVariable String code, @RequestParam MultiValueMap<String, String> form, Model model,
                     HttpServletResponse response) {
        var values = answers(form);
        try {
            ratings.rateAtDesk(code, new DossierRatings.Submission(values.parsed(), first(form, "comment")));
            model.addAttribute("code", code.strip().toUpperCase(java.util.Locale.ROOT));
            model.addAttribute("kiosk", true);
            return "dossier/rating-kiosk-done";
        } catch (DomainProblem refused) {
            if (refused.status().value() == 404 || refused.status().value() == 403) {
                throw refused;
            }
            kioskModel(ratings.formForDesk(code), model);
            refusedView(refused, values, model, response);
            return "dossier/rating-kiosk";
        }
    }

    private static void kioskModel(DossierRatings.Form f, Model model) {
        model.addAttribute("code", f.code());
        model.addAttribute("procedureName", f.procedureName());
        model.addAttribute("returned", f.returned());
        model.addAttribute("rated", f.rated());
        model.addAttribute("questions", f.questions());
        model.addAttribute("kiosk", true);
        model.addAttribute("digits", "");
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    /** A refusal: next to its question when it names one, else at the top (not returned, already rated, wrong digits). */
    private String refusedView(DomainProblem refused, Answers values, Model model, HttpServletResponse response) {
        response.setStatus(refused.status().value());
        var errors = new LinkedHashMap<String, String>(values.unreadable());
        for (var p : refused.invalidParams()) {
            errors.putIfAbsent(p.name().startsWith("answers.") ? "q-" + p.name().substring(8) : p.name().equals("verify") ? "so" : p.name(),
                    p.reason());
        }
        if (refused.code().equals("rating.not-applicant")) {
            errors.put("so", refused.getMessage());
        } else if (refused.invalidParams().isEmpty()) {
            model.addAttribute("refusal", refused.getMessage());
            model.addAttribute("refusalCode", refused.code());
        }
        model.addAttribute("errors", errors);
        model.addAttribute("values", values.raw());
        model.addAttribute("comment", values.comment());
        model.addAttribute("questions", ratings.questions());
        model.addAttribute("summary", summary(errors));
        return "dossier/rating";
    }

    private String notFound(String code, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("code", code.length() > 60 ? code.substring(0, 60) : code);
        model.addAttribute("notFound", true);
        return "dossier/lookup";
    }

    private static List<DeskPages.ErrorLinks> summary(Map<String, String> errors) {
        return errors.entrySet().stream().map(e -> new DeskPages.ErrorLinks(e.getKey(), e.getValue())).toList();
    }

    /** The answers as typed: {@code q-CODE=value}; a value that is not a number is an error of the page, not of the service. */
    record Answers(Map<String, Integer> parsed, Map<String, String> raw, Map<String, String> unreadable, String comment) {
    }

    private static Answers answers(MultiValueMap<String, String> form) {
        var parsed = new LinkedHashMap<String, Integer>();
        var raw = new LinkedHashMap<String, String>();
        var unreadable = new LinkedHashMap<String, String>();
        int n = 0;
        for (var e : form.entrySet()) {
            if (!e.getKey().startsWith("q-") || e.getValue().isEmpty() || ++n > 50) {
                continue;
            }
            String code = e.getKey().substring(2);
            String value = e.getValue().getFirst() == null ? "" : e.getValue().getFirst().strip();
            raw.put(code, value);
            if (value.matches("-?\\d{1,3}")) {
                parsed.put(code, Integer.parseInt(value));
            } else if (!value.isEmpty()) {
                parsed.put(code, Integer.MIN_VALUE); // not a value of any question: the service names the ones it offers
            }
        }
        String comment = first(form, "comment");
        return new Answers(parsed, raw, unreadable, comment == null ? "" : comment);
    }

    private static @Nullable String first(MultiValueMap<String, String> form, String name) {
        var v = form.get(name);
        return v == null || v.isEmpty() ? null : v.getFirst();
    }

    /** The question's words in the page's language, for the templates. */
    public static String text(RatingQuestion q) {
        return q.text(LocaleContextHolder.getLocale());
    }
}
