package vn.motcua.organization;

import org.jspecify.annotations.Nullable;
import org.springframework.data.relational.core.mapping.Table;

import java.time.LocalDate;

/** An electronic ID an agency held from {@code validFrom} to {@code validTo} (inclusive; open when null). */
@Table(schema = "organization", name = "agency_electronic_id")
public record ElectronicIdPeriod(String electronicId, LocalDate validFrom, @Nullable LocalDate validTo) {

    public boolean covers(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}
