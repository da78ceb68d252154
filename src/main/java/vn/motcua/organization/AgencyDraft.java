package vn.motcua.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.UUID;

/** The fields an administrator fills in to create or revise an agency. */
public record AgencyDraft(
        @NotBlank(message = "{agency.electronicId.required}") @ElectronicIdFormat String electronicId,
        @NotBlank(message = "{agency.name.required}") @Size(max = 300) String name,
        @NotNull(message = "{agency.type.required}") AgencyType type,
        @Nullable UUID parentId,
        @NotNull(message = "{agency.validFrom.required}") LocalDate validFrom,
        @Nullable LocalDate validTo) {
}
