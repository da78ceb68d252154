package vn.motcua.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Content-addressed files under one directory: {@code ab/cd/abcd…} (the SHA-256 in hex), written by an atomic move. */
final class DiskBlobStore implements BlobStore {

    private final Path root;

    DiskBlobStore(Path root) throws IOException {
        this.root = Files.createDirectories(root.toAbsolutePath().normalize());
        Files.createDirectories(this.root.resolve("incoming"));
    }

    private Path pathOf(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    @Override
    public void putIfAbsent(String sha256, Path temporary) throws IOException {
        Path target = pathOf(sha256);
        if (Files.exists(target)) {
            Files.deleteIfExists(temporary);
            return;
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(temporary); // another upload of the same content won
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        return Files.newInputStream(pathOf(sha256));
    }

    @Override
    public void delete(String sha256) throws IOException {
        Files.deleteIfExists(pathOf(sha256));
    }

    @Override
    public Path newTemporaryFile() throws IOException {
        return Files.createTempFile(root.resolve("incoming"), "upload-", ".part");
    }
}
