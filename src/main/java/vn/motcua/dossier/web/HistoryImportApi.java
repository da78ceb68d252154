package vn.motcua.dossier.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.dossier.HistoryImports;
import vn.motcua.platform.CurrentUser;
import vn.motcua.platform.web.ApiController;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Historical import of dossiers with their histories (JSON lines, one dossier a line, in the national portal's field
 * names: docs/history-import.md). ADMIN only: it writes dossiers of every agency of the province.
 */
@ApiController("/api/v1/dossiers/history-imports")
@Tag(name = "Hồ sơ (dossiers)")
@PreAuthorize("hasRole('ADMIN')")
class HistoryImportApi {

    private final HistoryImports imports;

    HistoryImportApi(HistoryImports imports) {
        this.imports = imports;
    }

    /** An import with its refused lines (the first 1,000). */
    record JobReport(HistoryImports.Job job, List<HistoryImports.Reject> rejects) {
    }

    @PostMapping
    @Operation(summary = "Import dossiers with their histories: 202 with the job (poll it), or with wait=true 200 once done")
    ResponseEntity<JobReport> start(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean wait,
                                    @RequestParam(required = false) @Nullable String fileName) throws IOException {
        var job = imports.start(fileName == null ? "" : fileName.strip(), request.getInputStream(), CurrentUser.name(), wait);
        var report = new JobReport(job, wait ? imports.rejects(job.id(), 1_000) : List.of());
        return ResponseEntity.status(wait ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .location(URI.create("/api/v1/dossiers/history-imports/" + job.id())).body(report);
    }

    @GetMapping("/{id}")
    @Operation(summary = "An import: counts done, imported, already imported and refused, and the refused lines")
    JobReport job(@PathVariable UUID id) {
        var job = imports.job(id).orElseThrow(() -> new DossierApiProblem("history-import.not-found", HttpStatus.NOT_FOUND,
                "Không có lần nhập " + id + "."));
        return new JobReport(job, imports.rejects(id, 1_000));
    }

    @GetMapping
    @Operation(summary = "The latest imports, newest first")
    List<HistoryImports.Job> recent() {
        return imports.recent(20);
    }
}
