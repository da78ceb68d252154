package vn.motcua.organization;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * A personal access token as administrators see it: never the secret, only its first characters
 * ({@code prefix}) so a client's token can be recognised in the list.
 */
public record ApiTokenView(UUID id, UUID staffId, String username, String name, String prefix, Instant createdAt, String createdBy,
                           Instant expiresAt, @Nullable Instant revokedAt, @Nullable String revokedBy) {

    /** Whether the token still authenticates at {@code now}: not revoked and not expired. */
    public boolean validAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
