package vn.motcua.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.motcua.dossier.DossierContact;
import vn.motcua.dossier.DossierContacts;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.platform.web.PublicAddress;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Queues the applicant's messages for a dossier event inside the transaction that published it: the messages commit
 * with the change they tell about, or not at all. One SELECT for the contact (by the dossier's code); the INSERTs wait
 * in {@code PendingWrites} and ride the transaction's batch. Delivery happens after the commit ({@link OutboxSender}).
 */
@Component
class DossierNotifier {

    private static final Logger log = LoggerFactory.getLogger(DossierNotifier.class);

    private final DossierContacts contacts;
    private final NotificationTemplates templates;
    private final Outbox outbox;
    private final OutboxSender sender;
    private final PublicAddress publicAddress;
    private final NotificationSettings settings;
    private final Clock clock;

    DossierNotifier(DossierContacts contacts, NotificationTemplates templates, Outbox outbox, OutboxSender sender,
                    PublicAddress publicAddress, NotificationSettings settings, Clock clock) {
        this.contacts = contacts;
        this.templates = templates;
        this.outbox = outbox;
        this.sender = sender;
        this.publicAddress = publicAddress;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(DossierEvent event) {
        var notice = Notices.of(event);
        if (notice.isEmpty() || !(settings.email().enabled() || settings.sms().enabled())) {
            return;
        }
        var given = event.contact();
        boolean anyone = (settings.email().enabled() && given.email() != null) || (settings.sms().enabled() && given.phone() != null);
        if (!anyone) {
            return; // no address to write to: no read at all
        }
        // The event carries the contact but not the names a message needs (procedure, agencies): one read by code.
        DossierContact contact = contacts.contactOf(event.code()).orElse(null);
        if (contact == null) {
            log.warn("Không tìm thấy hồ sơ {} để gửi thông báo {}", event.code(), notice.get().kind());
            return;
        }
        String lookupUrl = publicAddress.of("/tra-cuu/{code}", contact.code());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int queued = 0;
        for (NotificationChannel channel : NotificationChannel.values()) {
            String recipient = switch (channel) {
                case EMAIL -> settings.email().enabled() ? contact.email() : null;
                case SMS -> settings.sms().enabled() ? contact.phone() : null;
            };
            if (recipient == null) {
                continue;
            }
            var text = templates.render(notice.get(), channel, contact, lookupUrl);
            String body = switch (channel) {
                case EMAIL -> text.body();
                case SMS -> SmsText.fit(text.body(), settings.sms().unaccented(), settings.sms().maxParts()).text();
            };
            outbox.queue(notice.get().eventKey(), channel, notice.get().kind(), recipient, text.subject(), body, contact.code(), now);
            queued++;
        }
        if (queued > 0 && settings.sendAfterCommit() && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sender.wake();
                }
            });
        }
    }
}
