package vn.motcua.dossier.web;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.slip.Slips;

/** The A4 print view of a slip as issued, for staff who may see the dossier (the browser prints it). */
@Controller
class SlipPages {

    private final DossierIntake intake;
    private final Slips slips;

    SlipPages(DossierIntake intake, Slips slips) {
        this.intake = intake;
        this.slips = slips;
    }

    /** The PDF under the page session (the API's PDF takes Basic or Bearer only). */
    @GetMapping("/quay/ho-so/{code}/phieu/{form}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String code, @PathVariable String form) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", org.springframework.http.ContentDisposition.inline()
                        .filename("mau-" + form + "-" + code + ".pdf", java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(slips.pdf(intake.slip(code, form)));
    }

    @GetMapping("/quay/ho-so/{code}/phieu/{form}")
    ResponseEntity<String> printView(@PathVariable String code, @PathVariable String form) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(slips.html(intake.slip(code, form)));
    }
}
