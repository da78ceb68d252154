package vn.motcua.dossier.rating;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.DossierState;
import vn.motcua.platform.database.PendingWrites;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The rating tables of the dossier module, and what a rating needs to know of its dossier (same module's tables). */
@Repository
class RatingStore {

    private static final TypeReference<List<RatingQuestion.Option>> OPTIONS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final PendingWrites writes;
    private final JsonMapper json;

    RatingStore(JdbcClient jdbc, PendingWrites writes, JsonMapper json) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.json = json;
    }

    /** The dossier a rating is for, with who received and who returned it (from its history), and whether it is rated. */
    record Target(UUID id, String code, DossierState state, String procedureCode, String procedureName, UUID receivingAgencyId,
                  UUID handlingAgencyId, Applicant applicant, @Nullable String receivedBy, @Nullable String returnedBy,
                  boolean rated) {
    }

    Optional<Target> target(String code) {
        return jdbc.sql("""
                        select d.id, d.code, d.state, d.procedure_code, d.procedure_name, d.receiving_agency_id,
                            d.handling_agency_id, d.applicant,
                            (select h.actor from dossier.history h where h.dossier_id = d.id and h.to_state = 'RECEIVED'
                             order by h.id desc limit 1) as received_by,
                            (select h.actor from dossier.history h where h.dossier_id = d.id and h.to_state = 'RETURNED'
                             order by h.id desc limit 1) as returned_by,
                            exists (select 1 from dossier.rating r where r.dossier_id = d.id) as rated
                        from dossier.dossier d where d.code = :code""")
                .param("code", code)
                .query((rs, i) -> new Target(rs.getObject("id", UUID.class), rs.getString("code"),
                        DossierState.valueOf(rs.getString("state")), rs.getString("procedure_code"), rs.getString("procedure_name"),
                        rs.getObject("receiving_agency_id", UUID.class), rs.getObject("handling_agency_id", UUID.class),
                        json.readValue(rs.getString("applicant"), Applicant.class), rs.getString("received_by"),
                        rs.getString("returned_by"), rs.getBoolean("rated")))
                .optional();
    }

    /** The questions in force on a day, in their order. */
    List<RatingQuestion> questions(LocalDate day) {
        return jdbc.sql("""
                        select * from dossier.rating_question
                        where valid_from <= :day and (valid_until is null or valid_until > :day)
                        order by position, code""")
                .param("day", Date.valueOf(day))
                .query((rs, i) -> new RatingQuestion(rs.getString("code"), rs.getDate("valid_from").toLocalDate(),
                        rs.getDate("valid_until") == null ? null : rs.getDate("valid_until").toLocalDate(), rs.getInt("position"),
                        rs.getString("text_vi"), rs.getString("text_en"), json.readValue(rs.getString("options"), OPTIONS),
                        rs.getBoolean("required")))
                .list();
    }

    /**
     * Stores the rating unless the dossier already has one; false then. Two submissions at once: the second waits on
     * the first's row and, once it commits, inserts nothing.
     */
    boolean insert(Target t, String channel, Instant at, @Nullable String openedBy, String comment) {
        var p = new HashMap<String, @Nullable Object>();
        p.put("id", t.id());
        p.put("code", t.code());
        p.put("channel", channel);
        p.put("at", Timestamp.from(at));
        p.put("procedure", t.procedureCode());
        p.put("receiving", t.receivingAgencyId());
        p.put("handling", t.handlingAgencyId());
        p.put("receivedBy", t.receivedBy());
        p.put("returnedBy", t.returnedBy());
        p.put("openedBy", openedBy);
        p.put("comment", comment);
        return jdbc.sql("""
                        insert into dossier.rating (dossier_id, code, channel, rated_at, procedure_code, receiving_agency_id,
                            handling_agency_id, received_by, returned_by, opened_by, comment)
                        values (:id, :code, :channel, :at, :procedure, :receiving, :handling, :receivedBy, :returnedBy, :openedBy,
                            :comment)
                        on conflict do nothing""")
                .params(p).update() == 1;
    }

    /** Queued with the transaction's other pending writes: no round trip of its own. */
    void addAnswer(UUID dossierId, RatingQuestion question, int value) {
        writes.add("""
                insert into dossier.rating_answer (dossier_id, question_code, question_valid_from, value)
                values (:dossier, :code, :from, :value)""",
                Map.of("dossier", dossierId, "code", question.code(), "from", Date.valueOf(question.validFrom()), "value", value), 1);
    }

    /** Publishes a new set of questions from {@code from}: the set in force until then ends the day before. */
    void publish(LocalDate from, List<RatingQuestion> questions) {
        jdbc.sql("delete from dossier.rating_question q where q.valid_from >= :from and not exists "
                        + "(select 1 from dossier.rating_answer a where a.question_code = q.code and a.question_valid_from = q.valid_from)")
                .param("from", Date.valueOf(from)).update();
        jdbc.sql("update dossier.rating_question set valid_until = :from where valid_from < :from and (valid_until is null or valid_until > :from)")
                .param("from", Date.valueOf(from)).update();
        for (RatingQuestion q : questions) {
            jdbc.sql("""
                            insert into dossier.rating_question (code, valid_from, valid_until, position, text_vi, text_en, options, required)
                            values (:code, :from, null, :position, :vi, :en, cast(:options as jsonb), :required)""")
                    .param("code", q.code()).param("from", Date.valueOf(from)).param("position", q.position())
                    .param("vi", q.textVi()).param("en", q.textEn()).param("options", json.writeValueAsString(q.options()))
                    .param("required", q.required()).update();
        }
    }

    /** Counts per officer the ratings count for (received_by), for the desk's own figures. */
    record OfficerFigure(String officer, int ratings, double overall) {
    }

    List<OfficerFigure> byOfficer(List<UUID> receivingAgencies, Instant from, Instant to) {
        return jdbc.sql("""
                        select r.received_by as officer, count(*) as ratings, coalesce(avg(a.value), 0) as overall
                        from dossier.rating r
                        left join dossier.rating_answer a on a.dossier_id = r.dossier_id and a.question_code = 'OVERALL'
                        where r.receiving_agency_id = any(:agencies) and r.rated_at >= :from and r.rated_at < :to
                          and r.received_by is not null
                        group by r.received_by order by r.received_by""")
                .param("agencies", receivingAgencies.toArray(UUID[]::new)).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, i) -> new OfficerFigure(rs.getString("officer"), rs.getInt("ratings"), rs.getDouble("overall")))
                .list();
    }
}
