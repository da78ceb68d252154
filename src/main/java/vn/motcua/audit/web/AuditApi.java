package vn.motcua.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditLog;
import vn.motcua.audit.ChainVerification;
import vn.motcua.platform.web.ApiController;

import java.util.List;

/** The audit trail, for administrators and oversight (reading and checking it changes nothing). */
@ApiController("/api/v1/audit")
@Tag(name = "Nhật ký (audit)")
@PreAuthorize("hasAnyRole('ADMIN', 'OVERSIGHT_VIEWER')")
class AuditApi {

    private final AuditLog log;

    AuditApi(AuditLog log) {
        this.log = log;
    }

    @GetMapping
    List<AuditEntry> recent(@RequestParam(defaultValue = "100") int limit) {
        return log.recent(limit);
    }

    @GetMapping("/verify")
    @Operation(summary = "Check records and seals: from the newest verified seal, or from the first with full=true")
    ChainVerification verify(@RequestParam(defaultValue = "false") boolean full) {
        return log.verify(full);
    }

    @PostMapping(path = "/verify", consumes = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "Full check, also against seals kept outside the database (the signed download or AUDIT-SEAL log lines)")
    ChainVerification verifyAgainst(@RequestBody String seals) {
        return log.verifyAgainst(seals);
    }

    @GetMapping(path = "/seals", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "Every seal, one line each, signed (HMAC-SHA256) with the current key: keep it outside the database")
    ResponseEntity<String> seals() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"motcua-audit-seals.txt\"")
                .contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                .body(log.exportSeals());
    }
}
