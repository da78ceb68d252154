package vn.motcua.organization.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.organization.AgencyDirectory;
import vn.motcua.organization.AgencyDraft;
import vn.motcua.organization.AgencyType;
import vn.motcua.organization.AgencyView;
import vn.motcua.organization.ImportReport;
import vn.motcua.organization.StaffDirectory;
import vn.motcua.organization.StaffView;
import vn.motcua.platform.web.ApiController;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Agencies of the province: a public directory to read, administrators to change. */
@ApiController("/api/v1/agencies")
@Tag(name = "Cơ quan (agencies)")
class AgencyApi {

    private final AgencyDirectory agencies;
    private final StaffDirectory staff;

    AgencyApi(AgencyDirectory agencies, StaffDirectory staff) {
        this.agencies = agencies;
        this.staff = staff;
    }

    /** The JSON shape of an agency; {@code parent} is the parent agency's {@code id}. */
    record AgencyJson(UUID id, String electronicId, String name, AgencyType type, @Nullable UUID parent,
                      LocalDate validFrom, @Nullable LocalDate validTo) {

        static AgencyJson of(AgencyView a) {
            return new AgencyJson(a.id(), a.electronicId(), a.name(), a.type(), a.parentId(), a.validFrom(), a.validTo());
        }
    }

    @GetMapping
    @Operation(summary = "Every agency of the province, current and closed")
    List<AgencyJson> list() {
        return agencies.all().stream().map(AgencyJson::of).toList();
    }

    @GetMapping("/{id}")
    ResponseEntity<AgencyView> get(@PathVariable UUID id) {
        var agency = agencies.get(id);
        return ResponseEntity.ok().eTag("\"" + agency.version() + "\"").body(agency);
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<AgencyJson> create(@Valid @RequestBody AgencyDraft draft) {
        return ResponseEntity.status(HttpStatus.CREATED).body(AgencyJson.of(agencies.create(draft)));
    }

    /** Revises an agency; send the version you read in {@code If-Match} (ETag) so concurrent edits fail cleanly. */
    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    AgencyJson update(@PathVariable UUID id, @Valid @RequestBody AgencyDraft draft, @RequestHeader("If-Match") String ifMatch) {
        return AgencyJson.of(agencies.update(id, draft, Versions.parse(ifMatch)));
    }

    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<?> importFile(@RequestPart("file") MultipartFile file) throws IOException {
        return reportStatus(agencies.importCsv(vn.motcua.platform.web.CsvBody.read(file.getBytes(),
                file.getContentType() == null ? null : MediaType.parseMediaType(file.getContentType()))));
    }

    @PostMapping(path = "/imports", consumes = "text/csv")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<?> importCsv(@RequestBody byte[] csv, @RequestHeader(org.springframework.http.HttpHeaders.CONTENT_TYPE) MediaType type)
            throws IOException {
        return reportStatus(agencies.importCsv(vn.motcua.platform.web.CsvBody.read(csv, type)));
    }

    /** Staff of an agency: only within the caller's scope (403 otherwise). */
    @GetMapping("/{id}/staff")
    List<StaffView> staff(@PathVariable UUID id, Authentication user) {
        var scope = staff.scopeOf(user.getName());
        Scopes.require(scope, id);
        return staff.ofAgency(id, scope);
    }

    @GetMapping("/{id}/units")
    List<vn.motcua.organization.UnitView> units(@PathVariable UUID id, Authentication user) {
        Scopes.require(staff.scopeOf(user.getName()), id);
        return agencies.units(id);
    }

    /** An applied import answers its report; a refused one a problem detail that carries the same report fields. */
    private static ResponseEntity<?> reportStatus(ImportReport report) {
        if (report.applied()) {
            return ResponseEntity.ok(report);
        }
        var problem = vn.motcua.platform.web.Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "organization.import-rejected",
                "Tệp có " + report.rejected().size() + " dòng lỗi; không dòng nào được nhập. Sửa các dòng được nêu rồi nhập lại cả tệp.");
        problem.setProperty("created", report.created());
        problem.setProperty("updated", report.updated());
        problem.setProperty("unchanged", report.unchanged());
        problem.setProperty("rejected", report.rejected());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
