package vn.motcua.dossier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Issues dossier codes from one counter row per (receiving agency, day), incremented by
 * {@code INSERT … ON CONFLICT DO UPDATE … RETURNING}: unique across desks and nodes, and, because the counter
 * moves in the intake's own transaction, a failed intake consumes no number. Desks of one agency queue on its
 * row for the moment of the increment; other agencies never wait.
 */
@Component
class DossierCodes {

    private final JdbcClient jdbc;

    DossierCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next code of the agency's day (Vietnam's calendar day of the receipt). */
    @Transactional(propagation = Propagation.MANDATORY)
    DossierCode next(UUID receivingAgencyId, String receivingElectronicId, LocalDate day) {
        long sequence = jdbc.sql("""
                        insert into dossier.daily_counter (agency_id, day, last_number) values (:agency, :day, 1)
                        on conflict (agency_id, day) do update set last_number = dossier.daily_counter.last_number + 1
                        returning last_number""")
                .param("agency", receivingAgencyId).param("day", day)
                .query(Long.class).single();
        return DossierCode.of(receivingElectronicId, day, sequence);
    }
}
