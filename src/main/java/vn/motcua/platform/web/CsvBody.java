package vn.motcua.platform.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;

import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A CSV request body as text. Without a {@code charset} parameter it is read as UTF-8 (what Excel's
 * "CSV UTF-8" and every script write), not HTTP's historical ISO-8859-1, which would garble Vietnamese.
 */
public final class CsvBody {

    private CsvBody() {
    }

    public static Reader read(byte[] body, @Nullable MediaType type) {
        Charset charset = type != null && type.getCharset() != null ? type.getCharset() : StandardCharsets.UTF_8;
        return new StringReader(new String(body, charset));
    }
}
