package vn.motcua.dossier.slip;

import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.util.Locale;
import java.util.Map;

/**
 * Renders the slips: each form has one Thymeleaf template (templates/dossier/slip/), which is the HTML print view
 * and, through openhtmltopdf on PDFBox, the PDF, so what is printed from the browser and what is downloaded say the
 * same. The PDF embeds a subset of the bundled Liberation Serif (metric-compatible with the Times New Roman of
 * national forms, full Vietnamese coverage); the print view asks the browser for the same family and falls back to
 * Times New Roman. The forms' wording is the statutory Vietnamese text: it does not follow the user's language.
 * <p>
 * Only the given content is printed; nothing is looked up. Store the {@link SlipContent} you issue and render it
 * again to reprint.
 */
@Component
public class Slips {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final SpringTemplateEngine templates;
    private final PdfWriter pdf;

    public Slips() {
        var resolver = new ClassLoaderTemplateResolver(Slips.class.getClassLoader());
        resolver.setPrefix("templates/dossier/slip/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        templates = new SpringTemplateEngine(); // SpEL, as on the pages
        templates.setTemplateResolver(resolver);
        pdf = new PdfWriter();
    }

    /** The slip as a PDF: A4 portrait, fonts embedded, the QR code leading to {@link SlipContent#lookupUrl()}. */
    public byte[] pdf(SlipContent content) {
        return pdf.write(render(content, true));
    }

    /**
     * The slip's HTML print view (a whole page: A4 portrait print CSS, nothing to load but the font under
     * {@code /fonts/liberation-serif/}); serve it as {@code text/html;charset=UTF-8}.
     */
    public String html(SlipContent content) {
        return render(content, false);
    }

    /** Form 07 for a period as a PDF, A4 landscape, the header row repeated on every page. */
    public byte[] trackingBookPdf(TrackingBook book) {
        return pdf.write(render(book, true));
    }

    /** Form 07's HTML print view, A4 landscape. */
    public String trackingBookHtml(TrackingBook book) {
        return render(book, false);
    }

    /** Form 07 as an Excel workbook: the same columns, times as Excel date-times in Vietnam's time. */
    public byte[] trackingBookXlsx(TrackingBook book) {
        return TrackingBookWorkbook.write(book);
    }

    String render(SlipContent content, boolean forPdf) {
        return process(content.form().template(), SlipView.of(content, forPdf));
    }

    String render(TrackingBook book, boolean forPdf) {
        return process("tracking-book", TrackingBookView.of(book, forPdf));
    }

    private String process(String template, Map<String, Object> variables) {
        return templates.process(template, new Context(VIETNAMESE, variables));
    }
}
