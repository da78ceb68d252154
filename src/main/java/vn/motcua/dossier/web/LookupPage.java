package vn.motcua.dossier.web;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.dossier.DossierWords;
import vn.motcua.dossier.PublicLookup;

/**
 * The public lookup of a dossier, for citizens: the code typed on {@code /tra-cuu}, or the slip's QR code opening
 * {@code /tra-cuu/{code}}. Plain GET forms, so it works without JavaScript, stores no session and can be bookmarked;
 * the last four digits that unmask the name ({@code so}) are optional. Rate-limited per address by the platform
 * ({@code motcua.rate-limits.lookup.*}), which answers 429 with the Vietnamese error page.
 */
@Controller
class LookupPage {

    private final PublicLookup lookup;

    LookupPage(PublicLookup lookup) {
        this.lookup = lookup;
    }

    @GetMapping("/tra-cuu")
    String form(@RequestParam(name = "ma", required = false) @Nullable String code, @RequestParam(name = "so", required = false) @Nullable String digits,
                Model model, HttpServletResponse response) {
        if (code == null || code.isBlank()) {
            return "dossier/lookup";
        }
        return show(code, digits, model, response);
    }

    @GetMapping("/tra-cuu/{code}")
    String dossier(@PathVariable String code, @RequestParam(name = "so", required = false) @Nullable String digits, Model model,
                   HttpServletResponse response) {
        return show(code, digits, model, response);
    }

    private String show(String code, @Nullable String digits, Model model, HttpServletResponse response) {
        String typed = code.strip();
        model.addAttribute("code", typed.length() > 60 ? typed.substring(0, 60) : typed);
        boolean digitsGiven = digits != null && !digits.isBlank();
        if (digitsGiven && !digits.strip().matches("\\d{4}")) {
            model.addAttribute("digitsProblem", true);
        }
        var found = lookup.find(typed, digitsGiven ? digits : null);
        if (found.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("notFound", true);
            return "dossier/lookup";
        }
        var d = found.get();
        model.addAttribute("d", d);
        model.addAttribute("digitsWrong", digitsGiven && !d.applicantVerified() && !d.proofBlocked() && !model.containsAttribute("digitsProblem"));
        model.addAttribute("proofBlocked", d.proofBlocked());
        model.addAttribute("received", d.receivedAt() == null ? null : DossierWords.dateTime(d.receivedAt()));
        model.addAttribute("submitted", d.submittedAt() == null ? null : DossierWords.dateTime(d.submittedAt()));
        model.addAttribute("views", new DeskPages.DossierViews());
        return "dossier/lookup-result";
    }
}
