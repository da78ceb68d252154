package vn.motcua.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.notification.NotificationStatus;
import vn.motcua.notification.Notifications;
import vn.motcua.notification.OutboxMessage;
import vn.motcua.platform.web.ApiController;

import java.util.List;
import java.util.Map;

/** The outbox for administrators: failed deliveries (the default), the other statuses, and resending one. */
@ApiController("/api/v1/notifications")
@Tag(name = "Thông báo (notifications)")
@PreAuthorize("hasRole('ADMIN')")
class NotificationApi {

    private final Notifications notifications;

    NotificationApi(Notifications notifications) {
        this.notifications = notifications;
    }

    /** One page of messages, newest first. */
    record Page(List<OutboxMessage> messages, int page, int size, long total, Map<NotificationStatus, Long> counts,
                List<vn.motcua.notification.NotificationChannel> deliveringChannels) {
    }

    @GetMapping
    @Operation(summary = "Messages in a status (FAILED by default; ALL for every status), newest first, optionally of one dossier")
    Page list(@RequestParam(defaultValue = "FAILED") NotificationStatusParam status, @RequestParam(required = false) @Nullable String code,
              @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int size) {
        var paged = notifications.list(status.status(), code == null || code.isBlank() ? null : code.strip(), page, size, "", Map.of());
        return new Page(paged.rows(), paged.number(), paged.size(), paged.total(), notifications.counts(), notifications.deliveringChannels());
    }

    @GetMapping("/{id}")
    OutboxMessage get(@PathVariable long id) {
        return notifications.get(id);
    }

    @PostMapping("/{id}/resend")
    @Operation(summary = "Put a FAILED message back in the queue, due now (409 notification.not-failed otherwise)")
    OutboxMessage resend(@PathVariable long id) {
        return notifications.resend(id);
    }

    /** A status or ALL; anything else is a 400 problem like any mistyped parameter. */
    enum NotificationStatusParam {
        PENDING, SENDING, SENT, FAILED, ALL;

        @Nullable NotificationStatus status() {
            return switch (this) {
                case PENDING -> NotificationStatus.PENDING;
                case SENDING -> NotificationStatus.SENDING;
                case SENT -> NotificationStatus.SENT;
                case FAILED -> NotificationStatus.FAILED;
                case ALL -> null;
            };
        }
    }
}
