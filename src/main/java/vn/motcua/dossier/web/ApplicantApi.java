package vn.motcua.dossier.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.platform.web.ApiController;

/** A returning applicant, found by ID number or tax code to fill in the intake form. */
@ApiController("/api/v1/applicants")
@Tag(name = "Hồ sơ (dossiers)")
class ApplicantApi {

    private final DossierIntake intake;

    ApplicantApi(DossierIntake intake) {
        this.intake = intake;
    }

    @GetMapping("/{number}")
    @Operation(summary = "The applicant of the newest dossier with this ID number or tax code (desk officers only); 404 when none")
    ResponseEntity<Applicant> get(@PathVariable String number) {
        return ResponseEntity.ok(intake.returningApplicant(number).orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
                org.springframework.http.HttpStatus.NOT_FOUND, "Chưa có hồ sơ nào của số " + number + ".")));
    }
}
