package vn.motcua.organization;

import java.util.UUID;

/** A unit as other modules and the API see it. */
public record UnitView(UUID id, UUID agencyId, String name, boolean active, int version) {
}
