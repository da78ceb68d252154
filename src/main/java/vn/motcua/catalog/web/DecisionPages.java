package vn.motcua.catalog.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.catalog.Decision;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.catalog.ProcedureRecord;
import vn.motcua.catalog.PublishingDecisions;
import vn.motcua.platform.DomainProblem;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Drafting a publishing decision on a page: its number, date, issuer and effective date, then items to publish,
 * amend, replace or abolish; a preview of what applying it will change; and the confirmation, which applies exactly
 * what the preview showed (its digest) or nothing.
 */
@Controller
class DecisionPages {

    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private final PublishingDecisions decisions;

    DecisionPages(PublishingDecisions decisions) {
        this.decisions = decisions;
    }

    @GetMapping("/admin/catalog/decisions/new")
    String newDecision(Model model) {
        model.addAttribute("header", Map.of());
        model.addAttribute("errors", Map.of());
        return "catalog/decision-new";
    }

    @PostMapping("/admin/catalog/decisions")
    String start(@RequestParam Map<String, String> form, Model model) {
        var errors = new LinkedHashMap<String, String>();
        LocalDate decidedOn = date(form, "decidedOn", errors);
        LocalDate effective = date(form, "effectiveDate", errors);
        try {
            if (errors.isEmpty()) {
                var d = decisions.start(form.getOrDefault("number", ""), decidedOn, form.getOrDefault("issuer", ""), effective);
                return "redirect:/admin/catalog/decisions/" + d.id();
            }
        } catch (DomainProblem problem) {
            problem.invalidParams().forEach(p -> errors.putIfAbsent(p.name(), p.reason()));
        }
        model.addAttribute("header", form);
        model.addAttribute("errors", errors);
        return "catalog/decision-new";
    }

    @GetMapping("/admin/catalog/decisions/{id}")
    String draft(@PathVariable UUID id, @RequestParam(required = false) @Nullable String code,
                 @RequestParam(required = false) Decision.@Nullable Change change, Model model) {
        var decision = decisions.get(id);
        model.addAttribute("decision", decision);
        model.addAttribute("changes", Decision.Change.values());
        model.addAttribute("levels", List.of(ProcedureLevel.PROVINCE, ProcedureLevel.COMMUNE, ProcedureLevel.MINISTRY));
        model.addAttribute("onlineLevels", OnlineLevel.values());
        model.addAttribute("units", DurationUnit.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("header")) {
            model.addAttribute("header", Map.of("number", nullToEmpty(decision.number()), "issuer", nullToEmpty(decision.issuer()),
                    "decidedOn", decision.decidedOn() == null ? "" : VIETNAMESE_DATE.format(decision.decidedOn()),
                    "effectiveDate", VIETNAMESE_DATE.format(decision.effectiveDate())));
        }
        // the item form: empty, or loaded with the draft's item or the version in force of the code asked for
        String itemCode = code == null ? "" : code.strip();
        Decision.Change itemChange = change != null ? change : Decision.Change.NEW;
        DecisionItemForm itemForm = DecisionItemForm.empty();
        String loadProblem = null;
        if (!itemCode.isEmpty()) {
            var drafted = decision.items().stream().filter(i -> i.code().equals(itemCode) && i.record() != null).findFirst();
            ProcedureRecord current = decisions.current(itemCode);
            if (drafted.isPresent()) {
                itemForm = DecisionItemForm.of(drafted.get().record());
            } else if (current != null) {
                itemForm = DecisionItemForm.of(current);
            } else if (itemChange != Decision.Change.NEW) {
                loadProblem = "Thủ tục " + itemCode + " không có phiên bản đang áp dụng.";
            }
        }
        if (!model.containsAttribute("item")) {
            model.addAttribute("item", itemForm);
        }
        model.addAttribute("itemCode", itemCode);
        model.addAttribute("itemChange", itemChange);
        model.addAttribute("loadProblem", loadProblem);
        return "catalog/decision";
    }

    @PostMapping("/admin/catalog/decisions/{id}/header")
    String editHeader(@PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        var errors = new LinkedHashMap<String, String>();
        LocalDate decidedOn = date(form, "decidedOn", errors);
        LocalDate effective = date(form, "effectiveDate", errors);
        try {
            if (errors.isEmpty()) {
                decisions.editHeader(id, form.getOrDefault("number", ""), decidedOn, form.getOrDefault("issuer", ""), effective);
                flash.addFlashAttribute("saved", true);
                return "redirect:/admin/catalog/decisions/" + id;
            }
        } catch (DomainProblem problem) {
            problem.invalidParams().forEach(p -> errors.putIfAbsent(p.name(), p.reason()));
            if (problem.invalidParams().isEmpty()) {
                errors.put("number", problem.getMessage());
            }
        }
        flash.addFlashAttribute("errors", errors);
        flash.addFlashAttribute("header", form);
        return "redirect:/admin/catalog/decisions/" + id;
    }

