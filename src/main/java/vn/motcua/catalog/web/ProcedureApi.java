package vn.motcua.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.catalog.CatalogImportReport;
import vn.motcua.catalog.CatalogImports;
import vn.motcua.catalog.Decision;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.ProcedureCatalog;
import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.catalog.ProcedureSearch;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.catalog.PublishingDecisions;
import vn.motcua.platform.QrCodes;
import vn.motcua.platform.web.ApiController;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The procedure catalog: public search and records, QR codes; imports and decisions for catalog officers. */
@ApiController("/api/v1")
@Tag(name = "Thủ tục hành chính (procedures)")
class ProcedureApi {

    private final ProcedureCatalog catalog;
    private final CatalogImports imports;
    private final PublishingDecisions decisions;
    private final vn.motcua.catalog.InternalProcesses processes;
    private final Clock clock;

    private final vn.motcua.organization.AgencyDirectory agencies;
    private final vn.motcua.platform.web.PublicAddress publicAddress;
    private final vn.motcua.organization.StaffDirectory staff;

    ProcedureApi(ProcedureCatalog catalog, CatalogImports imports, PublishingDecisions decisions,
                 vn.motcua.catalog.InternalProcesses processes, Clock clock, vn.motcua.organization.AgencyDirectory agencies,
                 vn.motcua.organization.StaffDirectory staff, vn.motcua.platform.web.PublicAddress publicAddress) {
        this.publicAddress = publicAddress;
        this.agencies = agencies;
        this.staff = staff;
        this.processes = processes;
        this.catalog = catalog;
        this.imports = imports;
        this.decisions = decisions;
        this.clock = clock;
    }

    record Item(String code, @Nullable String localCode, String name, String highlightedName, String field, @Nullable ProcedureLevel level,
                List<ProcedureLevel> levels, OnlineLevel onlineLevel, float score) {
    }

    record Page(long total, List<Item> items) {
    }

    record DecisionJson(@NotBlank String number, @NotNull LocalDate decidedOn, @NotBlank String issuer, @NotNull LocalDate effectiveDate,
                        @NotEmpty List<@NotNull @Valid ItemJson> items) {
    }

    record ItemJson(@NotBlank String code, @NotNull Decision.Change change, vn.motcua.catalog.@Nullable ProcedureRecord record,
                    @Nullable String replacedBy) {
        Decision.Item item() {
            return new Decision.Item(code, change, record, replacedBy);
        }
    }

    @GetMapping("/procedures")
    @Operation(summary = "Search procedures in force: words with or without diacritics, abbreviations (CCCD, GPXD…), everyday words, "
            + "sentences, Telex typed with the input method off, a code; best first. scope: LOCAL_FIRST (default: the province's and "
            + "communes' procedures before ministry-level ones), LOCAL (those only), ALL (ranked by the words alone)")
    Page search(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String field,
                @RequestParam(required = false) @Nullable ProcedureLevel level, @RequestParam(required = false)
                @io.swagger.v3.oas.annotations.Parameter(description = "words of the implementing or competent agency's name as the "
                        + "catalog states it (\"tư pháp\", \"ủy ban nhân dân cấp xã\"), not an electronic ID: the national "
                        + "catalog names agencies by kind, not by code") @Nullable String agency,
                @RequestParam(required = false) @Nullable OnlineLevel online, @RequestParam(defaultValue = "20") int limit,
                @RequestParam(defaultValue = "0") int offset,
                @RequestParam(defaultValue = "LOCAL_FIRST") vn.motcua.catalog.ProcedureScope scope) {
        var result = catalog.search(new ProcedureSearch(q, field, level, agency, online, limit, offset, scope));
        return new Page(result.total(), result.items().stream().map(h -> new Item(h.code(), h.localCode(), h.name(), h.highlightedName(),
                h.field(), h.levels().isEmpty() ? null : h.levels().getFirst(), h.levels(), h.onlineLevel(), h.score())).toList());
    }

    @GetMapping("/procedures/{code}")
    @Operation(summary = "The full record of the version in force (today, or on the date given)")
    ProcedureVersion get(@PathVariable String code, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate on) {
        return catalog.inForce(code, on != null ? on : LocalDate.now(clock));
    }

    @GetMapping("/procedures/{code}/history")
    List<ProcedureVersion> history(@PathVariable String code) {
        return catalog.history(code);
    }

