package vn.motcua.notification;

import vn.motcua.platform.AuditableEvent;

/** An administrator put a failed message back in the queue (audited). */
public record NotificationResent(long id, String dossierCode, NotificationChannel channel, String recipient) implements AuditableEvent {

    @Override
    public String action() {
        return "NOTIFICATION_RESENT";
    }

    @Override
    public String target() {
        return "dossier:" + dossierCode;
    }

    @Override
    public String summary() {
        return "Gửi lại thông báo số " + id + " (" + (channel == NotificationChannel.EMAIL ? "thư điện tử" : "tin nhắn") + " tới " + recipient + ")";
    }
}
