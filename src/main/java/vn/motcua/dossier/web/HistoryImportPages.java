package vn.motcua.dossier.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.dossier.HistoryImports;
import vn.motcua.platform.CurrentUser;
import vn.motcua.platform.DomainProblem;

import java.io.IOException;
import java.util.UUID;

/**
 * The administrator's page of historical imports: upload a JSON-lines file, then watch its job (counts polled with
 * htmx every two seconds while it runs; without JavaScript the page has a refresh link) and read the refused lines.
 */
@Controller
@RequestMapping("/admin/history-imports")
class HistoryImportPages {

    private final HistoryImports imports;

    HistoryImportPages(HistoryImports imports) {
        this.imports = imports;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("jobs", imports.recent(20));
        model.addAttribute("limits", imports.limits());
        return "dossier/history-imports";
    }

    @PostMapping
    String upload(@RequestParam(value = "file", required = false) MultipartFile file, Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", "historyImport.noFile");
            return list(model);
        }
        try (var in = file.getInputStream()) {
            var job = imports.start(file.getOriginalFilename() == null ? "" : file.getOriginalFilename(), in, CurrentUser.name(), false);
            return "redirect:/admin/history-imports/" + job.id();
        } catch (DomainProblem problem) {
            model.addAttribute("problem", problem.getMessage());
            return list(model);
        }
    }

    @GetMapping("/{id}")
    String job(@PathVariable UUID id, Model model) {
        fill(id, model);
        model.addAttribute("rejects", imports.rejects(id, 1_000));
        return "dossier/history-import";
    }

    /** The counts alone, for htmx to swap in while the import runs. */
    @GetMapping("/{id}/progress")
    String progress(@PathVariable UUID id, Model model) {
        fill(id, model);
        return "dossier/history-import :: progress";
    }

    private void fill(UUID id, Model model) {
        model.addAttribute("job", imports.job(id).orElseThrow(() -> new DossierApiProblem("history-import.not-found", HttpStatus.NOT_FOUND,
                "Không có lần nhập " + id + ".")));
    }
}