    @GetMapping("/procedures/{code}/qr")
    @Operation(summary = "QR code of the procedure's public page: PNG, or SVG with format=svg")
    ResponseEntity<?> qr(@PathVariable String code, @RequestParam(defaultValue = "png") String format) {
        var version = catalog.inForce(code, LocalDate.now(clock));
        String url = publicAddress.of("/public/procedures/{code}", version.code());
        if ("svg".equalsIgnoreCase(format)) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("image/svg+xml")).body(QrCodes.svg(url));
        }
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(QrCodes.png(url, 300));
    }

    /**
     * An internal process to approve: the agency by its id ({@code agencyId}) or by the electronic ID it holds at the time
     * of the request ({@code agencyElectronicId}); both null for the province-wide process. Stored by agency id.
     */
    record ProcessJson(@Nullable UUID agencyId, @Nullable String agencyElectronicId, @NotBlank String decisionNumber,
                       @NotNull LocalDate decisionDate, @NotNull LocalDate validFrom, @NotEmpty List<@NotNull @Valid StepJson> steps) {
    }

    record StepJson(@NotBlank String name, @NotBlank String role, @Nullable String unit, @Min(0) @Max(100_000) int duration,
                    @NotNull vn.motcua.calendar.DurationUnit timeUnit, @Nullable String form, boolean maySupplement,
                    boolean mayProposeRefusal, @Nullable String parallelGroup) {
        vn.motcua.catalog.ProcessStep step() {
            return new vn.motcua.catalog.ProcessStep(name, role, unit, duration, timeUnit, form, maySupplement, mayProposeRefusal, parallelGroup);
        }
    }

    @GetMapping("/procedures/{code}/process")
    @Operation(summary = "The internal process an agency (its id, or the electronic ID it holds now) follows for the procedure on a day "
            + "(its own, else the province-wide one)")
    vn.motcua.catalog.InternalProcess process(@PathVariable String code, @RequestParam(required = false) @Nullable String agency,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate on) {
        return processes.inForce(code, agency == null ? null : processes.agencyIdOf(agency), on != null ? on : LocalDate.now(clock))
                .orElseThrow(() -> vn.motcua.catalog.CatalogProblem.noInternalProcess(code));
    }

    @PostMapping("/procedures/{code}/processes")
    @PreAuthorize("hasAnyRole('CATALOG_OFFICER', 'ADMIN')")
    @Operation(summary = "Approve a new version of the internal process; refused when its steps take longer than the legal time")
    ResponseEntity<vn.motcua.catalog.InternalProcess> approve(@PathVariable String code, @Valid @RequestBody ProcessJson process,
                                                              org.springframework.security.core.Authentication user) {
        UUID agency = process.agencyId() != null ? processes.agencyIdOf(process.agencyId().toString())
                : process.agencyElectronicId() == null || process.agencyElectronicId().isBlank() ? null
                : processes.agencyIdOf(process.agencyElectronicId());
        // an agency's own process: only an officer whose roles reach that agency (a province-wide one: any catalog officer)
        if (agency != null && !staff.scopeOf(user.getName()).covers(agency)) {
            throw new org.springframework.security.access.AccessDeniedException("agency outside the officer's scope");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(processes.approve(code, agency, process.decisionNumber(),
                process.decisionDate(), process.validFrom(), process.steps().stream().map(StepJson::step).toList()));
    }

    @PostMapping(path = "/procedures/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('CATALOG_OFFICER', 'ADMIN')")
    @Operation(summary = "Import a national export (.jsonl or .jsonl.gz) or a provincial CSV list; idempotent, with a per-row report. "
            + "dryRun=true answers what it would do (with its digest) and changes nothing; digest=… imports only if the plan still "
            + "has that digest (409 catalog.preview-outdated otherwise)")
    Object importFile(@RequestPart("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean dryRun,
                      @RequestParam(required = false) @Nullable String digest) throws IOException {
        String name = file.getOriginalFilename() == null ? "tệp" : file.getOriginalFilename();
        if (dryRun) {
            return imports.preview(name, file.getBytes());
        }
        if (digest != null && !digest.isBlank()) {
            return imports.importFile(name, file.getBytes(), digest);
        }
        return imports.importFile(name, file.getInputStream());
    }

    @PostMapping("/decisions")
    @PreAuthorize("hasAnyRole('CATALOG_OFFICER', 'ADMIN')")
    ResponseEntity<Decision> draft(@Valid @RequestBody DecisionJson decision) {
        return ResponseEntity.status(HttpStatus.CREATED).body(decisions.draft(decision.number(), decision.decidedOn(), decision.issuer(),
                decision.effectiveDate(), decision.items().stream().map(ItemJson::item).toList()));
    }

    @GetMapping("/decisions/{id}")
    @PreAuthorize("hasAnyRole('CATALOG_OFFICER', 'ADMIN', 'OVERSIGHT_VIEWER')")
    Decision decision(@PathVariable UUID id) {
        return decisions.get(id);
    }

    @PostMapping("/decisions/{id}/application")
    @PreAuthorize("hasAnyRole('CATALOG_OFFICER', 'ADMIN')")
    @Operation(summary = "Apply a drafted decision: creates and closes versions from its effective date. With digest=… (from the "
            + "preview) it applies only if nothing changed since (409 catalog.preview-outdated otherwise); a decision already applied is 409")
    Decision apply(@PathVariable UUID id, @RequestParam(required = false) @Nullable String digest) {
        return decisions.apply(id, digest == null || digest.isBlank() ? null : digest);
    }

    @GetMapping("/decisions/{id}/preview")
    @PreAuthorize("hasAnyRole('CATALOG_OFFICER', 'ADMIN', 'OVERSIGHT_VIEWER')")
    @Operation(summary = "What applying the decision now would do (a dry run): per item the version it closes and the components it "
            + "changes, what stands in its way, and the digest to pass when applying")
    vn.motcua.catalog.DecisionPreview preview(@PathVariable UUID id) {
        return decisions.preview(id);
    }
}
