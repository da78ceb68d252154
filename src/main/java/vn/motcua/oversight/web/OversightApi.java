package vn.motcua.oversight.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.oversight.CentreView;
import vn.motcua.oversight.DossierList;
import vn.motcua.oversight.HandlingFigures;
import vn.motcua.oversight.ProvinceTargets;
import vn.motcua.oversight.IndexReport;
import vn.motcua.oversight.Oversight;
import vn.motcua.oversight.OversightProblem;
import vn.motcua.oversight.ReportingPeriod;
import vn.motcua.platform.web.ApiController;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Figures of dossier handling and the Decision 766 index, for the caller's own agencies (the province with a province-wide scope). */
@ApiController("/api/v1/oversight")
@Tag(name = "Giám sát (oversight)")
class OversightApi {

    private final Oversight oversight;
    private final ProvinceTargets targets;
    private final java.time.Clock clock;

    private final ReportPdf pdf;

    OversightApi(Oversight oversight, ProvinceTargets targets, java.time.Clock clock, ReportPdf pdf) {
        this.pdf = pdf;
        this.oversight = oversight;
        this.targets = targets;
        this.clock = clock;
    }

    @GetMapping("/dossiers")
    @Operation(summary = "The dossiers behind one figure (drill-down): measure is a figure of /handling (resolvedLate, inProgressOverdue, …) "
            + "or late, new, timed, dissatisfied, fullOnlineNew, fullOnlineOnline; for a period (2026-03, 2026-Q1, 2026) or from..to; paged from 1; "
            + "exact=true: the agency's own dossiers, not those under it; field or procedure narrow it as the figures by field or procedure do")
    DossierList dossiers(@RequestParam(required = false) @Nullable String agency, @RequestParam(required = false) @Nullable String period,
                         @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
                         @RequestParam String measure, @RequestParam(required = false) @Nullable String procedure,
                         @RequestParam(required = false) @Nullable String field, @RequestParam(defaultValue = "false") boolean exact,
                         @RequestParam(defaultValue = "1") String page, @RequestParam(defaultValue = "50") String size) {
        LocalDate first;
        LocalDate last;
        if (period != null && !period.isBlank()) {
            var p = period(period);
            first = p.from();
            last = p.lastDay();
        } else if (from != null && to != null) {
            first = date("from", from);
            last = date("to", to);
        } else {
            throw new OversightProblem(HttpStatus.BAD_REQUEST, "oversight.period-invalid", "Cần kỳ (period=2026-03) hoặc from và to (yyyy-MM-dd)");
        }
        return oversight.dossiers(agency, exact, first, last, measure, procedure, field, number("page", page), number("size", size));
    }

    @GetMapping("/targets/{year}")
    @Operation(summary = "The province's own 766 targets for a year (ratios by indicator code), with the version to send back in If-Match")
    org.springframework.http.ResponseEntity<ProvinceTargets.Targets> targets(@org.springframework.web.bind.annotation.PathVariable String year) {
        var t = targets.of(number("year", year));
        return org.springframework.http.ResponseEntity.ok().eTag("\"" + t.version() + "\"").body(t);
    }

    /** What a client sends: the ratio for each indicator that has a target (0.95 = 95 %); an indicator left out has none. */
    record TargetsBody(java.util.@Nullable Map<String, java.math.@Nullable BigDecimal> targets) {
    }

