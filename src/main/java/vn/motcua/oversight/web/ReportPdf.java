package vn.motcua.oversight.web;

import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import vn.motcua.oversight.HandlingReport;
import vn.motcua.platform.TimeConfiguration;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The periodic handling report as a PDF: A4 landscape, the header row repeated on every page, page numbers, the
 * bundled Liberation Serif (metrically Times New Roman, the face of administrative documents) embedded as a subset.
 * The template is XHTML ({@code templates/oversight/pdf/report.html}); nothing outside it is fetched.
 */
@Component
class ReportPdf {

    private static final String FAMILY = "Liberation Serif";

    private record Face(byte[] bytes, int weight, FontStyle style) {
    }

    private final SpringTemplateEngine templates = new SpringTemplateEngine();
    private final Face[] faces = {face("LiberationSerif-Regular.ttf", 400, FontStyle.NORMAL), face("LiberationSerif-Bold.ttf", 700, FontStyle.NORMAL),
            face("LiberationSerif-Italic.ttf", 400, FontStyle.ITALIC)};
    private final Clock clock;

    ReportPdf(Clock clock) {
        this.clock = clock;
        var resolver = new ClassLoaderTemplateResolver(ReportPdf.class.getClassLoader());
        resolver.setPrefix("templates/oversight/pdf/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        templates.setTemplateResolver(resolver);
    }

    String html(HandlingReport report) {
        var now = LocalDateTime.now(clock.withZone(TimeConfiguration.VIETNAM));
        var made = "Lập lúc " + now.format(DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy"));
        return templates.process("report", new Context(Locale.forLanguageTag("vi"),
                Map.of("report", report, "columns", HandlingReport.COLUMNS, "made", made)));
    }

    byte[] write(HandlingReport report) {
        try (var out = new ByteArrayOutputStream(64 * 1024)) {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withProducer("motcua");
            builder.withHtmlContent(html(report), null);
            builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            for (Face face : faces) {
                builder.useFont((FSSupplier<InputStream>) () -> new ByteArrayInputStream(face.bytes()), FAMILY, face.weight(), face.style(), true);
            }
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Face face(String file, int weight, FontStyle style) {
        try (InputStream in = ReportPdf.class.getResourceAsStream("/static/fonts/liberation-serif/" + file)) {
            if (in == null) {
                throw new IllegalStateException("bundled font missing: " + file);
            }
            return new Face(in.readAllBytes(), weight, style);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
