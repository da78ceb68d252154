package vn.motcua.calendar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.organization.AgencyDirectory;

/**
 * Maps office hours written before they named agencies by id (migration V2 kept their electronic ID aside) to the
 * agency that held that electronic ID on the day the hours took effect, through the organization module's front
 * door; failing that, to its holder today. Runs at every start and does nothing once every row is mapped.
 */
@Component
@Order(-30)
class OfficeHoursAgencyIds implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OfficeHoursAgencyIds.class);

    private final CalendarStore store;
    private final AgencyDirectory agencies;

    OfficeHoursAgencyIds(CalendarStore store, AgencyDirectory agencies) {
        this.store = store;
        this.agencies = agencies;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (var row : store.legacyRows()) {
            var agency = agencies.heldOn(row.electronicId(), row.validFrom()).or(() -> agencies.findByElectronicId(row.electronicId()));
            if (agency.isPresent()) {
                store.mapLegacyRow(row.id(), agency.get().id());
                log.info("Giờ làm việc #{}: mã {} → cơ quan {} (office hours now refer to the agency id)", row.id(), row.electronicId(),
                        agency.get().id());
            } else {
                log.warn("Giờ làm việc #{} của mã {} không khớp cơ quan nào và không được áp dụng (office hours of an unknown "
                        + "agency are ignored; enter them again for the right agency)", row.id(), row.electronicId());
            }
        }
    }
}
