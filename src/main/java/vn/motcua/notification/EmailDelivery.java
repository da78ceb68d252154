package vn.motcua.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailParseException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/**
 * E-mail through Spring's {@link JavaMailSender}, which Spring Boot makes only when {@code spring.mail.host} is set: a
 * node without an SMTP server delivers no e-mail and leaves it PENDING (visible on the administrators' page) for a
 * node that has one. Plain text, UTF-8 (quoted-printable, so Vietnamese letters survive every relay).
 */
@Component
class EmailDelivery implements Delivery {

    private final ObjectProvider<JavaMailSender> sender;
    private final NotificationSettings settings;

    EmailDelivery(ObjectProvider<JavaMailSender> sender, NotificationSettings settings) {
        this.sender = sender;
        this.settings = settings;
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.EMAIL;
    }

    @Override
    public boolean available() {
        return sender.getIfAvailable() != null;
    }

    @Override
    public void deliver(OutboxMessage m) throws Exception {
        JavaMailSender mail = sender.getObject();
        MimeMessage message = mail.createMimeMessage();
        try {
            var helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(new InternetAddress(settings.email().from(), settings.email().fromName(), StandardCharsets.UTF_8.name()));
            helper.setTo(new InternetAddress(m.recipient(), true));
            helper.setSubject(m.subject());
            helper.setText(m.body(), false);
            message.setHeader("Content-Transfer-Encoding", "quoted-printable");
        } catch (AddressException | MailParseException wrong) {
            throw new PermanentFailure("Địa chỉ thư không hợp lệ: " + wrong.getMessage(), wrong);
        }
        mail.send(message);
    }
}
