package vn.motcua.notification;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import vn.motcua.dossier.DossierContact;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Puts a notice into Vietnamese words: Thymeleaf text templates under {@code templates/notification/}, one per kind
 * and channel. An e-mail template's first line is the subject, the rest (after one blank line) the body; an SMS
 * template is the whole text. Templates see the contact ({@code applicantName}, {@code code}, {@code procedureName},
 * {@code procedureCode}, {@code receivingAgency}, {@code handlingAgency}), the lookup link ({@code lookupUrl}) and
 * the notice's facts. Output is NFC, so a decomposed letter typed into a name never reaches a phone split in two.
 */
@Component
class NotificationTemplates {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    NotificationTemplates() {
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/notification/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    record Rendered(String subject, String body) {
    }

    Rendered render(Notice notice, NotificationChannel channel, DossierContact contact, String lookupUrl) {
        var context = new Context(VIETNAMESE);
        context.setVariable("code", contact.code());
        context.setVariable("applicantName", contact.applicantName());
        context.setVariable("procedureCode", contact.procedureCode());
        context.setVariable("procedureName", contact.procedureName());
        context.setVariable("receivingAgency", contact.receivingAgency());
        context.setVariable("handlingAgency", contact.handlingAgency());
        context.setVariable("lookupUrl", lookupUrl);
        for (Map.Entry<String, Object> fact : notice.facts().entrySet()) {
            context.setVariable(fact.getKey(), fact.getValue());
        }
        String folder = switch (channel) {
            case EMAIL -> "email/";
            case SMS -> "sms/";
        };
        String text = Normalizer.normalize(engine.process(folder + notice.kind().template(), context), Normalizer.Form.NFC);
        return switch (channel) {
            case EMAIL -> {
                String trimmed = text.stripLeading();
                int newline = trimmed.indexOf('\n');
                if (newline < 0) {
                    throw new IllegalStateException("Mẫu thư " + notice.kind().template() + " cần dòng tiêu đề rồi nội dung");
                }
                yield new Rendered(trimmed.substring(0, newline).strip(), trimmed.substring(newline + 1).strip() + "\n");
            }
            case SMS -> new Rendered("", text.strip().replaceAll("\\s+", " "));
        };
    }
}