    @PostMapping("/admin/catalog/decisions/{id}/items")
    String putItem(@PathVariable UUID id, @RequestParam Map<String, String> form,
                   @RequestParam(name = "levels", required = false) @Nullable List<ProcedureLevel> levels, RedirectAttributes flash) {
        var errors = new LinkedHashMap<String, String>();
        String code = form.getOrDefault("code", "").strip();
        Decision.Change change;
        try {
            change = Decision.Change.valueOf(form.getOrDefault("change", "NEW"));
        } catch (IllegalArgumentException e) {
            change = Decision.Change.NEW;
            errors.put("change", "chọn công bố mới, sửa đổi, thay thế hoặc bãi bỏ");
        }
        var item = new DecisionItemForm(form.getOrDefault("name", ""), form.getOrDefault("field", ""), levels == null ? List.of() : levels,
                enumOr(OnlineLevel.class, form.get("onlineLevel"), OnlineLevel.NONE), form.getOrDefault("applicants", ""),
                form.getOrDefault("implementingAgency", ""), form.getOrDefault("steps", ""), integer(form, "timeAmount", errors),
                enumOr(DurationUnit.class, form.get("timeUnit"), null), form.getOrDefault("documents", ""), form.getOrDefault("results", ""),
                form.getOrDefault("legalBasis", ""), form.getOrDefault("conditions", ""));
        boolean needsRecord = change == Decision.Change.NEW || change == Decision.Change.AMENDED;
        if (needsRecord && item.name().isBlank()) {
            errors.put("name", "cần tên thủ tục");
        }
        if (needsRecord && item.levels().isEmpty()) {
            errors.put("levels", "chọn ít nhất một cấp thực hiện");
        }
        String replacedBy = form.getOrDefault("replacedBy", "").strip();
        try {
            if (errors.isEmpty()) {
                ProcedureRecord base = null;
                if (needsRecord) {
                    var decision = decisions.get(id);
                    base = decision.items().stream().filter(i -> i.code().equals(code) && i.record() != null).map(Decision.Item::record)
                            .findFirst().orElse(decisions.current(code));
                }
                decisions.putItem(id, new Decision.Item(code, change, needsRecord ? item.toRecord(code, base) : null,
                        change == Decision.Change.REPLACED ? replacedBy : null));
                flash.addFlashAttribute("itemSaved", code);
                return "redirect:/admin/catalog/decisions/" + id;
            }
        } catch (DomainProblem problem) {
            problem.invalidParams().forEach(p -> errors.putIfAbsent(p.name(), p.reason()));
            if (problem.invalidParams().isEmpty()) {
                errors.put("code", problem.getMessage());
            }
        }
        flash.addFlashAttribute("errors", errors);
        flash.addFlashAttribute("item", item);
        return "redirect:/admin/catalog/decisions/" + id + "?code=" + java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8)
                + "&change=" + change;
    }

    @PostMapping("/admin/catalog/decisions/{id}/items/{code}/removal")
    String removeItem(@PathVariable UUID id, @PathVariable String code, RedirectAttributes flash) {
        try {
            decisions.removeItem(id, code);
        } catch (DomainProblem problem) {
            flash.addFlashAttribute("problem", problem.getMessage());
        }
        return "redirect:/admin/catalog/decisions/" + id;
    }

    @GetMapping("/admin/catalog/decisions/{id}/preview")
    String preview(@PathVariable UUID id, Model model) {
        model.addAttribute("preview", decisions.preview(id));
        return "catalog/decision-preview";
    }

    /** The confirmation of a preview: applies exactly what it showed, or nothing. */
    @PostMapping("/admin/catalog/decisions/{id}/application")
    String apply(@PathVariable UUID id, @RequestParam(required = false) @Nullable String digest, RedirectAttributes flash, Model model) {
        if (digest == null || digest.isBlank()) {
            return "redirect:/admin/catalog/decisions/" + id + "/preview";
        }
        try {
            var applied = decisions.apply(id, digest);
            flash.addFlashAttribute("applied", applied.label());
            return "redirect:/admin/catalog/decisions";
        } catch (DomainProblem problem) {
            model.addAttribute("preview", decisions.preview(id));
            model.addAttribute("problem", problem.getMessage());
            model.addAttribute("problemItems", problem.invalidParams());
            return "catalog/decision-preview";
        }
    }

    private static @Nullable LocalDate date(Map<String, String> form, String field, Map<String, String> errors) {
        String raw = form.getOrDefault(field, "").strip();
        if (raw.isEmpty()) {
            return null;
        }
        try {
            return raw.contains("/") ? LocalDate.parse(raw, VIETNAMESE_DATE) : LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            errors.put(field, "'" + raw + "' không phải ngày: ghi dd/MM/yyyy, ví dụ 15/07/2026");
            return null;
        }
    }

    private static @Nullable Integer integer(Map<String, String> form, String field, Map<String, String> errors) {
        String raw = form.getOrDefault(field, "").strip();
        if (raw.isEmpty()) {
            return null;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value < 0 || value > 10_000) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            errors.put(field, "'" + raw + "' không phải số từ 0 đến 10000");
            return null;
        }
    }

    private static <E extends Enum<E>> @Nullable E enumOr(Class<E> type, @Nullable String raw, @Nullable E fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, raw);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private static String nullToEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
