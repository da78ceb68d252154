package vn.motcua.organization;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An agency of the province. Its electronic ID may be re-issued (as after the 2025 merger); every ID it
 * has held is kept with the dates it was valid ({@code agency_electronic_id}, written row by row by
 * {@link OrganizationStore}, never rewritten with the agency), so old dossiers keep pointing at the right agency.
 */
@Table(schema = "organization", name = "agency")
class Agency {

    @Id
    private final UUID id;
    @Version
    private @Nullable Integer version;
    private String electronicId;
    private String name;
    private AgencyType type;
    private @Nullable UUID parentId;
    private LocalDate validFrom;
    private @Nullable LocalDate validTo;

    @PersistenceCreator
    Agency(UUID id, @Nullable Integer version, String electronicId, String name, AgencyType type, @Nullable UUID parentId,
           LocalDate validFrom, @Nullable LocalDate validTo) {
        this.id = id;
        this.version = version;
        this.electronicId = electronicId;
        this.name = name;
        this.type = type;
        this.parentId = parentId;
        this.validFrom = validFrom;
        this.validTo = validTo;
    }

    static Agency create(ElectronicId electronicId, String name, AgencyType type, @Nullable UUID parentId,
                         LocalDate validFrom, @Nullable LocalDate validTo) {
        return new Agency(UUID.randomUUID(), null, electronicId.value(), name, type, parentId, validFrom, validTo);
    }

    /**
     * Changes electronic ID, name, type, parent and validity; returns whether the electronic ID was re-issued
     * (the caller then records the new period).
     */
    boolean revise(ElectronicId newId, String newName, AgencyType newType, @Nullable UUID newParent,
                   LocalDate newValidFrom, @Nullable LocalDate newValidTo) {
        if (id.equals(newParent)) {
            throw OrganizationProblem.invalid("parentId", "Cơ quan không thể là cấp trên của chính nó.");
        }
        boolean reissued = !newId.value().equals(electronicId);
        this.electronicId = newId.value();
        this.name = newName;
        this.type = newType;
        this.parentId = newParent;
        this.validFrom = newValidFrom;
        this.validTo = newValidTo;
        return reissued;
    }

    void close(LocalDate lastDay) {
        this.validTo = lastDay;
    }

    boolean activeOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    int version() {
        return version == null ? 0 : version;
    }

    UUID id() {
        return id;
    }

    @Nullable UUID parentId() {
        return parentId;
    }

    String electronicId() {
        return electronicId;
    }
}
