package vn.motcua.oversight;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.platform.TimeConfiguration;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

        /** These counts and {@code other}'s (none: these alone) under {@code key}. */
        Counts plus(@Nullable Counts other, String key) {
            var o = other == null ? new Counts(key, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0) : other;
            return new Counts(key, received + o.received, carriedOver + o.carriedOver, newDirect + o.newDirect, newOnline + o.newOnline,
                    newPostal + o.newPostal, resolved + o.resolved, resolvedEarly + o.resolvedEarly, resolvedLate + o.resolvedLate,
                    refused + o.refused, inProgressOnTime + o.inProgressOnTime, inProgressOverdue + o.inProgressOverdue, stopped + o.stopped,
                    onTime + o.onTime, apologies + o.apologies);
        }
    }

    /**
     * The dossiers of a period with what the figures judge them by: {@code ended_in} (ended before the period's end),
     * {@code effective} (the moment judged less the supplement interval up to it), {@code late}, {@code result}.
     */
    private static final String JUDGED = """
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
                       coalesce(end_kind, 'RESOLVED') <> 'STOPPED' as result,
                       exists (select 1 from oversight.dossier_rating r where r.code = j.code and r.dissatisfied and r.rated_at < :end) as dissatisfied
                from j
            )
            """;

    /**
     * Every figure as the condition a dossier of {@link #JUDGED} meets to be counted in it: the figures count them and
     * the drill-down lists them by the same words, so a list always has as many dossiers as its figure.
     */
    enum Figure {
        RECEIVED("true"),
        CARRIED_OVER("received_at < :start"),
        NEW("received_at >= :start"),
        NEW_DIRECT("received_at >= :start and channel = 'DIRECT'"),
        NEW_ONLINE("received_at >= :start and channel = 'ONLINE'"),
        NEW_POSTAL("received_at >= :start and channel = 'POSTAL'"),
        RESOLVED("ended_in and result"),
        RESOLVED_EARLY("ended_in and result and not late and original_due_at is not null and (effective at time zone 'Asia/Ho_Chi_Minh')::date"
                + " < (original_due_at at time zone 'Asia/Ho_Chi_Minh')::date"),
        RESOLVED_ON_TIME("ended_in and result and not late and not (original_due_at is not null and (effective at time zone 'Asia/Ho_Chi_Minh')::date"
                + " < (original_due_at at time zone 'Asia/Ho_Chi_Minh')::date)"),
        RESOLVED_LATE("ended_in and result and late"),
        REFUSED("ended_in and end_kind = 'REFUSED'"),
        IN_PROGRESS("not ended_in"),
        IN_PROGRESS_ON_TIME("not ended_in and not late"),
        IN_PROGRESS_OVERDUE("not ended_in and late"),
        STOPPED("ended_in and not result"),
        ON_TIME("not late"),
        LATE("late"),
        APOLOGIES("apologised_at >= :start and apologised_at < :end"),
        /** Resolved with an appointment: the dossiers 2.2 (time taken against the legal time) is averaged over. */
        TIMED("ended_in and result and original_due_at is not null and original_due_at > received_at"),
        /** Rated dissatisfied by the applicant by the period's end (5.4). */
        DISSATISFIED("dissatisfied");

        final String condition;

        Figure(String condition) {
            this.condition = condition;
        }

        /** How many dossiers of a cell this figure counts, or null when the figures do not keep it (2.2, 5.4). */
        @Nullable Long of(Counts c) {
            return switch (this) {
                case RECEIVED -> c.received();
                case CARRIED_OVER -> c.carriedOver();
                case NEW -> c.newDirect() + c.newOnline() + c.newPostal();
                case NEW_DIRECT -> c.newDirect();
                case NEW_ONLINE -> c.newOnline();
                case NEW_POSTAL -> c.newPostal();
                case RESOLVED -> c.resolved();
                case RESOLVED_EARLY -> c.resolvedEarly();
                case RESOLVED_ON_TIME -> c.resolved() - c.resolvedEarly() - c.resolvedLate();
                case RESOLVED_LATE -> c.resolvedLate();
                case REFUSED -> c.refused();
                case IN_PROGRESS -> c.inProgressOnTime() + c.inProgressOverdue();
                case IN_PROGRESS_ON_TIME -> c.inProgressOnTime();
                case IN_PROGRESS_OVERDUE -> c.inProgressOverdue();
                case STOPPED -> c.stopped();
                case ON_TIME -> c.onTime();
                case LATE -> c.received() - c.onTime();
                case APOLOGIES -> c.apologies();
                case TIMED, DISSATISFIED -> null;
            };
        }
    }

    private static final String FIGURES = JUDGED + """
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

    /**
     * Indicators 2.2 and 5.4 of a period: over the dossiers resolved with an appointment, the minutes they took (from
     * receipt to the end, less the supplement interval) and the minutes the law gave them (receipt to the appointment
     * without extension); over all counted, how many were late and how many rated dissatisfied.
     */
    private static final String QUALITY = JUDGED + """
            select count(*) as counted,
                   count(*) filter (where late) as late,
                   count(*) filter (where dissatisfied) as dissatisfied,
                   count(*) filter (where {timed}) as timed,
                   coalesce(round(sum(extract(epoch from effective - received_at)) filter (where {timed}) / 60), 0)::bigint as taken_minutes,
                   coalesce(round(sum(extract(epoch from original_due_at - received_at)) filter (where {timed}) / 60), 0)::bigint as legal_minutes
            from k""".replace("{timed}", Figure.TIMED.condition);

    /** @param timed dossiers resolved with an appointment; minutes taken and given over them (2.2); late and dissatisfied of counted (5.4) */
    record Quality(long counted, long late, long dissatisfied, long timed, long takenMinutes, long legalMinutes) {
    }

    /** One dossier behind a figure, as the drill-down lists it. */
    record Listed(String code, String procedureCode, java.util.UUID agencyId, String channel, Instant receivedAt, @Nullable Instant dueAt,
                  @Nullable Instant originalDueAt, @Nullable Instant endedAt, @Nullable String endKind, String state, boolean late) {
    }

    /**
     * {@link #JUDGED} for several windows at once (the dashboard's twelve months in one query): the same words with
     * each window's start and end in place of the period's, so a month of the trend counts what its figures count.
     */
    private static final String TREND = trend();

    private static String trend() {
        String from = "from oversight.dossier_fact f\n    where f.received_at < :end and (f.ended_at is null or f.ended_at >= :start)";
        if (!JUDGED.contains(from) || !JUDGED.startsWith("with f as (") || !JUDGED.contains("r.rated_at < :end")) {
            throw new IllegalStateException("the trend query no longer matches the figures' words");
        }
        return JUDGED.replace(from, "from w join oversight.dossier_fact f on f.received_at < w.e and (f.ended_at is null or f.ended_at >= w.s)")
                .replaceFirst(java.util.regex.Pattern.quote("select f.*,"), "select w.s as window_start, w.e as window_end, f.*,") // f's own select only
                .replace("r.rated_at < :end", "r.rated_at < window_end") // past f, the window is a column
                .replace("cast(:end as timestamptz)", "w.e").replace(":end", "w.e").replace(":start", "w.s")
                .replace("with f as (", "with w as (select * from unnest(cast(cast(:starts as text[]) as timestamptz[]), "
                        + "cast(cast(:ends as text[]) as timestamptz[])) as t(s, e)), f as (")
                + "select window_start, count(*) as received, count(*) filter (where not late) as on_time from k group by 1";
    }

    /**
     * Received and on time in each window {start, end} (a window not begun counts nothing), by its start: from the
     * rollups for the windows they can count (whole months), the others in one query over the facts.
     */
    Map<Instant, long[]> trend(@Nullable Collection<UUID> agencies, List<Instant[]> windows) {
        var out = new HashMap<Instant, long[]>();
        var scan = new ArrayList<Instant[]>();
        var months = new ArrayList<LocalDate>();
        var boundaries = new ArrayList<LocalDate>();
        Plan recent = null;
        var startOf = new HashMap<LocalDate, Instant>();
        for (var w : windows) {
            if (!w[1].isAfter(w[0])) {
                continue;
            }
            var plan = plan(w[0], w[1]);
            if (plan == null || !plan.until().equals(plan.from().plusMonths(1)) || (plan.recent() && recent != null)) {
                scan.add(w); // not a month the rollups count, or a second one running up to now
                continue;
            }
            startOf.put(plan.from(), w[0]);
            if (plan.recent()) {
                recent = plan;
            } else {
                months.add(plan.from());
                boundaries.add(plan.until());
            }
        }
        if (!startOf.isEmpty()) {
            String scope = agencies == null ? "" : " and handling_agency_id = any(:agencies)";
            // months that are over: their ended dossiers and the open ones at the boundary after each, for all at once
            var sql = new StringBuilder("select w, sum(n) as received, sum(on_time) as on_time from (")
                    .append("select ended_month as w, n, on_time from oversight.figure_ended where ended_month = any(cast(cast(:months as text[]) as date[]))")
                    .append(scope)
                    .append(" union all select ended_month, n, on_time from oversight.figure_ended_delta where ended_month = any(cast(cast(:months as text[]) as date[]))")
                    .append(scope)
                    .append(" union all select (boundary - interval '1 month')::date, n, n - late from oversight.open_boundary")
                    .append(" where boundary = any(cast(cast(:boundaries as text[]) as date[]))").append(scope)
                    .append(" union all select (boundary - interval '1 month')::date, n, n - late from oversight.open_boundary_delta")
                    .append(" where boundary = any(cast(cast(:boundaries as text[]) as date[]))").append(scope);
            if (recent != null) {
                // the month up to now, from the same sources as its own figures
                sql.append(recent.sql(" union all select cast(:from as date), n, on_time from ({ended}) e"
                        + " union all select cast(:from as date), n, n - late from ({open}) o", agencies));
            }
            sql.append(") x group by w having sum(n) > 0");
            var spec = jdbc.sql(sql.toString()).param("months", months.stream().map(LocalDate::toString).toArray(String[]::new))
                    .param("boundaries", boundaries.stream().map(LocalDate::toString).toArray(String[]::new));
            if (recent != null) {
                spec = recent.bind(spec, agencies);
            } else if (agencies != null) {
                spec = spec.param("agencies", agencies.toArray(UUID[]::new));
            }
            spec.query((java.sql.ResultSet rs) -> {
                out.put(startOf.get(rs.getObject("w", LocalDate.class)), new long[]{rs.getLong("received"), rs.getLong("on_time")});
            });
        }
        out.putAll(scannedTrend(agencies, scan));
        return out;
    }

    /** {@link #trend} counted from every dossier of the windows, in one query. */
    Map<Instant, long[]> scannedTrend(@Nullable Collection<UUID> agencies, List<Instant[]> windows) {
        var open = windows.stream().filter(w -> w[1].isAfter(w[0])).toList();
        var out = new HashMap<Instant, long[]>();
        if (open.isEmpty()) {
            return out;
        }
        String scope = agencies == null ? "" : "and f.handling_agency_id = any(:agencies)";
        var spec = jdbc.sql(TREND.formatted(scope))
                .param("starts", open.stream().map(w -> w[0].toString()).toArray(String[]::new))
                .param("ends", open.stream().map(w -> w[1].toString()).toArray(String[]::new));
        if (agencies != null) {
            spec = spec.param("agencies", agencies.toArray(UUID[]::new));
        }
        spec.query((java.sql.ResultSet rs) -> {
            out.put(rs.getTimestamp("window_start").toInstant(), new long[]{rs.getLong("received"), rs.getLong("on_time")});
        });
        return out;
    }

    private final JdbcClient jdbc;
    private final FigureRollups rollups;

    FactStore(JdbcClient jdbc, FigureRollups rollups) {
        this.jdbc = jdbc;
        this.rollups = rollups;
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
        if (key == Key.CHANNEL) {
            return scanned(agencies, start, end, key); // the rollups keep the channel as columns, not as a key
        }
        return cube(agencies, start, end).by(key);
    }

    /**
     * The figures of a period by procedure and agency, from which every other grouping but the channel is added up
     * ({@link Cube#by}): a page that shows several groupings counts the period once.
     */
    Cube cube(@Nullable Collection<UUID> agencies, Instant start, Instant end) {
        if (!end.isAfter(start)) {
            return new Cube(List.of());
        }
        var plan = plan(start, end);
        if (plan == null) {
            return new Cube(scanned(agencies, start, end, Key.PROCEDURE_AND_AGENCY));
        }
        return new Cube(plan.bind(jdbc.sql(plan.sql(ROLLED_FIGURES, agencies)), agencies).query(FactStore::counts).list());
    }

    /** Counts keyed {@code procedure|agency id}. */
    record Cube(List<Counts> cells) {

        /** The cells added up by another key, in the key's order. */
        List<Counts> by(Key key) {
            if (key == Key.PROCEDURE_AND_AGENCY) {
                return cells.stream().sorted(Comparator.comparing(Counts::key)).toList();
            }
            if (key == Key.CHANNEL) {
                throw new IllegalArgumentException("the cube is not kept by channel");
            }
            var sums = new TreeMap<String, Counts>();
            for (var c : cells) {
                int bar = c.key().indexOf('|');
                String k = switch (key) {
                    case ALL -> "ALL";
                    case AGENCY -> c.key().substring(bar + 1);
                    case PROCEDURE -> c.key().substring(0, bar);
                    case CHANNEL, PROCEDURE_AND_AGENCY -> throw new AssertionError();
                };
                sums.merge(k, c, (x, y) -> x.plus(y, k));
            }
            return sums.entrySet().stream().map(e -> e.getValue().plus(null, e.getKey())).toList();
        }
    }

    /** The figures counted from every dossier of the period ({@link #JUDGED}): what the rollups must give, and the way for any other period. */
    List<Counts> scanned(@Nullable Collection<UUID> agencies, Instant start, Instant end, Key key) {
        if (!end.isAfter(start)) {
            return List.of();
        }
        String scope = agencies == null ? "" : "and f.handling_agency_id = any(:agencies)";
        var spec = jdbc.sql(FIGURES.formatted(scope, key.sql)).param("start", Timestamp.from(start)).param("end", Timestamp.from(end));
        if (agencies != null) {
            spec = spec.param("agencies", agencies.toArray(UUID[]::new));
        }
        return spec.query(FactStore::counts).list();
    }

    private static Counts counts(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Counts(rs.getString("key"), rs.getLong("received"), rs.getLong("carried_over"),
                rs.getLong("new_direct"), rs.getLong("new_online"), rs.getLong("new_postal"), rs.getLong("resolved"),
                rs.getLong("early"), rs.getLong("resolved_late"), rs.getLong("refused"), rs.getLong("in_progress_on_time"),
                rs.getLong("in_progress_overdue"), rs.getLong("stopped"), rs.getLong("on_time"), rs.getLong("apologies"));
    }

    /**
     * How a period can be counted from the rollups (migration V3, {@link FigureRollups}), or null when it cannot and
     * every dossier is read. It must begin on a month's first day (Vietnam time); then either
     * <ul>
     *   <li>it ends on a month boundary already rolled, at most twelve months after its start: the dossiers that ended
     *       in its months from {@code figure_ended}, those open at its end from {@code open_boundary};</li>
     *   <li>or it ends after the last boundary rolled (this month, up to now): the dossiers that ended in its months
     *       from {@code figure_ended}, less any that ended after the end itself, and those open at its end from the
     *       facts (the open ones, a partial index).</li>
     * </ul>
     */
    private @Nullable Plan plan(Instant start, Instant end) {
        var s = start.atZone(TimeConfiguration.VIETNAM);
        if (!s.toLocalTime().equals(LocalTime.MIDNIGHT) || s.getDayOfMonth() != 1) {
            return null;
        }
        LocalDate first = s.toLocalDate();
        LocalDate rolled = rollups.rolledTo();
        Instant rolledAt = monthStart(rolled);
        var e = end.atZone(TimeConfiguration.VIETNAM);
        LocalDate endMonth = e.toLocalDate().withDayOfMonth(1);
        boolean boundary = e.toLocalTime().equals(LocalTime.MIDNIGHT) && e.getDayOfMonth() == 1;
        if (boundary && !end.isAfter(rolledAt)) {
            return first.isBefore(endMonth.minusMonths(12)) ? null : new Plan(start, end, first, endMonth, false);
        }
        if (end.isAfter(rolledAt)) {
            return new Plan(start, end, first, endMonth.plusMonths(1), true);
        }
        return null;
    }

    /** Whether the period is counted from the rollups (else every dossier is read). */
    boolean fromRollups(Instant start, Instant end) {
        return end.isAfter(start) && plan(start, end) != null;
    }

    private static Instant monthStart(LocalDate firstDay) {
        return firstDay.atStartOfDay(TimeConfiguration.VIETNAM).toInstant();
    }

    /**
     * @param from   the period's first month
     * @param until  the month after the last one whose ended dossiers are counted
     * @param recent the period ends after the last boundary rolled: its open dossiers are read from the facts
     */
    private record Plan(Instant start, Instant end, LocalDate from, LocalDate until, boolean recent) {

        /** {@code sql} with the sources of this plan in place of {ended}, {open} and {apologised}, scoped to the agencies. */
        String sql(String sql, @Nullable Collection<UUID> agencies) {
            String scope = agencies == null ? "" : " and handling_agency_id = any(:agencies)";
            String ended = "select * from oversight.figure_ended where ended_month >= :from and ended_month < :until" + scope
                    + " union all select * from oversight.figure_ended_delta where ended_month >= :from and ended_month < :until" + scope;
            String open;
            if (recent) {
                // ended in the end's month but at or after the end: open at the end, not ended in the period
                ended += " union all select r.* from oversight.dossier_fact f cross join lateral oversight.ended_rows(f, -1) r"
                        + " where f.ended_at >= :end and f.ended_at < oversight.month_start(cast(:until as date))" + scope.replace("handling", "f.handling");
                String columns = "handling_agency_id, procedure_code, oversight.vn_month(received_at) as received_month, 1 as n,"
                        + " (channel = 'DIRECT')::int as direct, (channel = 'ONLINE')::int as online, (channel = 'POSTAL')::int as postal, ";
                open = "select " + columns + "(:end > late_from)::int as late from oversight.open_fact where received_at < :end" + scope
                        + " union all select " + columns + "(:end > oversight.late_from(supplement_count, original_due_at, supplement_requested_at,"
                        + " supplement_received_at))::int from oversight.dossier_fact where ended_at >= :end and received_at < :end" + scope;
            } else {
                open = "select * from oversight.open_boundary where boundary = :until" + scope
                        + " union all select * from oversight.open_boundary_delta where boundary = :until" + scope;
            }
            // the apologies of the dossiers the period counts (an apology is made while a dossier is open, so nearly all)
            String apologised = "select handling_agency_id, procedure_code, count(*) as n from oversight.dossier_fact"
                    + " where apologised_at >= :start and apologised_at < :end and received_at < :end and (ended_at is null or ended_at >= :start)"
                    + scope + " group by 1, 2";
            return sql.replace("{ended}", ended).replace("{open}", open).replace("{apologised}", apologised);
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, @Nullable Collection<UUID> agencies) {
            spec = spec.param("start", Timestamp.from(start)).param("end", Timestamp.from(end)).param("from", from).param("until", until);
            return agencies == null ? spec : spec.param("agencies", agencies.toArray(UUID[]::new));
        }
    }

    /**
     * The figures of {@link #FIGURES} by procedure and agency from the rollups: the ended dossiers' columns, the open
     * ones' (all in progress, on time or overdue as judged at the end), the apologies, added up.
     */
    private static final String ROLLED_FIGURES = """
            with e as ({ended}), o as ({open}), a as ({apologised})
            select procedure_code || '|' || handling_agency_id::text as key, sum(received) as received, sum(carried_over) as carried_over,
                   sum(new_direct) as new_direct, sum(new_online) as new_online, sum(new_postal) as new_postal, sum(resolved) as resolved,
                   sum(early) as early, sum(resolved_late) as resolved_late, sum(refused) as refused,
                   sum(in_progress_on_time) as in_progress_on_time, sum(in_progress_overdue) as in_progress_overdue, sum(stopped) as stopped,
                   sum(on_time) as on_time, sum(apologies) as apologies
            from (
                select handling_agency_id, procedure_code, n as received,
                       case when received_month < :from then n else 0 end as carried_over,
                       case when received_month >= :from then direct else 0 end as new_direct,
                       case when received_month >= :from then online else 0 end as new_online,
                       case when received_month >= :from then postal else 0 end as new_postal,
                       resolved, early, resolved_late, refused, 0 as in_progress_on_time, 0 as in_progress_overdue, stopped, on_time,
                       0 as apologies
                from e
                union all
                select handling_agency_id, procedure_code, n, case when received_month < :from then n else 0 end,
                       case when received_month >= :from then direct else 0 end, case when received_month >= :from then online else 0 end,
                       case when received_month >= :from then postal else 0 end, 0, 0, 0, 0, n - late, late, 0, n - late, 0
                from o
                union all
                select handling_agency_id, procedure_code, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, n from a
            ) x
            group by handling_agency_id, procedure_code having sum(received) > 0""";

    Quality quality(@Nullable Collection<UUID> agencies, Instant start, Instant end) {
        return quality(agencies, start, end, null);
    }

    /** @param cube the period's cube when the caller has it already (counted and late are its totals) */
    Quality quality(@Nullable Collection<UUID> agencies, Instant start, Instant end, @Nullable Cube cube) {
        if (!end.isAfter(start)) {
            return new Quality(0, 0, 0, 0, 0, 0);
        }
        var plan = plan(start, end);
        if (plan == null) {
            return scannedQuality(agencies, start, end);
        }
        var all = (cube == null ? cube(agencies, start, end) : cube).by(Key.ALL);
        long counted = all.isEmpty() ? 0 : all.getFirst().received();
        long late = all.isEmpty() ? 0 : counted - all.getFirst().onTime();
        String scope = agencies == null ? "" : " and f.handling_agency_id = any(:agencies)";
        String sql = plan.sql("""
                with e as ({ended})
                select coalesce(sum(timed), 0) as timed, coalesce(round(sum(taken_us) / 60000000), 0)::bigint as taken,
                       coalesce(round(sum(legal_us) / 60000000), 0)::bigint as legal,
                       (select count(*) from oversight.dossier_rating r join oversight.dossier_fact f on f.code = r.code
                        where r.dissatisfied and r.rated_at < :end and f.received_at < :end and (f.ended_at is null or f.ended_at >= :start)
                        {scope}) as dissatisfied
                from e""".replace("{scope}", scope), agencies);
        return plan.bind(jdbc.sql(sql), agencies).query((rs, n) -> new Quality(counted, late, rs.getLong("dissatisfied"), rs.getLong("timed"),
                rs.getLong("taken"), rs.getLong("legal"))).single();
    }

    /** {@link #quality} counted from every dossier of the period. */
    Quality scannedQuality(@Nullable Collection<UUID> agencies, Instant start, Instant end) {
        if (!end.isAfter(start)) {
            return new Quality(0, 0, 0, 0, 0, 0);
        }
        String scope = agencies == null ? "" : "and f.handling_agency_id = any(:agencies)";
        var spec = jdbc.sql(QUALITY.formatted(scope))
                .param("start", Timestamp.from(start)).param("end", Timestamp.from(end));
        if (agencies != null) {
            spec = spec.param("agencies", agencies.toArray(UUID[]::new));
        }
        return spec.query((rs, n) -> new Quality(rs.getLong("counted"), rs.getLong("late"), rs.getLong("dissatisfied"), rs.getLong("timed"),
                rs.getLong("taken_minutes"), rs.getLong("legal_minutes"))).single();
    }

    /** The dossiers behind one figure, newest receipt first, a page at a time, and how many there are in all. */
    record Page(long total, List<Listed> rows) {
    }

    Page list(@Nullable Collection<UUID> agencies, Instant start, Instant end, Figure measure, @Nullable Collection<String> procedures, int limit, int offset) {
        if (!end.isAfter(start)) {
            return new Page(0, List.of());
        }
        String scope = (agencies == null ? "" : "and f.handling_agency_id = any(:agencies)")
                + (procedures == null ? "" : " and f.procedure_code = any(:procedures)");
        // how many there are: from the period's cube when it is counted from the rollups (a page of the newest then
        // reads only as far back as it needs), else counted with the page
        Long counted = null;
        if (plan(start, end) != null) {
            var wanted = procedures == null ? null : Set.copyOf(procedures);
            counted = cube(agencies, start, end).cells().stream()
                    .filter(c -> wanted == null || wanted.contains(c.key().substring(0, c.key().indexOf('|'))))
                    .map(measure::of).reduce(0L, (a, b) -> a == null || b == null ? null : a + b, (a, b) -> a == null || b == null ? null : a + b);
        }
        String body = JUDGED.formatted(scope) + "select *" + (counted == null ? ", count(*) over () as total" : ", -1 as total")
                + " from k where " + measure.condition + " order by received_at desc, code limit :limit offset :offset";
        var spec = jdbc.sql(body).param("start", Timestamp.from(start)).param("end", Timestamp.from(end))
                .param("limit", limit).param("offset", offset);
        if (agencies != null) {
            spec = spec.param("agencies", agencies.toArray(UUID[]::new));
        }
        if (procedures != null) {
            spec = spec.param("procedures", procedures.toArray(String[]::new));
        }
        long[] total = {-1};
        var rows = spec.query((rs, n) -> {
            total[0] = rs.getLong("total");
            return new Listed(rs.getString("code"), rs.getString("procedure_code"), rs.getObject("handling_agency_id", UUID.class),
                    rs.getString("channel"), instant(rs.getTimestamp("received_at")), instant(rs.getTimestamp("due_at")),
                    instant(rs.getTimestamp("original_due_at")), rs.getBoolean("ended_in") ? instant(rs.getTimestamp("ended_at")) : null,
                    rs.getBoolean("ended_in") ? rs.getString("end_kind") : null, rs.getString("state"), rs.getBoolean("late"));
        }).list();
        if (counted != null) {
            return new Page(counted, rows);
        }
        if (rows.isEmpty() && offset > 0) {
            // past the last page: still say how many there are
            var count = jdbc.sql(JUDGED.formatted(scope) + "select count(*) from k where " + measure.condition)
                    .param("start", Timestamp.from(start)).param("end", Timestamp.from(end));
            if (agencies != null) {
                count = count.param("agencies", agencies.toArray(UUID[]::new));
            }
            if (procedures != null) {
                count = count.param("procedures", procedures.toArray(String[]::new));
            }
            return new Page(count.query(Long.class).single(), rows);
        }
        return new Page(Math.max(total[0], 0), rows);
    }

    private static @Nullable Instant instant(java.sql.@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
