package vn.motcua.platform.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import vn.motcua.platform.DomainProblem;

import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A CSV upload as text. Without a {@code charset} it must be valid UTF-8 (what Excel's "CSV UTF-8" and every script
 * write); anything else is refused, not guessed, because a guess turns "Ủy ban nhân dân" into "�y ban nh�n d�n".
 * A file in windows-1258 or windows-1252 is read as such only when the sender says so ({@code charset=windows-1258});
 * text is normalised to NFC, since windows-1258 writes tone marks as combining characters.
 */
public final class CsvBody {

    private CsvBody() {
    }

    public static Reader read(byte[] body, @Nullable MediaType type) {
        UploadKind.requireText(body, "tệp CSV", "Trong Excel mở tệp rồi chọn Lưu thành \"CSV UTF-8 (Comma delimited)\" và gửi tệp .csv đó.");
        Charset declared = type != null ? type.getCharset() : null;
        Charset charset = declared != null ? declared : StandardCharsets.UTF_8;
        try {
            String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
            if (text.indexOf('\0') >= 0) {
                throw new NotText("Tệp chứa ký tự NUL: đây không phải tệp văn bản CSV.");
            }
            return new StringReader(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC));
        } catch (CharacterCodingException e) {
            throw new NotText("Tệp không phải văn bản " + charset.displayName() + ". Trong Excel chọn Lưu thành \"CSV UTF-8 (Comma delimited)\"; "
                    + "hoặc gửi kèm charset của tệp (ví dụ Content-Type: text/csv; charset=windows-1258).");
        }
    }

    /** Bytes that are not text in the expected encoding. */
    public static final class NotText extends DomainProblem {
        NotText(String message) {
            super("upload.not-text", HttpStatus.BAD_REQUEST, message, List.of(new InvalidParam("file", "sai bảng mã")));
        }
    }
}
