package vn.motcua.organization;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A staff account as other modules and the API see it (never the password hash). */
public record StaffView(UUID id, String username, String fullName, @Nullable String email, @Nullable String phone,
                        @Nullable String position, boolean active, @Nullable Instant lockedUntil,
                        List<RoleAssignment> roles, int version) {
}
