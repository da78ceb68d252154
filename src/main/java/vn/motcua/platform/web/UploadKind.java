package vn.motcua.platform.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import vn.motcua.platform.DomainProblem;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What an uploaded file is, read from its first bytes (never from its name or declared type): the kinds people
 * upload by mistake in place of a CSV or an export, so the refusal can say what was sent and what was expected
 * ("an Excel workbook, not a CSV file") instead of a decoding error.
 */
public final class UploadKind {

    private UploadKind() {
    }

    /** The Vietnamese name of a binary kind these bytes start with, or null when they may be text. */
    public static @Nullable String binaryKind(byte[] content) {
        if (starts(content, '%', 'P', 'D', 'F')) {
            return "tệp PDF";
        }
        if (starts(content, 'P', 'K', 3, 4)) {
            if (contains(content, "word/")) {
                return "tài liệu Word (.docx)";
            }
            if (contains(content, "xl/")) {
                return "bảng tính Excel (.xlsx)";
            }
            return "tệp nén (.zip)";
        }
        if (starts(content, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "tệp Office 97-2003 (.xls hoặc .doc)";
        }
        if (starts(content, 0x1F, 0x8B)) {
            return "tệp nén gzip (.gz)";
        }
        if (starts(content, 0x89, 'P', 'N', 'G')) {
            return "ảnh PNG";
        }
        if (starts(content, 0xFF, 0xD8, 0xFF)) {
            return "ảnh JPEG";
        }
        return null;
    }

    /** Refuses a file of a binary kind where {@code expected} (for example "tệp CSV") was asked for. */
    public static void requireText(byte[] content, String expected, String hint) {
        String kind = binaryKind(content);
        if (kind != null) {
            throw new WrongKind(kind, expected, hint);
        }
    }

    private static boolean starts(byte[] content, int... head) {
        if (content.length < head.length) {
            return false;
        }
        for (int i = 0; i < head.length; i++) {
            if ((content[i] & 0xFF) != head[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether a zip names this part: entry names are stored uncompressed, in the local headers and the directory. */
    private static boolean contains(byte[] content, String ascii) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= content.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (content[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** A file of another kind than the one expected: 415, with both kinds named. */
    public static final class WrongKind extends DomainProblem {
        WrongKind(String kind, String expected, String hint) {
            super("upload.wrong-kind", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Tệp đã gửi là " + kind + ", không phải " + expected + ". " + hint,
                    List.of(new InvalidParam("file", "cần " + expected + ", nhận được " + kind)));
        }
    }
}
