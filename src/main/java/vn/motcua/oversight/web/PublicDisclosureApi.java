package vn.motcua.oversight.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.oversight.Disclosure;
import vn.motcua.oversight.Oversight;
import vn.motcua.oversight.OversightProblem;
import vn.motcua.oversight.ReportingPeriod;
import vn.motcua.platform.web.ApiController;

/** The public disclosure of handling results, for anyone (no sign-in), per handling agency. */
@ApiController("/api/v1/public")
@Tag(name = "Công khai (public)")
class PublicDisclosureApi {

    private final Oversight oversight;

    PublicDisclosureApi(Oversight oversight) {
        this.oversight = oversight;
    }

    @GetMapping("/disclosure")
    @Operation(summary = "Per agency for a month (2026-03), quarter (2026-Q1) or year (2026): received, resolved on time and late, "
            + "open past their appointment, apologies issued")
    Disclosure disclosure(@RequestParam(required = false) @Nullable String agency, @RequestParam String period) {
        return oversight.disclosure(agency, parse(period));
    }

    static ReportingPeriod parse(String period) {
        try {
            return ReportingPeriod.parse(period);
        } catch (IllegalArgumentException e) {
            throw new OversightProblem(HttpStatus.BAD_REQUEST, "oversight.period-invalid", e.getMessage());
        }
    }
}
