package vn.motcua.dossier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.organization.AgencyDirectory;
import vn.motcua.organization.AgencyView;
import vn.motcua.organization.StaffDirectory;
import vn.motcua.organization.StaffView;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The organisation as committed, for the dossier module's writing transactions. Inside a read-write transaction the
 * organisation module reads its tables (so that its own writes see themselves), which for an intake meant loading
 * every agency on every dossier; the dossier module never writes organisation data, so it reads the in-memory
 * snapshot (kept within seconds of every committed change) by suspending its transaction for the lookup.
 */
@Component
class CommittedOrganisation {

    private final AgencyDirectory agencies;
    private final StaffDirectory staff;
    private final TransactionTemplate outside;

    CommittedOrganisation(AgencyDirectory agencies, StaffDirectory staff, PlatformTransactionManager transactions) {
        this.agencies = agencies;
        this.staff = staff;
        this.outside = new TransactionTemplate(transactions);
        this.outside.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    Optional<StaffView> staff(String username) {
        return outside.execute(s -> staff.byUsername(username));
    }

    /** Of these roles, those an active account holds in the agency or one of its units: one lookup outside the transaction. */
    java.util.Set<vn.motcua.organization.Role> rolesHeld(UUID agencyId, java.util.Set<vn.motcua.organization.Role> roles) {
        return outside.execute(s -> {
            var held = java.util.EnumSet.noneOf(vn.motcua.organization.Role.class);
            roles.stream().filter(r -> staff.anyoneHolds(r, agencyId)).forEach(held::add);
            return held;
        });
    }

    AgencyView agency(UUID id) {
        return outside.execute(s -> agencies.get(id));
    }

    Optional<AgencyView> heldOn(String electronicId, LocalDate day) {
        return outside.execute(s -> agencies.heldOn(electronicId, day));
    }

    List<vn.motcua.organization.UnitView> units(UUID agencyId) {
        return outside.execute(s -> agencies.units(agencyId));
    }

    /** The agency with this id or this electronic ID (held now), if any. */
    Optional<AgencyView> find(String idOrElectronicId) {
        try {
            UUID id = UUID.fromString(idOrElectronicId);
            return outside.execute(s -> agencies.all().stream().filter(a -> a.id().equals(id)).findFirst());
        } catch (IllegalArgumentException notAnId) {
            return outside.execute(s -> agencies.findByElectronicId(idOrElectronicId));
        }
    }

    List<AgencyView> all() {
        return outside.execute(s -> agencies.all());
    }
}
