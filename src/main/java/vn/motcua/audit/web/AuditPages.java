package vn.motcua.audit.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import vn.motcua.audit.AuditLog;
import vn.motcua.audit.AuditQuery;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The audit trail for administrators and oversight, in officials' words ({@link AuditWording}), filtered by person,
 * action, words and days, 50 records a page from the newest (keyset paging), with buttons that check it.
 */
@Controller
class AuditPages {

    static final int PAGE_SIZE = 50;

    private final AuditLog log;
    private final AuditWording wording;

    AuditPages(AuditLog log, AuditWording wording) {
        this.log = log;
        this.wording = wording;
    }

    @GetMapping("/admin/audit")
    String page(@RequestParam(defaultValue = "") String verify, @RequestParam(defaultValue = "") String actor,
                @RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String q,
                @RequestParam(name = "from", defaultValue = "") String fromText, @RequestParam(name = "to", defaultValue = "") String toText,
                @RequestParam(required = false) @Nullable String before, Locale locale, Model model) {
        LocalDate from = day(fromText, "fromError", model);
        LocalDate to = day(toText, "toError", model);
        var slice = log.search(new AuditQuery(actor, action, q, from, to, before, PAGE_SIZE));
        model.addAttribute("entries", slice.entries().stream().map(e -> wording.show(e, locale)).toList());
        var filters = new LinkedHashMap<String, String>();
        filters.put("actor", actor);
        filters.put("action", action);
        filters.put("q", q);
        filters.put("from", from == null ? fromText : from.format(vn.motcua.platform.web.VietnameseDates.SHOWN));
        filters.put("to", to == null ? toText : to.format(vn.motcua.platform.web.VietnameseDates.SHOWN));
        model.addAttribute("filters", filters);
        model.addAttribute("actions", AuditWording.ACTIONS.stream().collect(java.util.stream.Collectors.toMap(a -> a,
                a -> wording.action(a, locale), (a, b) -> a, LinkedHashMap::new)));
        model.addAttribute("paged", before != null);
        model.addAttribute("newestLink", link(filters, null));
        model.addAttribute("nextLink", slice.next() == null ? null : link(filters, slice.next()));
        if (!verify.isBlank()) {
            model.addAttribute("verification", log.verify("full".equals(verify)));
        }
        return "audit/log";
    }

    /** A day typed in a filter, or null (and the field's message) when it is not a date. */
    private static @Nullable LocalDate day(String text, String error, Model model) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return vn.motcua.platform.web.VietnameseDates.read(text);
        } catch (java.text.ParseException wrong) {
            model.addAttribute(error, true);
            return null;
        }
    }

    private static String link(Map<String, String> filters, @Nullable String before) {
        var uri = UriComponentsBuilder.fromPath("/admin/audit");
        filters.forEach((k, v) -> {
            if (!v.isBlank()) {
                uri.queryParam(k, v);
            }
        });
        if (before != null) {
            uri.queryParam("before", before);
        }
        return uri.encode().build().toUriString();
    }
}
