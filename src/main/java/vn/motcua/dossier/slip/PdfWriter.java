package vn.motcua.dossier.slip;

import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.logging.Level;

/**
 * XHTML from a slip template to PDF, with the bundled Liberation Serif embedded as a subset. Nothing outside the page
 * is fetched (the QR code is a data: image, the fonts are given here), and the renderer's warnings go to our log.
 */
final class PdfWriter {

    private static final Logger log = LoggerFactory.getLogger(PdfWriter.class);

    static {
        XRLog.setLoggerImpl(new RendererLog());
    }

    /** The family the templates ask for first. */
    static final String FAMILY = "Liberation Serif";

    private record Face(byte[] bytes, int weight, FontStyle style) {
    }

    private final Face[] faces = {
            face("LiberationSerif-Regular.ttf", 400, FontStyle.NORMAL),
            face("LiberationSerif-Bold.ttf", 700, FontStyle.NORMAL),
            face("LiberationSerif-Italic.ttf", 400, FontStyle.ITALIC)};
    private final String baseUri = Objects.requireNonNull(PdfWriter.class.getResource("/templates/dossier/slip/")).toExternalForm();

    byte[] write(String xhtml) {
        try (var out = new ByteArrayOutputStream(64 * 1024)) {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withProducer("motcua");
            builder.withHtmlContent(xhtml, baseUri);
            builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
                    ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            for (Face face : faces) {
                builder.useFont((FSSupplier<InputStream>) () -> new ByteArrayInputStream(face.bytes()), FAMILY,
                        face.weight(), face.style(), true);
            }
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The renderer's messages in our log: its INFO is chatter (timings, "prepare to fly"), so it is our DEBUG. */
    private static final class RendererLog implements XRLogger {
        @Override
        public void log(String where, Level level, String msg) {
            log(where, level, msg, null);
        }

        @Override
        public void log(String where, Level level, String msg, @org.jspecify.annotations.Nullable Throwable th) {
            if (level.intValue() >= Level.SEVERE.intValue()) {
                log.error("PDF rendering ({}): {}", where, msg, th);
            } else if (level.intValue() >= Level.WARNING.intValue()) {
                log.warn("PDF rendering ({}): {}", where, msg, th);
            } else if (log.isDebugEnabled()) {
                log.debug("PDF rendering ({}): {}", where, msg, th);
            }
        }

        @Override
        public void setLevel(String logger, Level level) {
        }

        @Override
        public boolean isLogLevelEnabled(Diagnostic diagnostic) {
            return diagnostic.getLevel().intValue() >= Level.WARNING.intValue() || log.isDebugEnabled();
        }
    }

    private static Face face(String file, int weight, FontStyle style) {
        try (InputStream in = PdfWriter.class.getResourceAsStream("/static" + SlipView.FONT_BASE + file)) {
            if (in == null) {
                throw new IllegalStateException("bundled font missing: " + file);
            }
            return new Face(in.readAllBytes(), weight, style);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
