package vn.motcua.catalog.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.catalog.CatalogImports;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.ProcedureCatalog;
import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.catalog.ProcedureSearch;
import vn.motcua.platform.DomainProblem;
import vn.motcua.platform.QrCodes;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The catalog as citizens and desks see it: search as you type (htmx; a plain form without JavaScript), a
 * printable page per procedure with its QR code, A4 sheets of QR codes by field for the desk, and statistics.
 * Catalog officers import exports from the admin page.
 */
@Controller
class CatalogPages {

    private static final int PAGE = 20;

    private final ProcedureCatalog catalog;
    private final CatalogImports imports;
    private final vn.motcua.catalog.InternalProcesses processes;
    private final vn.motcua.catalog.PublishingDecisions decisions;
    private final Clock clock;

    private final vn.motcua.platform.web.UploadLimits limits;
    /** The national portal's page of a procedure by its code; README of shared/data/tthc documents only pages by id, so this is a setting. */
    @org.springframework.beans.factory.annotation.Value("${motcua.catalog.national-page-url:https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc={code}}")
    private String nationalPageUrl = "";
    private final vn.motcua.platform.web.PublicAddress publicAddress;

    CatalogPages(ProcedureCatalog catalog, CatalogImports imports, vn.motcua.catalog.InternalProcesses processes,
                 vn.motcua.catalog.PublishingDecisions decisions, Clock clock, vn.motcua.platform.web.UploadLimits limits,
                 vn.motcua.platform.web.PublicAddress publicAddress) {
        this.publicAddress = publicAddress;
        this.limits = limits;
        this.processes = processes;
        this.decisions = decisions;
        this.catalog = catalog;
        this.imports = imports;
        this.clock = clock;
    }

    @GetMapping("/public/procedures")
    String search(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String field,
                  @RequestParam(required = false) @Nullable ProcedureLevel level, @RequestParam(required = false) @Nullable OnlineLevel online,
                  @RequestParam(required = false) vn.motcua.catalog.@Nullable ProcedureScope scope,
                  @RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
        var result = catalog.search(new ProcedureSearch(q, blankToNull(field), level, null, online, PAGE, Math.clamp(page, 0, 1_000) * PAGE,
                scope));
        model.addAttribute("scope", scope == null ? vn.motcua.catalog.ProcedureScope.LOCAL_FIRST : scope);
        model.addAttribute("scopes", vn.motcua.catalog.ProcedureScope.values());
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("field", field == null ? "" : field);
        model.addAttribute("level", level);
        model.addAttribute("online", online);
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("pages", (result.total() + PAGE - 1) / PAGE);
        model.addAttribute("result", result);
        model.addAttribute("levels", ProcedureLevel.values());
        model.addAttribute("onlineLevels", OnlineLevel.values());
        if (request.getHeader("HX-Request") != null) {
            return "catalog/search :: results";
        }
        model.addAttribute("fields", catalog.fields());
        return "catalog/search";
    }

    @GetMapping("/public/procedures/{code}")
    String procedure(@PathVariable String code, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate on,
                     Model model) {
        var shown = catalog.page(code, on != null ? on : today());
        var version = shown.version();
        model.addAttribute("version", version);
        model.addAttribute("standing", shown.standing().name());
        model.addAttribute("p", version.record());
        model.addAttribute("qr", QrCodes.svg(pageUrl(version.code())));
        model.addAttribute("history", shown.history());
        model.addAttribute("process", shown.standing() != vn.motcua.catalog.ProcedurePage.Standing.IN_FORCE ? null
                : processes.inForce(version.code(), null, on != null ? on : today()).orElse(null));
        model.addAttribute("today", on != null ? on : today());
        model.addAttribute("nationalPage", nationalPageUrl.replace("{code}", version.code()));
        return "catalog/procedure";
    }

