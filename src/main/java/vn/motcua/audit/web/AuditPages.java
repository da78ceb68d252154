package vn.motcua.audit.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.audit.AuditLog;

/** The administrator's view of the audit trail, with buttons that check it (incrementally or in full). */
@Controller
class AuditPages {

    private final AuditLog log;

    AuditPages(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/admin/audit")
    String page(@RequestParam(defaultValue = "") String verify, Model model) {
        model.addAttribute("entries", log.recent(200));
        if (!verify.isBlank()) {
            model.addAttribute("verification", log.verify("full".equals(verify)));
        }
        return "audit/log";
    }
}
