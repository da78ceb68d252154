package vn.motcua.organization;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import java.util.UUID;

/** A unit (phòng, bộ phận) inside an agency; roles may be scoped to it. Deactivated, never deleted. */
@Table(schema = "organization", name = "unit")
class Unit {

    @Id
    private final UUID id;
    @Version
    private @Nullable Integer version;
    private final UUID agencyId;
    private String name;
    private boolean active;

    @PersistenceCreator
    Unit(UUID id, @Nullable Integer version, UUID agencyId, String name, boolean active) {
        this.id = id;
        this.version = version;
        this.agencyId = agencyId;
        this.name = name;
        this.active = active;
    }

    static Unit create(UUID agencyId, String name) {
        return new Unit(UUID.randomUUID(), null, agencyId, name, true);
    }

    void rename(String newName) {
        this.name = newName;
    }

    void deactivate() {
        this.active = false;
    }

    UUID agencyId() {
        return agencyId;
    }

    UnitView view() {
        return new UnitView(id, agencyId, name, active, version == null ? 0 : version);
    }
}
