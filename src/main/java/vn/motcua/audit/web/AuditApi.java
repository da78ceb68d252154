package vn.motcua.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditLog;
import vn.motcua.audit.ChainVerification;
import vn.motcua.platform.web.ApiController;

import java.util.List;

/** The audit trail, for administrators. */
@ApiController("/api/v1/audit")
@Tag(name = "Nhật ký (audit)")
@PreAuthorize("hasRole('ADMIN')")
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
    @Operation(summary = "Recompute the hash chain and report the first broken row")
    ChainVerification verify() {
        return log.verify();
    }
}
