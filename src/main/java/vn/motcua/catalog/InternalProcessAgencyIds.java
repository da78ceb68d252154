package vn.motcua.catalog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.organization.AgencyDirectory;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Maps internal processes approved before they named agencies by id (migration V3 kept their electronic ID aside)
 * to the agency that held that electronic ID on the day the process took effect, through the organization module's
 * front door; failing that, to its holder today. Runs at every start and does nothing once every row is mapped. A
 * row whose agency already has the same version number (an agency whose processes were kept under two electronic
 * IDs) stays unmapped and is logged, for the catalog officer to approve again.
 */
@Component
@Order(-30)
class InternalProcessAgencyIds implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InternalProcessAgencyIds.class);

    private final JdbcClient jdbc;
    private final AgencyDirectory agencies;

    InternalProcessAgencyIds(JdbcClient jdbc, AgencyDirectory agencies) {
        this.jdbc = jdbc;
        this.agencies = agencies;
    }

    record LegacyRow(UUID id, String code, int versionNo, String electronicId, LocalDate validFrom) {
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        var rows = jdbc.sql("""
                        select id, code, version_no, legacy_electronic_id, valid_from from catalog.internal_process
                        where legacy_electronic_id is not null order by code, version_no""")
                .query((rs, n) -> new LegacyRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getDate(5).toLocalDate()))
                .list();
        for (var row : rows) {
            var agency = agencies.heldOn(row.electronicId(), row.validFrom()).or(() -> agencies.findByElectronicId(row.electronicId()));
            boolean taken = agency.isPresent() && jdbc.sql("""
                            select count(*) from catalog.internal_process
                            where code = :code and agency_id = :agency and version_no = :no""")
                    .param("code", row.code()).param("agency", agency.get().id()).param("no", row.versionNo())
                    .query(Integer.class).single() > 0;
            if (agency.isPresent() && !taken) {
                jdbc.sql("update catalog.internal_process set agency_id = :agency, legacy_electronic_id = null where id = :id")
                        .param("agency", agency.get().id()).param("id", row.id()).update();
                log.info("Quy trình nội bộ {} v{}: mã {} → cơ quan {} (the process now refers to the agency id)", row.code(),
                        row.versionNo(), row.electronicId(), agency.get().id());
            } else {
                log.warn("Quy trình nội bộ {} v{} của mã {} không được áp dụng (no agency, or the agency already has this version; "
                        + "approve it again for the right agency)", row.code(), row.versionNo(), row.electronicId());
            }
        }
    }
}
