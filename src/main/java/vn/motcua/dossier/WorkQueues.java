package vn.motcua.dossier;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.organization.AccessScope;
import vn.motcua.organization.Role;
import vn.motcua.organization.SqlFilter;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static vn.motcua.dossier.DossierStore.instant;
import static vn.motcua.dossier.DossierWords.VIETNAM;

/**
 * The work queues as SQL: each queue is a predicate on the dossier row (its state, the step that holds it, its due
 * time), the caller's scope is the organisation module's {@link SqlFilter} ({@code = any(:ids)}, so the statement does
 * not grow with the organisation), sorted by due time; one more statement counts every queue at once, each queue in
 * its own subquery so that each finds the partial index of its states (docs/benchmarks.md, work queues).
 */
@Component
public class WorkQueues {

    private static final String OPEN = "state in ('RECEIVED', 'IN_PROCESSING', 'WITHDRAWAL_REQUESTED', 'PAUSED')";
    private static final String HELD = "state in ('RECEIVED', 'IN_PROCESSING', 'WITHDRAWAL_REQUESTED', 'PAUSED', 'RESULT_READY')";

    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;

    WorkQueues(JdbcClient jdbc, WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    /** One row of a queue: enough to list it and to act on it (the version to send back). */
    public record QueueItem(String code, String procedureCode, String procedureName, String applicantName, DossierState state,
                            int nationalStatus, Channel channel, @Nullable Instant receivedAt, @Nullable Instant dueAt,
                            @Nullable Instant originalDueAt, boolean extended, @Nullable String step, @Nullable String stepRole,
                            @Nullable UUID stepAgencyId, @Nullable String stepUnit, @Nullable String assignee,
                            @Nullable Instant stepDueAt, String handlingAgency, int version, boolean overdue) {
    }

    /**
     * A page of one queue, with the count of every queue for the same caller and filters; {@code queue} null: every
     * dossier of the caller's scope that the filters match, in any state (a search by state, agency or due time).
     */
    public record QueuePage(@Nullable WorkQueue queue, int page, int size, long total, Map<String, Long> counts, List<QueueItem> items) {
    }

    QueuePage page(String username, AccessScope scope, @Nullable WorkQueue queue, @Nullable DossierState state, @Nullable UUID agencyId,
                   @Nullable Instant dueBefore, int page, int size, Instant now) {
        var params = new HashMap<String, Object>();
        Map<WorkQueue, String> conditions = conditions(username, scope, now, params);
        var filters = new StringBuilder();
        if (state != null) {
            filters.append(" and state = :fstate");
            params.put("fstate", state.name());
        }
        if (agencyId != null) {
            filters.append(" and (handling_agency_id = :fagency or step_agency_id = :fagency or receiving_agency_id = :fagency)");
            params.put("fagency", agencyId);
        }
        if (dueBefore != null) {
            filters.append(" and due_at < :fdue");
            params.put("fdue", Timestamp.from(dueBefore));
        }
        // each queue counted by its own subquery, so each uses the partial index of its states and scope columns (one
        // count over the OR of every queue's conditions could use none of them: 0.3-1.9 s at a million dossiers)
        var counts = new StringBuilder("select ");
        for (WorkQueue q : WorkQueue.values()) {
            counts.append(q == WorkQueue.MINE ? "" : ", ");
            if ((q == WorkQueue.UNIT && scope.roles().isEmpty()) || (q == WorkQueue.CONSULTATIONS && !answersConsultations(scope))) {
                counts.append("0"); // no role: no step can wait for this caller
            } else {
                counts.append("(select count(*) from dossier.dossier where ").append(conditions.get(q)).append(filters).append(")");
            }
            counts.append(" as ").append(q.name().toLowerCase());
        }
        Map<String, Long> countMap = jdbc.sql(counts.toString()).params(params).query((rs, n) -> {
            var m = new LinkedHashMap<String, Long>();
            for (WorkQueue q : WorkQueue.values()) {
                m.put(q.param(), rs.getLong(q.name().toLowerCase()));
            }
            return m;
        }).single();
        String order = queue == null ? "due_at nulls last, code" : switch (queue) {
            case MINE, UNIT -> "step_due_at nulls last, code";
            case ONLINE_AWAITING_ACCEPTANCE -> "submitted_at, code";
            case CONSULTATIONS -> "(select min(k.due_at) from dossier.consultation k where k.dossier_id = dossier.id and k.answered_at is null), code";
            case DUE_TODAY, OVERDUE, DUE_SOON, AWAITING_APPLICANT -> "due_at nulls last, code";
        };
        String condition = queue == null ? inScope(scope, params) : conditions.get(queue);
        long total = queue == null ? jdbc.sql("select count(*) from dossier.dossier where " + condition + filters).params(params)
                .query(Long.class).single() : countMap.getOrDefault(queue.param(), 0L);
        params.put("limit", size);
        params.put("offset", (long) page * size); // a page number past any end is an empty page, never an overflow
        var items = jdbc.sql("""
                        select code, procedure_code, procedure_name, applicant_name, state, national_status, channel, received_at,
                            due_at, original_due_at, extended, step_name, step_role, step_agency_id, step_unit_name, step_assignee,
                            step_due_at, handling_agency_name, version
                        from dossier.dossier where\s""" + condition + filters + " order by " + order
                        + " limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> {
                    Instant due = instant(rs, "due_at");
                    DossierState st = DossierState.valueOf(rs.getString("state"));
                    return new QueueItem(rs.getString("code"), rs.getString("procedure_code"), rs.getString("procedure_name"),
                            rs.getString("applicant_name"), st, rs.getInt("national_status"), Channel.valueOf(rs.getString("channel")),
                            instant(rs, "received_at"), due, instant(rs, "original_due_at"), rs.getBoolean("extended"),
                            rs.getString("step_name"), rs.getString("step_role"), rs.getObject("step_agency_id", UUID.class),
                            rs.getString("step_unit_name"), rs.getString("step_assignee"), instant(rs, "step_due_at"),
                            rs.getString("handling_agency_name"), rs.getInt("version"), st.isOpen() && due != null && due.isBefore(now));
                })
                .list();
        return new QueuePage(queue, page, size, total, countMap, items);
    }

