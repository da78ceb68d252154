package vn.motcua.files;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of file a dossier may carry (TT 01/2023/TT-VPCP Art. 8: scans as PDF or images), told apart by their
 * first bytes, never by the name or the declared content type.
 */
public enum FileKind {
    PDF("application/pdf", "pdf", new byte[]{'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", "jpg", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", "png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});

    /** Bytes needed to recognise every kind. */
    static final int SIGNATURE_LENGTH = 8;

    private final String contentType;
    private final String extension;
    private final byte[] signature;

    FileKind(String contentType, String extension, byte[] signature) {
        this.contentType = contentType;
        this.extension = extension;
        this.signature = signature;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** The kind whose signature starts these bytes. */
    public static Optional<FileKind> of(byte[] head) {
        return Arrays.stream(values())
                .filter(k -> head.length >= k.signature.length && Arrays.equals(head, 0, k.signature.length, k.signature, 0, k.signature.length))
                .findFirst();
    }
}
