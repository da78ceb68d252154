package vn.motcua.files;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The files module's front door. An upload is streamed to a temporary file while its SHA-256 and size are computed
 * (never held in memory, refused as soon as it passes the limit), recognised by its first bytes, then kept once per
 * content. It waits unattached, readable by its uploader only, until a module attaches it in its own transaction
 * (a dossier at intake); uploads never attached are removed after {@code motcua.files.keep-unattached}, so a failed
 * intake leaves no file behind.
 */
@Service
public class FileStorage {

    private static final Logger log = LoggerFactory.getLogger(FileStorage.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final BlobStore blobs;
    private final FileSettings settings;
    private final Clock clock;

    FileStorage(JdbcClient jdbc, TransactionTemplate transactions, FileSettings settings, Clock clock) throws IOException {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.blobs = new DiskBlobStore(settings.directory());
        this.settings = settings;
        this.clock = clock;
    }

    /** The largest file accepted, in bytes. */
    public long maxSize() {
        return settings.maxSize().toBytes();
    }

    /**
     * Stores an upload.
     *
     * @throws FileProblem when it is empty, too large, or not a PDF, JPEG or PNG by its content
     */
    public StoredFile store(InputStream content, String originalName, String uploadedBy) {
        Path temporary = null;
        try {
            temporary = blobs.newTemporaryFile();
            var sha = MessageDigest.getInstance("SHA-256");
            byte[] head = new byte[FileKind.SIGNATURE_LENGTH];
            int headLength = 0;
            long size = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), sha)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = content.read(buffer)) > 0; ) {
                    if (headLength < head.length) {
                        int take = Math.min(n, head.length - headLength);
                        System.arraycopy(buffer, 0, head, headLength, take);
                        headLength += take;
                    }
                    size += n;
                    if (size > maxSize()) {
                        throw FileProblem.tooLarge(maxSize());
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (size == 0) {
                throw FileProblem.empty();
            }
            FileKind kind = FileKind.of(java.util.Arrays.copyOf(head, headLength)).orElseThrow(FileProblem::unsupported);
            String hash = HexFormat.of().formatHex(sha.digest());
            var file = new StoredFile(UUID.randomUUID(), hash, size, kind.contentType(), cleanName(originalName, kind),
                    uploadedBy, clock.instant().truncatedTo(ChronoUnit.MICROS), null);
            Path received = temporary;
            transactions.executeWithoutResult(status -> {
                lockContent(hash); // the sweeper deletes a content only under the same lock, after checking no row needs it
                try {
                    blobs.putIfAbsent(hash, received);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                jdbc.sql("""
                                insert into files.stored_file (id, sha256, size, content_type, original_name, uploaded_by, uploaded_at)
                                values (:id, :sha, :size, :type, :name, :by, :at)""")
                        .param("id", file.id()).param("sha", hash).param("size", file.size()).param("type", file.contentType())
                        .param("name", file.originalName()).param("by", uploadedBy).param("at", Timestamp.from(file.uploadedAt()))
                        .update();
            });
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    log.warn("Không xoá được tệp tạm {}: {}", temporary, e.toString());
                }
            }
        }
    }

    /**
     * Attaches waiting uploads of {@code uploadedBy} to an owner, in the caller's transaction: if that transaction
     * rolls back, the files wait again (and are removed in time).
     *
     * @throws FileProblem when a file is unknown, someone else's, or attached already
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<StoredFile> attach(Collection<UUID> ids, String owner, String uploadedBy) {
        for (UUID id : ids) {
            int changed = jdbc.sql("""
                            update files.stored_file set owner = :owner, attached_at = :at
                            where id = :id and uploaded_by = :by and owner is null""")
                    .param("owner", owner).param("at", Timestamp.from(clock.instant())).param("id", id).param("by", uploadedBy)
                    .update();
            if (changed == 0) {
                var existing = find(id);
                throw existing.filter(f -> f.owner() != null && f.uploadedBy().equals(uploadedBy)).isPresent()
                        ? FileProblem.alreadyAttached() : FileProblem.notFound();
            }
        }
        return ids.stream().map(id -> find(id).orElseThrow()).toList();
    }

    /** A file's record, whoever may read it: callers check their own rules (a dossier's scope) first. */
    @Transactional(readOnly = true)
    public Optional<StoredFile> find(UUID id) {
        return jdbc.sql("select * from files.stored_file where id = :id").param("id", id)
                .query(FileStorage::row)
                .optional();
    }

    /** Files attached to an owner, oldest first. */
    @Transactional(readOnly = true)
    public List<StoredFile> ownedBy(String owner) {
        return jdbc.sql("select * from files.stored_file where owner = :owner order by uploaded_at, id").param("owner", owner)
                .query(FileStorage::row)
                .list();
    }

    /** A waiting upload, for its uploader only. */
    public StoredFile waitingUpload(UUID id, String uploadedBy) {
        return find(id).filter(f -> f.owner() == null && f.uploadedBy().equals(uploadedBy)).orElseThrow(FileProblem::notFound);
    }

    /** The bytes; the caller has checked that the reader may see them. */
    public InputStream open(StoredFile file) {
        try {
            return blobs.open(file.sha256());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes uploads that waited longer than allowed, and every content no record needs any more. */
    @Scheduled(fixedDelayString = "${motcua.files.sweep-ms:3600000}", initialDelayString = "${motcua.files.sweep-ms:3600000}")
    public int removeAbandonedUploads() {
        Instant before = clock.instant().minus(settings.keepUnattached());
        List<String> hashes = jdbc.sql("delete from files.stored_file where owner is null and uploaded_at < :before returning sha256")
                .param("before", Timestamp.from(before)).query(String.class).list();
        for (String hash : hashes.stream().distinct().toList()) {
            transactions.executeWithoutResult(status -> {
                lockContent(hash);
                boolean needed = jdbc.sql("select exists (select 1 from files.stored_file where sha256 = :sha)").param("sha", hash)
                        .query(Boolean.class).single();
                if (!needed) {
                    try {
                        blobs.delete(hash);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        }
        if (!hashes.isEmpty()) {
            log.info("Đã xoá {} tệp tải lên không được đính kèm sau {}", hashes.size(), settings.keepUnattached());
        }
        return hashes.size();
    }

    private static StoredFile row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new StoredFile(rs.getObject("id", UUID.class), rs.getString("sha256"), rs.getLong("size"), rs.getString("content_type"),
                rs.getString("original_name"), rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant(), rs.getString("owner"));
    }

    private void lockContent(String hash) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:sha, 7))").param("sha", hash).query((rs, n) -> 1).single();
    }

    /** The name as uploaded, without a path, control characters or a misleading extension, at most 200 characters. */
    static String cleanName(String originalName, FileKind kind) {
        String name = originalName == null ? "" : originalName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        if (stem.isBlank()) {
            stem = "tep";
        }
        if (stem.length() > 190) {
            stem = stem.substring(0, 190);
        }
        return java.text.Normalizer.normalize(stem, java.text.Normalizer.Form.NFC) + "." + kind.extension();
    }
}
