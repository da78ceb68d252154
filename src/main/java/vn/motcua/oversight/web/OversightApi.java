package vn.motcua.oversight.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.oversight.HandlingFigures;
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

    OversightApi(Oversight oversight) {
        this.oversight = oversight;
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
    @Operation(summary = "The periodic report of procedure handling (by field and by agency, with the total) as JSON, csv or xlsx")
    org.springframework.http.ResponseEntity<?> report(@RequestParam(required = false) @Nullable String agency, @RequestParam String period,
                                                      @RequestParam(defaultValue = "json") String format) {
        ReportingPeriod p;
        try {
            p = ReportingPeriod.parse(period);
        } catch (IllegalArgumentException e) {
            throw new OversightProblem(HttpStatus.BAD_REQUEST, "oversight.period-invalid", e.getMessage());
        }
        String kind = format.strip().toLowerCase(Locale.ROOT);
        if (!List.of("json", "csv", "xlsx").contains(kind)) {
            throw new OversightProblem(HttpStatus.BAD_REQUEST, "oversight.format-invalid",
                    "Định dạng \"" + format + "\" không hợp lệ: json, csv hoặc xlsx (bản PDF: in trang báo cáo)");
        }
        var report = oversight.report(agency, p);
        String file = "bao-cao-giai-quyet-tthc-" + p.text();
        return switch (kind) {
            case "csv" -> download(ReportFiles.csv(report), file + ".csv", "text/csv; charset=UTF-8");
            case "xlsx" -> download(ReportFiles.xlsx(report), file + ".xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
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
