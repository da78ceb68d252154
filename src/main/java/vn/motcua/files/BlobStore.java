package vn.motcua.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where the bytes are, addressed by their SHA-256. The disk store is the default; an S3-compatible store implements
 * the same three operations (put an object under its hash if absent, open it, delete it).
 */
public interface BlobStore {

    /** Keeps the content of {@code temporary} under its hash, once; the temporary file is consumed. */
    void putIfAbsent(String sha256, Path temporary) throws IOException;

    InputStream open(String sha256) throws IOException;

    void delete(String sha256) throws IOException;

    /** A place for a file being received, on the same volume as the store when there is one. */
    Path newTemporaryFile() throws IOException;
}