    @org.springframework.web.bind.annotation.PutMapping("/targets/{year}")
    @org.springframework.security.access.prepost.PreAuthorize("hasAnyRole('OVERSIGHT_VIEWER', 'ADMIN')")
    @Operation(summary = "Sets the province's 766 targets for a year (Home Affairs reform officer); If-Match: the version read (\"0\" when none)")
    org.springframework.http.ResponseEntity<ProvinceTargets.Targets> setTargets(@org.springframework.web.bind.annotation.PathVariable String year,
            @org.springframework.web.bind.annotation.RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @org.springframework.web.bind.annotation.RequestBody TargetsBody body) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new OversightProblem(HttpStatus.PRECONDITION_REQUIRED, "oversight.version-required",
                    "Gửi kèm If-Match với phiên bản chỉ tiêu đã đọc (ETag), \"0\" khi năm chưa có chỉ tiêu");
        }
        int version = number("If-Match", ifMatch.replace("W/", "").replace("\"", ""));
        var t = targets.set(number("year", year), version, body.targets() == null ? java.util.Map.of() : body.targets());
        return org.springframework.http.ResponseEntity.ok().eTag("\"" + t.version() + "\"").body(t);
    }

    @GetMapping("/centre")
    @Operation(summary = "The centre manager's figures: a day's intake by desk officer, the queues now, waiting and handling times")
    CentreView centre(@RequestParam(required = false) @Nullable String agency, @RequestParam(required = false) @Nullable String day) {
        LocalDate d = day == null || day.isBlank() ? LocalDate.now(clock.withZone(vn.motcua.platform.TimeConfiguration.VIETNAM)) : date("day", day);
        return oversight.centre(agency == null || agency.isBlank() ? oversight.defaultAgency() : agency, d);
    }

    private static int number(String name, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new OversightProblem(HttpStatus.BAD_REQUEST, "oversight.number-invalid", "Tham số " + name + " \"" + text + "\" không phải một số nguyên");
        }
    }

    private static ReportingPeriod period(String period) {
        try {
            return ReportingPeriod.parse(period);
        } catch (IllegalArgumentException e) {
            throw new OversightProblem(HttpStatus.BAD_REQUEST, "oversight.period-invalid", e.getMessage());
        }
    }

    @GetMapping("/handling")
    @Operation(summary = "Received (carried over, new by channel), resolved (early, on time, late), in progress (on time, overdue), "
            + "stopped, refused, apologies and the on-time rate, for an agency and those under it, from..to inclusive")
    List<HandlingFigures> handling(@RequestParam(required = false) @Nullable String agency, @RequestParam String from,
                                   @RequestParam String to, @RequestParam(defaultValue = "none") String groupBy) {
        return oversight.handling(agency, date("from", from), date("to", to), groupBy(groupBy));
    }

    @GetMapping("/index766")
    @Operation(summary = "The Decision 766 service index for a month (2026-03), quarter (2026-Q1) or year (2026)")
    IndexReport index766(@RequestParam(required = false) @Nullable String agency, @RequestParam String period) {
        try {
            return oversight.index766(agency, ReportingPeriod.parse(period));
        } catch (IllegalArgumentException e) {
            throw new OversightProblem(HttpStatus.BAD_REQUEST, "oversight.period-invalid", e.getMessage());
        }
    }

    @GetMapping("/reports/handling")
    @Operation(summary = "The periodic report of procedure handling (by field and by agency, with the total) as JSON, csv, xlsx or pdf")
    org.springframework.http.ResponseEntity<?> report(@RequestParam(required = false) @Nullable String agency, @RequestParam String period,
                                                      @RequestParam(defaultValue = "json") String format) {
        ReportingPeriod p;
        try {
            p = ReportingPeriod.parse(period);
        } catch (IllegalArgumentException e) {
            throw new OversightProblem(HttpStatus.BAD_REQUEST, "oversight.period-invalid", e.getMessage());
        }
        String kind = format.strip().toLowerCase(Locale.ROOT);
        if (!List.of("json", "csv", "xlsx", "pdf").contains(kind)) {
            throw new OversightProblem(HttpStatus.BAD_REQUEST, "oversight.format-invalid",
                    "Định dạng \"" + format + "\" không hợp lệ: json, csv, xlsx hoặc pdf");
        }
        var report = oversight.report(agency, p);
        String file = "bao-cao-giai-quyet-tthc-" + p.text();
        return switch (kind) {
            case "csv" -> download(ReportFiles.csv(report), file + ".csv", "text/csv; charset=UTF-8");
            case "xlsx" -> download(ReportFiles.xlsx(report), file + ".xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            case "pdf" -> download(pdf.write(report), file + ".pdf", "application/pdf");
            default -> org.springframework.http.ResponseEntity.ok(report);
        };
    }

    private static org.springframework.http.ResponseEntity<byte[]> download(byte[] body, String name, String type) {
        return org.springframework.http.ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(org.springframework.http.MediaType.parseMediaType(type)).body(body);
    }

    private static LocalDate date(String name, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new OversightProblem(HttpStatus.BAD_REQUEST, "oversight.period-invalid",
                    "Tham số " + name + " \"" + text + "\" không phải một ngày (yyyy-MM-dd, ví dụ 2026-03-01)");
        }
    }

    private static Oversight.GroupBy groupBy(String text) {
        try {
            return Oversight.GroupBy.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new OversightProblem(HttpStatus.BAD_REQUEST, "oversight.group-invalid",
                    "Nhóm theo \"" + text + "\" không hợp lệ: field, agency, procedure, channel hoặc none");
        }
    }
}
