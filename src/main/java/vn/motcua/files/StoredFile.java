package vn.motcua.files;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * One upload. Two uploads of the same content are two records sharing one stored copy.
 *
 * @param owner what the file belongs to once attached (for example {@code dossier:H36.50-260302-0001}); null
 *              while it waits, when only its uploader may read it
 */
public record StoredFile(UUID id, String sha256, long size, String contentType, String originalName, String uploadedBy,
                         Instant uploadedAt, @Nullable String owner) {
}
