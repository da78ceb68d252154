package vn.motcua.oversight.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.oversight.HandlingReport;
import vn.motcua.oversight.Oversight;
import vn.motcua.oversight.OversightProblem;
import vn.motcua.oversight.ReportingPeriod;
import vn.motcua.platform.TimeConfiguration;

import java.time.Clock;
import java.time.LocalDate;

/** The periodic handling report as a page (print it for the paper copy), with its csv and xlsx downloads. */
@Controller
class ReportPage {

    /** The drill-down measure of each report column, in {@link HandlingReport#COLUMNS}' order (the rate has none). */
    static final java.util.List<String> MEASURES = java.util.List.of("received", "carriedOver", "newDirect", "newOnline", "newPostal",
            "resolved", "resolvedEarly", "resolvedOnTime", "resolvedLate", "refused", "inProgress", "inProgressOnTime", "inProgressOverdue",
            "stopped", "apologies");

    private final Oversight oversight;
    private final Clock clock;
    private final ReportPdf pdf;

    ReportPage(Oversight oversight, Clock clock, ReportPdf pdf) {
        this.oversight = oversight;
        this.clock = clock;
        this.pdf = pdf;
    }

    /**
     * The report's files for a signed-in page (the API under {@code /api} is stateless and asks for its own
     * credentials, so the page's links cannot lead there): csv, xlsx or pdf, as the API gives them.
     */
    @GetMapping("/oversight/report/file")
    org.springframework.http.ResponseEntity<byte[]> file(@RequestParam String period, @RequestParam(required = false) @Nullable String agency,
                                                         @RequestParam String format) {
        ReportingPeriod p;
        try {
            p = ReportingPeriod.parse(period);
        } catch (IllegalArgumentException e) {
            throw new OversightProblem(org.springframework.http.HttpStatus.BAD_REQUEST, "oversight.period-invalid", e.getMessage());
        }
        var report = oversight.report(agency == null || agency.isBlank() ? oversight.defaultAgency() : agency, p);
        String name = "bao-cao-giai-quyet-tthc-" + p.text();
        return switch (format) {
            case "csv" -> download(ReportFiles.csv(report), name + ".csv", "text/csv; charset=UTF-8");
            case "xlsx" -> download(ReportFiles.xlsx(report), name + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            case "pdf" -> download(pdf.write(report), name + ".pdf", "application/pdf");
            default -> throw new OversightProblem(org.springframework.http.HttpStatus.BAD_REQUEST, "oversight.format-invalid",
                    "Định dạng \"" + format + "\" không hợp lệ: csv, xlsx hoặc pdf");
        };
    }

    private static org.springframework.http.ResponseEntity<byte[]> download(byte[] body, String name, String type) {
        return org.springframework.http.ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(org.springframework.http.MediaType.parseMediaType(type)).body(body);
    }

    @GetMapping("/oversight/report")
    String report(@RequestParam(required = false) @Nullable String period, @RequestParam(required = false) @Nullable String agency, Model model) {
        String asked = period == null || period.isBlank() ? LocalDate.now(clock.withZone(TimeConfiguration.VIETNAM)).toString().substring(0, 7) : period;
        model.addAttribute("period", asked);
        if (agency == null || agency.isBlank()) {
            agency = oversight.defaultAgency();
        }
        model.addAttribute("agency", agency == null ? "" : agency);
        model.addAttribute("columns", HandlingReport.COLUMNS);
        model.addAttribute("measures", MEASURES);
        try {
            model.addAttribute("report", oversight.report(agency, ReportingPeriod.parse(asked)));
        } catch (IllegalArgumentException e) {
            model.addAttribute("problem", e.getMessage());
        } catch (OversightProblem e) {
            model.addAttribute("agencyProblem", e.getMessage());
        }
        return "oversight/report";
    }
}
