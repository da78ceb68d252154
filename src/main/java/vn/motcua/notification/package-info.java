/**
 * Notifications (thông báo) to applicants, in Vietnamese, by e-mail and SMS, when their dossier is received, asked
 * for a supplement, refused, extended with an apology, ready or returned. Each dossier event queues its messages in
 * an outbox in the event's own transaction; {@link vn.motcua.notification.OutboxSender} delivers them after the
 * commit with retries, and what keeps failing is listed for administrators. Front door:
 * {@link vn.motcua.notification.Notifications}.
 */
@ApplicationModule(allowedDependencies = {"platform", "dossier"})
@NullMarked
package vn.motcua.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
