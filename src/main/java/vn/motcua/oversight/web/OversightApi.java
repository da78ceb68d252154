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