    @GetMapping("/public/procedures/qr-sheet")
    String qrSheet(@RequestParam String field, Model model) {
        var items = catalog.search(new ProcedureSearch(null, field, null, null, null, 200, 0)).items();
        model.addAttribute("field", field);
        model.addAttribute("cards", items.stream().map(h -> new QrCard(h.code(), h.name(), QrCodes.svg(pageUrl(h.code())))).toList());
        return "catalog/qr-sheet";
    }

    record QrCard(String code, String name, String svg) {
    }

    @GetMapping("/public/statistics")
    String statistics(@RequestParam(required = false) @Nullable LocalDate from, @RequestParam(required = false) @Nullable LocalDate to,
                      Model model) {
        LocalDate end = to != null ? to : today();
        LocalDate start = from != null ? from : end.withDayOfYear(1);
        model.addAttribute("stats", catalog.statistics(today(), start, end));
        return "catalog/statistics";
    }

    @GetMapping("/admin/catalog/decisions")
    String decisions(@org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable String q,
                     @org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable String status,
                     @org.springframework.web.bind.annotation.RequestParam(defaultValue = "1") int page, Model model) {
        Boolean applied = "applied".equals(status) ? Boolean.TRUE : "draft".equals(status) ? Boolean.FALSE : null;
        int size = vn.motcua.platform.web.Paged.DEFAULT_SIZE;
        long total = decisions.count(q, applied);
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int number = Math.clamp(page, 1, pages);
        var rows = decisions.page(q, applied, size, (number - 1) * size);
        var filters = new java.util.LinkedHashMap<String, String>();
        filters.put("q", q == null ? "" : q);
        filters.put("status", applied == null ? "" : status);
        model.addAttribute("decisions", new vn.motcua.platform.web.Paged<>(rows, number, size, total, "/admin/catalog/decisions", filters));
        model.addAttribute("q", q);
        model.addAttribute("status", applied == null ? "" : status);
        return "catalog/decisions";
    }

    @org.springframework.web.bind.annotation.ModelAttribute("uploadLimits")
    String uploadLimits() {
        return vn.motcua.platform.web.UploadLimits.human(limits.catalogFile()) + " / "
                + vn.motcua.platform.web.UploadLimits.human(limits.catalogExpanded());
    }

    @GetMapping("/admin/catalog/import")
    String importForm() {
        return "catalog/import";
    }

    @PostMapping("/admin/catalog/import")
    String importFile(@RequestParam("file") MultipartFile file, Model model) throws IOException {
        if (file.isEmpty()) {
            model.addAttribute("fileError", true);
            return "catalog/import";
        }
        try {
            // nothing is imported yet: the officer sees what would change and confirms (or cancels) that
            model.addAttribute("preview", imports.stage(file.getOriginalFilename() == null ? "tệp" : file.getOriginalFilename(), file.getBytes()));
        } catch (DomainProblem problem) {
            model.addAttribute("problem", problem.getMessage());
            model.addAttribute("problemRows", problem.invalidParams());
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        return "catalog/import";
    }

    /** The confirmation of an import's preview: imports exactly the staged file as previewed, or nothing. */
    @PostMapping("/admin/catalog/import/confirmation")
    String confirmImport(@RequestParam java.util.UUID stagedId, @RequestParam String fileDigest, @RequestParam String digest,
                         @RequestParam(required = false) @Nullable String fileName, Model model) {
        try {
            model.addAttribute("report", imports.confirm(stagedId, fileDigest, digest));
        } catch (DomainProblem problem) {
            model.addAttribute("problem", problem.getMessage());
        }
        model.addAttribute("fileName", fileName);
        return "catalog/import";
    }

    @PostMapping("/admin/catalog/import/cancellation")
    String cancelImport(@RequestParam java.util.UUID stagedId, org.springframework.web.servlet.mvc.support.RedirectAttributes flash) {
        imports.cancel(stagedId);
        flash.addFlashAttribute("cancelled", true);
        return "redirect:/admin/catalog/import";
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private String pageUrl(String code) {
        return publicAddress.of("/public/procedures/{code}", code);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
