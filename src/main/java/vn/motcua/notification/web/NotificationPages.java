package vn.motcua.notification.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.motcua.notification.NotificationProblem;
import vn.motcua.notification.NotificationStatus;
import vn.motcua.notification.Notifications;
import vn.motcua.notification.OutboxMessage;
import vn.motcua.platform.TimeConfiguration;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;

/**
 * The outbox for administrators ({@code /admin/notifications}, ADMIN by the catch-all rule of {@code AdminPage}): failed
 * deliveries first, with the error the SMTP server or the gateway gave, and a button that sends one again; the other
 * statuses, 50 messages a page, newest first, filtered by dossier code.
 */
@Controller
class NotificationPages {

    static final String PATH = "/admin/notifications";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss", Locale.ROOT);

    private final Notifications notifications;

    NotificationPages(Notifications notifications) {
        this.notifications = notifications;
    }

    /** A message with its times as people read them. */
    record Row(OutboxMessage message, String created, String nextAttempt, @Nullable String sent) {
    }

    @GetMapping(PATH)
    String page(@RequestParam(defaultValue = "FAILED") String status, @RequestParam(defaultValue = "") String code,
                @RequestParam(defaultValue = "1") int page, Model model) {
        NotificationStatus chosen = "ALL".equals(status) ? null : parse(status);
        var filters = new LinkedHashMap<String, String>();
        filters.put("status", chosen == null ? "ALL" : chosen.name());
        filters.put("code", code.strip());
        var paged = notifications.list(chosen, code.isBlank() ? null : code.strip(), page, vn.motcua.platform.web.Paged.DEFAULT_SIZE, PATH, filters);
        model.addAttribute("paged", paged);
        model.addAttribute("rows", paged.rows().stream().map(m -> new Row(m, shown(m.createdAt()), shown(m.nextAttemptAt()),
                m.sentAt() == null ? null : shown(m.sentAt()))).toList());
        model.addAttribute("counts", notifications.counts());
        model.addAttribute("statuses", NotificationStatus.values());
        model.addAttribute("filters", filters);
        model.addAttribute("channels", notifications.deliveringChannels());
        return "notification/list";
    }

    @PostMapping(PATH + "/{id}/resend")
    String resend(@PathVariable long id, RedirectAttributes flash) {
        try {
            notifications.resend(id);
            flash.addFlashAttribute("resent", id);
        } catch (NotificationProblem refused) {
            if (refused.status().value() == 404) {
                throw refused;
            }
            flash.addFlashAttribute("refusal", refused.getMessage());
        }
        return "redirect:" + UriComponentsBuilder.fromPath(PATH).queryParam("status", "FAILED").build().toUriString();
    }

    /** A status from a link; an unknown one shows the failed list (the default), never an error. */
    private static NotificationStatus parse(String status) {
        try {
            return NotificationStatus.valueOf(status);
        } catch (IllegalArgumentException unknown) {
            return NotificationStatus.FAILED;
        }
    }

    private static String shown(Instant at) {
        return SHOWN.format(at.atZone(TimeConfiguration.VIETNAM));
    }
}
