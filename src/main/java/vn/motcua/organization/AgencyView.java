package vn.motcua.organization;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What other modules and the API see of an agency. */
public record AgencyView(UUID id, String electronicId, String name, AgencyType type, @Nullable UUID parentId,
                         LocalDate validFrom, @Nullable LocalDate validTo, int version, List<ElectronicIdPeriod> history) {

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}
