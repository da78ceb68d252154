package vn.motcua.organization;

import org.jspecify.annotations.Nullable;
import org.springframework.data.relational.core.mapping.Table;

import java.util.UUID;

/** A role held in one agency, or in one unit of it when {@code unitId} is set. */
@Table(schema = "organization", name = "role_assignment")
public record RoleAssignment(Role role, UUID agencyId, @Nullable UUID unitId) {
}
