package vn.motcua.oversight;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierRated;

import java.sql.Timestamp;

/**
 * Projects the applicants' ratings ({@link DossierRated}) into {@code oversight.dossier_rating}, in the transaction
 * that stores the rating. A rating is dissatisfied when its overall answer is "Không hài lòng" (2) or "Rất không hài
 * lòng" (1); a rating whose set asked no overall question is not counted as dissatisfied. One per dossier: a replay
 * changes nothing.
 */
@Component
class RatingFacts {

    /** The highest overall answer that is dissatisfied (2 = "Không hài lòng" on the 5-point scale). */
    static final int DISSATISFIED_UP_TO = 2;

    private final JdbcClient jdbc;

    RatingFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(DossierRated rated) {
        jdbc.sql("""
                        insert into oversight.dossier_rating (code, handling_agency_id, receiving_agency_id, received_by, overall, dissatisfied, rated_at)
                        values (:code, :handling, :receiving, :receivedBy, :overall, :dissatisfied, :at) on conflict (code) do nothing""")
                .param("code", rated.code()).param("handling", rated.handlingAgencyId()).param("receiving", rated.receivingAgencyId())
                .param("receivedBy", rated.receivedBy()).param("overall", rated.overall())
                .param("dissatisfied", dissatisfied(rated)).param("at", Timestamp.from(rated.at())).update();
    }

    static boolean dissatisfied(DossierRated rated) {
        return rated.overall() != null && rated.overall() <= DISSATISFIED_UP_TO;
    }
}
