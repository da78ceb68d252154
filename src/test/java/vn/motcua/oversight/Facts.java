package vn.motcua.oversight;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

/** Dossier facts written straight into the projection for tests whose figures are worked by hand (times in Vietnam time). */
final class Facts {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private Facts() {
    }

    /** @param ended null for a dossier still open; {@code end} RESOLVED, REFUSED or STOPPED (null while open) */
    static void insert(JdbcClient jdbc, String code, UUID agency, String procedure, String channel, String received, String due,
                       String ended, String end) {
        jdbc.sql("""
                        insert into oversight.dossier_fact (code, receiving_agency_id, handling_agency_id, procedure_code, channel, state,
                            national_status, received_at, original_due_at, due_at, ended_at, end_kind, last_event_at)
                        values (:code, :agency, :agency, :procedure, :channel, :state, :national, :received, :due, :due, :ended, :end, :received)""")
                .param("code", "TEST-" + code).param("agency", agency).param("procedure", procedure).param("channel", channel)
                .param("state", ended == null ? "IN_PROCESSING" : "RESULT_READY").param("national", ended == null ? 4 : 9)
                .param("received", at(received)).param("due", at(due)).param("ended", at(ended)).param("end", end).update();
    }

    static Timestamp at(String local) {
        return local == null ? null : Timestamp.from(LocalDateTime.parse(local).atZone(VIETNAM).toInstant());
    }
}