    /** Every dossier the caller's scope reaches: handled, held at a step, or received by one of its agencies or units. */
    private static String inScope(AccessScope scope, Map<String, Object> params) {
        String handling = scope.sqlFilter("handling_agency_id").predicate().replace(":scopeAgencies", ":anyAgencies");
        String receiving = scope.sqlFilter("receiving_agency_id").predicate().replace(":scopeAgencies", ":anyAgencies");
        String held = scope.sqlFilter("step_agency_id", "step_unit_id").predicate();
        params.put("unitAgencies", scope.units().keySet().toArray(java.util.UUID[]::new));
        return "(" + handling + " or " + receiving + " or " + held + " or " + consulted(scope, false) + ")";
    }

    /** Roles that answer a consultation for their agency (DossierProcessing#answers). */
    private static boolean answersConsultations(AccessScope scope) {
        return scope.has(Role.SPECIALIST) || scope.has(Role.UNIT_HEAD) || scope.has(Role.ASSIGNER) || scope.has(Role.SIGNER)
                || scope.wholeProvince();
    }

    /**
     * A consultation of the dossier addressed to the scope (open only, or any): its agency or unit, or its agency when
     * it names no unit and the caller holds a role on one of that agency's units (as {@code DossierCase.Actor#holds}).
     */
    private static String consulted(AccessScope scope, boolean openOnly) {
        String to = scope.sqlFilter("k.agency_id", "k.unit_id").predicate();
        return "exists (select 1 from dossier.consultation k where k.dossier_id = dossier.id" + (openOnly ? " and k.answered_at is null" : "")
                + " and (" + to + " or (k.unit_id is null and k.agency_id = any(:unitAgencies))))";
    }

    private Map<WorkQueue, String> conditions(String username, AccessScope scope, Instant now, Map<String, Object> params) {
        SqlFilter work = scope.sqlFilter("step_agency_id", "step_unit_id");
        params.putAll(work.params());
        // the one-column filter names its parameter as the two-column one does, with other ids: rename it
        SqlFilter handling = scope.sqlFilter("handling_agency_id");
        String handlingPredicate = handling.predicate().replace(":scopeAgencies", ":anyAgencies");
        handling.params().forEach((k, v) -> params.put(k.equals("scopeAgencies") ? "anyAgencies" : k, v));
        String receivingPredicate = scope.sqlFilter("receiving_agency_id").predicate().replace(":scopeAgencies", ":anyAgencies");
        params.put("me", username);
        params.put("roles", scope.roles().stream().map(Role::name).toArray(String[]::new));
        params.put("now", Timestamp.from(now));
        LocalDate today = LocalDate.ofInstant(now, VIETNAM);
        params.put("endOfToday", Timestamp.from(today.plusDays(1).atStartOfDay(VIETNAM).toInstant()));
        Instant oneWorkingDay = calendar.due(DossierClock.local(now), 1, DurationUnit.WORKING_DAY, null).due().atZone(VIETNAM).toInstant();
        params.put("soon", Timestamp.from(oneWorkingDay));
        // the centre's manager watches the dossiers received at the centre, wherever they are handled
        String mine = "(" + work.predicate() + " or " + handlingPredicate
                + (scope.has(Role.CENTRE_MANAGER) ? " or " + receivingPredicate : "") + ")";
        var out = new EnumMap<WorkQueue, String>(WorkQueue.class);
        out.put(WorkQueue.MINE, "step_assignee = :me and " + HELD);
        // a step that names no unit (assigned without one) belongs to its agency: the unit-scoped holders of its role
        // there may take it (DossierCase.Actor.holds), so it is in their unit's queue too
        params.put("unitAgencies", scope.units().keySet().toArray(java.util.UUID[]::new));
        out.put(WorkQueue.UNIT, HELD + " and step_assignee is null and step_role = any(:roles) and (" + work.predicate()
                + " or (step_unit_id is null and step_agency_id = any(:unitAgencies)))");
        out.put(WorkQueue.DUE_TODAY, OPEN + " and due_at >= :now and due_at < :endOfToday and " + mine);
        out.put(WorkQueue.OVERDUE, OPEN + " and due_at < :now and " + mine);
        out.put(WorkQueue.DUE_SOON, OPEN + " and due_at >= :now and due_at <= :soon and " + mine);
        out.put(WorkQueue.AWAITING_APPLICANT, "state in ('AWAITING_INTAKE_SUPPLEMENT', 'AWAITING_SUPPLEMENT', 'AWAITING_PAYMENT') and ("
                + mine + " or " + receivingPredicate + ")");
        out.put(WorkQueue.ONLINE_AWAITING_ACCEPTANCE, "state = 'SUBMITTED' and " + receivingPredicate);
        out.put(WorkQueue.CONSULTATIONS, "open_consultations > 0 and " + consulted(scope, true));
        return out;
    }
}
