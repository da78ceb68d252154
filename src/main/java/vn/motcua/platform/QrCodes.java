package vn.motcua.platform;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** QR codes for identifiers that leave the system (procedure pages, dossier codes), as PNG or SVG. */
public final class QrCodes {

    private QrCodes() {
    }

    public static byte[] png(String content, int pixels) {
        try (var out = new ByteArrayOutputStream()) {
            MatrixToImageWriter.writeToStream(matrix(content, pixels), "PNG", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scalable SVG: one path of unit squares, so it prints sharp at any size. */
    public static String svg(String content) {
        BitMatrix m = matrix(content, 0);
        var path = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    path.append('M').append(x).append(',').append(y).append("h1v1h-1z");
                }
            }
        }
        return """
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" shape-rendering="crispEdges">\
                <rect width="100%%" height="100%%" fill="#fff"/><path fill="#000" d="%s"/></svg>"""
                .formatted(m.getWidth(), m.getHeight(), path);
    }

    private static BitMatrix matrix(String content, int pixels) {
        try {
            return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, pixels, pixels, Map.of(
                    EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.MARGIN, 2,
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode a QR code for " + content, e);
        }
    }
}
