package vn.motcua.notification;

import org.springframework.http.HttpStatus;
import vn.motcua.platform.DomainProblem;

/** A request about the outbox that cannot be done. */
public class NotificationProblem extends DomainProblem {

    private NotificationProblem(String code, HttpStatus status, String message) {
        super(code, status, message);
    }

    static NotificationProblem notFound(long id) {
        return new NotificationProblem("notification.not-found", HttpStatus.NOT_FOUND, "Không có thông báo số " + id + ".");
    }

    static NotificationProblem notFailed(long id, NotificationStatus status) {
        return new NotificationProblem("notification.not-failed", HttpStatus.CONFLICT, "Thông báo số " + id + " đang ở trạng thái "
                + Notifications.statusWords(status) + ": chỉ gửi lại được thông báo đã gửi thất bại.");
    }
}
