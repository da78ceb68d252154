package vn.motcua.organization;

import org.springframework.stereotype.Component;
import vn.motcua.platform.TargetNames;

import java.util.Optional;
import java.util.UUID;

/**
 * Names for the audit log's targets that are the organisation's: {@code agency:<electronic ID>},
 * {@code staff:<username>}, {@code unit:<id>}, and {@code agency-id:<id>} (office hours and processes name their
 * agency by id). Answered from the in-memory snapshot.
 */
@Component
class OrganizationTargetNames implements TargetNames {

    private final AgencyDirectory agencies;
    private final StaffDirectory staff;

    OrganizationTargetNames(AgencyDirectory agencies, StaffDirectory staff) {
        this.agencies = agencies;
        this.staff = staff;
    }

    @Override
    public Optional<String> nameOf(String kind, String key) {
        try {
            return switch (kind) {
                case "agency" -> agencies.findByElectronicId(key).map(AgencyView::name);
                case "staff" -> staff.byUsername(key).map(StaffView::fullName);
                case "unit" -> Optional.of(agencies.unit(UUID.fromString(key))).map(u -> u.name() + ", " + agencies.get(u.agencyId()).name());
                case "agency-id" -> Optional.of(agencies.get(UUID.fromString(key))).map(a -> a.name() + " (" + a.electronicId() + ")");
                default -> Optional.empty();
            };
        } catch (IllegalArgumentException | OrganizationProblem unknown) {
            return Optional.empty();
        }
    }
}
