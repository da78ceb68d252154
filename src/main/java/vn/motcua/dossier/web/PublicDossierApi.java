package vn.motcua.dossier.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import vn.motcua.dossier.PublicLookup;
import vn.motcua.platform.web.ApiController;

/** The public lookup of a dossier by its code, for citizens (no sign-in; rate-limited per address). */
@ApiController("/api/v1/public/dossiers")
@Tag(name = "Tra cứu hồ sơ (public)")
class PublicDossierApi {

    private final PublicLookup lookup;

    PublicDossierApi(PublicLookup lookup) {
        this.lookup = lookup;
    }

    @GetMapping("/{code}")
    @Operation(summary = "Status, times and public timeline of a dossier; the name is masked unless verify = last 4 digits of the phone or ID number")
    PublicLookup.PublicDossier get(@PathVariable String code, @RequestParam(required = false) @Nullable String verify) {
        return lookup.find(code, verify).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "Không có hồ sơ mã " + code + ". Kiểm tra lại mã trên giấy tiếp nhận."));
    }
}
