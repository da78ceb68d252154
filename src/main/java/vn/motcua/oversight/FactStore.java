package vn.motcua.oversight;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The figures of a period, counted in PostgreSQL from {@code oversight.dossier_fact} by the same rule as {@link
 * OnTimeRule} (a test compares the two on generated dossiers): the supplement interval up to the moment judged is
 * subtracted, a second supplement is late, open dossiers are judged at the period's end against the appointment
 * without extension.
 */
@Component
class FactStore {

    enum Key {
        ALL("'ALL'"), AGENCY("handling_agency_id::text"), PROCEDURE("procedure_code"), CHANNEL("channel"),
        /** {@code procedure|agency id}: the field × agency heat map groups procedures into fields in Java. */
        PROCEDURE_AND_AGENCY("procedure_code || '|' || handling_agency_id::text");

        final String sql;

        Key(String sql) {
            this.sql = sql;
        }
    }

    /** One group's counts, straight from the query. */
    record Counts(String key, long received, long carriedOver, long newDirect, long newOnline, long newPostal, long resolved,
                  long resolvedEarly, long resolvedLate, long refused, long inProgressOnTime, long inProgressOverdue, long stopped,
                  long onTime, long apologies) {
    }

    private static final String FIGURES = """
            with f as (
                select f.*, (f.ended_at is not null and f.ended_at < :end) as ended_in,
                       case when f.ended_at is not null and f.ended_at < :end then f.ended_at else cast(:end as timestamptz) end as moment
                from oversight.dossier_fact f
                where f.received_at < :end and (f.ended_at is null or f.ended_at >= :start) %s
            ), j as (
                select f.*, moment - case when supplement_requested_at is null or supplement_requested_at >= moment then interval '0'
                                          else least(coalesce(supplement_received_at, moment), moment) - supplement_requested_at end as effective
                from f
            ), k as (
                select j.*, (supplement_count > 1 or (original_due_at is not null and effective > original_due_at)) as late,
                       coalesce(end_kind, 'RESOLVED') <> 'STOPPED' as result
                from j
            )
            select %s as key,
                   count(*) as received,
                   count(*) filter (where received_at < :start) as carried_over,
                   count(*) filter (where received_at >= :start and channel = 'DIRECT') as new_direct,
                   count(*) filter (where received_at >= :start and channel = 'ONLINE') as new_online,
                   count(*) filter (where received_at >= :start and channel = 'POSTAL') as new_postal,
                   count(*) filter (where ended_in and result) as resolved,
                   count(*) filter (where ended_in and result and not late and original_due_at is not null
                                    and (effective at time zone 'Asia/Ho_Chi_Minh')::date < (original_due_at at time zone 'Asia/Ho_Chi_Minh')::date) as early,
                   count(*) filter (where ended_in and result and late) as resolved_late,
                   count(*) filter (where ended_in and end_kind = 'REFUSED') as refused,
                   count(*) filter (where not ended_in and not late) as in_progress_on_time,
                   count(*) filter (where not ended_in and late) as in_progress_overdue,
                   count(*) filter (where ended_in and not result) as stopped,
                   count(*) filter (where not late) as on_time,
                   count(*) filter (where apologised_at >= :start and apologised_at < :end) as apologies
            from k group by 1 order by 1""";

    private final JdbcClient jdbc;

    FactStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A unit that held dossiers past their step budget in the period: how many hand-overs were late, by how much in all. */
    record LateUnit(java.util.UUID agencyId, @Nullable String unit, long lateHandOvers, long lateMinutes) {
    }

    List<LateUnit> lateUnits(@Nullable Collection<UUID> agencies, Instant start, Instant end, int limit) {
        String scope = agencies == null ? "" : "and agency_id = any(:agencies)";
        var spec = jdbc.sql("""
                        select agency_id, unit, count(*) as late, sum(late_minutes) as minutes from oversight.late_step
                        where at >= :start and at < :end %s
                        group by agency_id, unit order by count(*) desc, sum(late_minutes) desc limit :limit""".formatted(scope))
                .param("start", Timestamp.from(start)).param("end", Timestamp.from(end)).param("limit", limit);
        if (agencies != null) {
            spec = spec.param("agencies", agencies.toArray(UUID[]::new));
        }
        return spec.query((rs, n) -> new LateUnit(rs.getObject("agency_id", UUID.class), rs.getString("unit"), rs.getLong("late"),
                rs.getLong("minutes"))).list();
    }

    /** @param agencies the handling agencies counted; null = the whole province */
    List<Counts> figures(@Nullable Collection<UUID> agencies, Instant start, Instant end, Key key) {
        if (!end.isAfter(start)) {
            return List.of(); // a period that has not begun yet counts nothing
        }
        String scope = agencies == null ? "" : "and f.handling_agency_id = any(:agencies)";
        var spec = jdbc.sql(FIGURES.formatted(scope, key.sql)).param("start", Timestamp.from(start)).param("end", Timestamp.from(end));
        if (agencies != null) {
            spec = spec.param("agencies", agencies.toArray(UUID[]::new));
        }
        return spec.query((rs, n) -> new Counts(rs.getString("key"), rs.getLong("received"), rs.getLong("carried_over"),
                rs.getLong("new_direct"), rs.getLong("new_online"), rs.getLong("new_postal"), rs.getLong("resolved"),
                rs.getLong("early"), rs.getLong("resolved_late"), rs.getLong("refused"), rs.getLong("in_progress_on_time"),
                rs.getLong("in_progress_overdue"), rs.getLong("stopped"), rs.getLong("on_time"), rs.getLong("apologies"))).list();
    }
}
