package vn.motcua.dossier.slip;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a PDF back as a person's eye would: its text, the glyphs that draw it, the page as pixels, a QR code on it. */
final class PdfPages {

    /** One character as drawn: its text, the font that drew it and the glyph id in that font (0 is .notdef). */
    record Drawn(String unicode, PDFont font, int code, int glyph) {
    }

    private PdfPages() {
    }

    /**
     * The text of every page in reading order (top to bottom, then left to right: the two columns of a header come out
     * line by line), whitespace folded to single spaces.
     */
    static String text(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(doc).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text in the order it is drawn: a table cell comes out whole even when its lines sit beside other cells' lines
     * (inside a paragraph, openhtmltopdf draws the marked-up parts after the rest, so use {@link #text} there).
     */
    static String streamText(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> pageTexts(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            var stripper = new PDFTextStripper();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                stripper.setSortByPosition(true);
                pages.add(stripper.getText(doc).replaceAll("\\s+", " "));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every character drawn on every page, with its font and glyph. */
    static List<Drawn> drawn(byte[] pdf) {
        List<Drawn> drawn = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    for (int code : text.getCharacterCodes()) {
                        drawn.add(new Drawn(text.getUnicode(), text.getFont(), code, glyph(text.getFont(), code)));
                    }
                    super.processTextPosition(text);
                }
            };
            stripper.getText(doc);
            return drawn;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The outline {minY, maxY, width, number of contours} of each distinct character per embedded font, keyed "font|character". */
    static Map<String, double[]> outlines(byte[] pdf) {
        Map<String, double[]> bounds = new LinkedHashMap<>();
        for (Drawn d : drawn(pdf)) {
            String key = d.font().getName() + "|" + d.unicode();
            if (!bounds.containsKey(key) && d.font() instanceof PDType0Font font) {
                try {
                    var path = font.getPath(d.code());
                    var box = path.getBounds2D();
                    int contours = 0;
                    for (var it = path.getPathIterator(null); !it.isDone(); it.next()) {
                        if (it.currentSegment(new double[6]) == java.awt.geom.PathIterator.SEG_MOVETO) {
                            contours++;
                        }
                    }
                    bounds.put(key, new double[]{box.getMinY(), box.getMaxY(), box.getWidth(), contours});
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return bounds;
    }

    static BufferedImage render(byte[] pdf, int page, float dpi) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFRenderer(doc).renderImageWithDPI(page, dpi, ImageType.GRAY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String qrCode(BufferedImage page) throws NotFoundException {
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
            throw new IllegalStateException("a QR code was found but did not read", e);
        }
    }

    private static int glyph(PDFont font, int code) {
        try {
            return font instanceof PDType0Font t0 ? t0.codeToGID(code) : -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
