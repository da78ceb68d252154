package vn.motcua.dossier.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import vn.motcua.dossier.ClockPolicy;
import vn.motcua.dossier.DossierProcessing;
import vn.motcua.platform.web.ApiController;

/** The clock policies of procedures (supplement window, restart or shift, payment wait, pauses), as data. */
@ApiController("/api/v1/clock-policies")
@Tag(name = "Hồ sơ (dossiers)")
class ClockPolicyApi {

    private final DossierProcessing processing;

    ClockPolicyApi(DossierProcessing processing) {
        this.processing = processing;
    }

    @GetMapping("/{procedureCode}")
    @Operation(summary = "The clock policy a procedure's dossiers are received under (its own, else the default)")
    ClockPolicy get(@PathVariable String procedureCode) {
        return processing.policy(procedureCode);
    }

    @PutMapping("/{procedureCode}")
    @PreAuthorize("hasAnyRole('CATALOG_OFFICER', 'ADMIN')")
    @Operation(summary = "Sets a procedure's clock policy ('default' for the default); dossiers already received keep theirs")
    ClockPolicy put(@PathVariable String procedureCode, @RequestBody ClockPolicy policy) {
        return processing.setPolicy("default".equals(procedureCode) ? null : procedureCode, policy);
    }
}
