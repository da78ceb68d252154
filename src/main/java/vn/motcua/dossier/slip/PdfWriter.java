package vn.motcua.dossier.slip;

import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/** XHTML from a slip template to PDF, with the bundled Liberation Serif embedded as a subset. */
final class PdfWriter {

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
