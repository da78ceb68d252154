package vn.motcua.organization;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An agency of the province. Its electronic ID may be re-issued (as after the 2025 merger); every ID it
 * has held is kept with the dates it was valid, so old dossiers keep pointing at the right agency.
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
    @MappedCollection(idColumn = "agency_id", keyColumn = "position")
    private final List<ElectronicIdPeriod> electronicIds;

    @PersistenceCreator
    Agency(UUID id, @Nullable Integer version, String electronicId, String name, AgencyType type, @Nullable UUID parentId,
           LocalDate validFrom, @Nullable LocalDate validTo, List<ElectronicIdPeriod> electronicIds) {
        this.id = id;
        this.version = version;
        this.electronicId = electronicId;
        this.name = name;
        this.type = type;
        this.parentId = parentId;
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.electronicIds = new ArrayList<>(electronicIds);
    }

    static Agency create(ElectronicId electronicId, String name, AgencyType type, @Nullable UUID parentId,
                         LocalDate validFrom, @Nullable LocalDate validTo) {
        var agency = new Agency(UUID.randomUUID(), null, electronicId.value(), name, type, parentId, validFrom, validTo, List.of());
        agency.electronicIds.add(new ElectronicIdPeriod(electronicId.value(), validFrom, null));
        return agency;
    }

    /** Changes name, type, parent and validity; a different electronic ID is re-issued from {@code effective}. */
    void revise(ElectronicId newId, String newName, AgencyType newType, @Nullable UUID newParent,
                LocalDate newValidFrom, @Nullable LocalDate newValidTo, LocalDate effective) {
        if (id.equals(newParent)) {
            throw OrganizationProblem.invalid("parentId", "Cơ quan không thể là cấp trên của chính nó.");
        }
        if (!newId.value().equals(electronicId)) {
            reissue(newId, effective);
        }
        this.name = newName;
        this.type = newType;
        this.parentId = newParent;
        this.validFrom = newValidFrom;
        this.validTo = newValidTo;
    }

    private void reissue(ElectronicId newId, LocalDate effective) {
        int last = electronicIds.size() - 1;
        var current = electronicIds.get(last);
        LocalDate closedOn = effective.minusDays(1).isBefore(current.validFrom()) ? current.validFrom() : effective.minusDays(1);
        electronicIds.set(last, new ElectronicIdPeriod(current.electronicId(), current.validFrom(), closedOn));
        electronicIds.add(new ElectronicIdPeriod(newId.value(), effective, null));
        electronicId = newId.value();
    }

    void close(LocalDate lastDay) {
        this.validTo = lastDay;
    }

    boolean activeOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    AgencyView view() {
        return new AgencyView(id, electronicId, name, type, parentId, validFrom, validTo, version == null ? 0 : version,
                List.copyOf(electronicIds));
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
