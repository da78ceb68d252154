package vn.motcua.dossier;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.platform.database.PendingWrites;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static vn.motcua.dossier.DossierStore.instant;
import static vn.motcua.dossier.DossierStore.ts;

/**
 * The processing columns of {@code dossier.dossier} and the hand-over and consultation tables. A move is one
 * version-checked UPDATE queued with its history, hand-over and audit rows in {@link PendingWrites}: one round trip.
 */
@Repository
class ProcessingStore {

    private static final TypeReference<List<Progress.PlannedStep>> PLAN = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final PendingWrites writes;
    private final JsonMapper json;

    ProcessingStore(JdbcClient jdbc, PendingWrites writes, JsonMapper json) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.json = json;
    }

    Progress progress(ResultSet rs) throws SQLException {
        String planJson = rs.getString("plan");
        List<Progress.PlannedStep> plan = planJson == null ? List.of() : json.readValue(planJson, PLAN);
        Integer stepIndex = (Integer) rs.getObject("step_index");
        var current = new ArrayList<Progress.CurrentStep>();
        if (stepIndex != null && rs.getObject("step_agency_id") != null) {
            current.add(new Progress.CurrentStep(rs.getString("step_name"), rs.getString("step_role"),
                    stepIndex < plan.size() ? plan.get(stepIndex).agency() : "", rs.getString("step_unit_name"), rs.getString("step_assignee"),
                    instant(rs, "step_due_at"), stepIndex, rs.getObject("step_agency_id", UUID.class), rs.getObject("step_unit_id", UUID.class),
                    instant(rs, "step_started_at"), null));
        }
        String policy = rs.getString("policy");
        String result = rs.getString("result");
        String returned = rs.getString("returned");
        String resume = rs.getString("resume_state");
        return new Progress(rs.getString("process_ref"), plan, stepIndex, current, instant(rs, "clock_start"),
                instant(rs, "original_due_at"), instant(rs, "index_due_at"), rs.getBoolean("extended"), rs.getString("extension_reason"),
                instant(rs, "stopped_clock_at"), resume == null ? null : DossierState.valueOf(resume),
                instant(rs, "supplement_requested_at"), instant(rs, "supplement_received_at"), rs.getInt("supplement_count"),
                rs.getInt("waited_minutes"), rs.getInt("open_consultations"), rs.getString("proposal"), rs.getString("proposal_reason"),
                instant(rs, "approved_at"), rs.getString("approved_by"),
                result == null ? null : json.readValue(result, Progress.Result.class), instant(rs, "result_ready_at"),
                instant(rs, "returned_at"), returned == null ? null : json.readValue(returned, Progress.Returned.class),
                instant(rs, "stopped_at"), policy == null ? null : storedPolicy(policy), List.of(), List.of());
    }

    /** Clock policies as stored on dossiers: a few distinct texts (one per procedure with its own), parsed once each. */
    private final java.util.concurrent.ConcurrentMap<String, ClockPolicy> policies = new java.util.concurrent.ConcurrentHashMap<>();

    private ClockPolicy storedPolicy(String text) {
        ClockPolicy known = policies.get(text);
        if (known != null) {
            return known;
        }
        ClockPolicy parsed = json.readValue(text, ClockPolicy.class);
        if (policies.size() < 1000) {
            policies.put(text, parsed);
        }
        return parsed;
    }

    /** The progress with its consultations and hand-overs, the open consultations listed among the current steps. */
    static Progress withLists(Progress p, List<Progress.Consultation> consultations, List<Progress.Handover> handovers, DossierState state) {
        var current = new ArrayList<Progress.CurrentStep>();
        if (state.isOpen() || state == DossierState.RESULT_READY) {
            current.addAll(p.currentSteps());
        }
        for (var c : consultations) {
            if (c.answeredAt() == null) {
                current.add(new Progress.CurrentStep("Lấy ý kiến: " + c.agency(), "SPECIALIST", c.agency(), null, null, c.dueAt(), null,
                        c.agencyId(), c.unitId(), c.askedAt(), c.id()));
            }
        }
        return new Progress(p.processRef(), p.plan(), p.stepIndex(), current, p.clockStart(), p.originalDueAt(), p.indexDueAt(),
                p.extended(), p.extensionReason(), p.clockStoppedAt(), p.resumeState(), p.supplementRequestedAt(),
                p.supplementReceivedAt(), p.supplementCount(), p.waitedMinutes(), p.openConsultations(), p.proposal(), p.proposalReason(),
                p.approvedAt(), p.approvedBy(), p.result(), p.resultReadyAt(), p.returnedAt(), p.returned(), p.stoppedAt(), p.policy(),
                consultations, handovers);
    }

    /**
     * Queues the move: the dossier row (only if nobody moved it since {@code c.version}: the flush fails otherwise),
     * its history, hand-overs and consultations. Nothing is sent until the transaction's next flush.
     */
    void save(DossierCase c, boolean bumpVersion) {
        var s = c.step();
        var p = new HashMap<String, @Nullable Object>();
        p.put("id", c.dossier.id());
        p.put("version", c.version);
        p.put("state", c.state.name());
        p.put("national", c.state.nationalCode());
        p.put("due", ts(c.dueAt));
        boolean holds = s != null && (c.state.isOpen() || c.state == DossierState.RESULT_READY);
        p.put("sindex", c.stepIndex);
        p.put("sname", holds ? s.name() : null);
        p.put("srole", holds ? s.role() : null);
        p.put("sagency", holds ? s.agencyId() : null);
        p.put("sunit", holds ? c.stepUnitId : null);
        p.put("sunitname", holds ? c.stepUnitName : null);
        p.put("sassignee", holds ? c.stepAssignee : null);
        p.put("sstarted", holds ? ts(c.stepStartedAt) : null);
        p.put("sdue", holds ? ts(c.stepDueAt) : null);
        p.put("clockstart", ts(c.clockStart));
        p.put("original", ts(c.originalDueAt));
        p.put("indexdue", ts(c.indexDueAt));
        p.put("extended", c.extended);
        p.put("extreason", c.extensionReason);
        p.put("stoppedclock", ts(c.stoppedClockAt));
        p.put("resume", c.resumeState == null ? null : c.resumeState.name());
        p.put("supreq", ts(c.supplementRequestedAt));
        p.put("suprec", ts(c.supplementReceivedAt));
        p.put("supcount", c.supplementCount);
        p.put("waited", c.waitedMinutes);
        p.put("consult", c.openConsultations);
        p.put("proposal", c.proposal);
        p.put("preason", c.proposalReason);
        p.put("approved", ts(c.approvedAt));
        p.put("approvedby", c.approvedBy);
        p.put("ready", ts(c.resultReadyAt));
        p.put("returnedat", ts(c.returnedAt));
        p.put("stopped", ts(c.stoppedAt));
        p.put("bump", bumpVersion ? 1 : 0);
        // the JSON columns only when the move changed them: most moves change none but the plan (who did the step)
        var sql = new StringBuilder("""
                update dossier.dossier set state = :state, national_status = :national, due_at = :due, step_index = :sindex,
                    step_name = :sname, step_role = :srole, step_agency_id = :sagency, step_unit_id = :sunit, step_unit_name = :sunitname,
                    step_assignee = :sassignee, step_started_at = :sstarted, step_due_at = :sdue, clock_start = :clockstart,
                    original_due_at = :original, index_due_at = :indexdue, extended = :extended, extension_reason = :extreason,
                    stopped_clock_at = :stoppedclock, resume_state = :resume, supplement_requested_at = :supreq,
                    supplement_received_at = :suprec, supplement_count = :supcount, waited_minutes = :waited,
                    open_consultations = :consult, proposal = :proposal, proposal_reason = :preason, approved_at = :approved,
                    approved_by = :approvedby, result_ready_at = :ready, returned_at = :returnedat, stopped_at = :stopped,
                    version = version + :bump""");
        if (!c.processRef.equals(c.processRefAsRead)) {
            sql.append(", process_ref = :ref");
            p.put("ref", c.processRef);
        }
        if (!c.plan.equals(c.planAsRead)) {
            sql.append(", plan = cast(:plan as jsonb)");
            p.put("plan", json.writeValueAsString(c.plan));
        }
        if (!c.policy.equals(c.policyAsRead)) {
            sql.append(", policy = cast(:policy as jsonb)");
            p.put("policy", json.writeValueAsString(c.policy));
        }
        if (!c.missing.equals(c.missingAsRead)) {
            sql.append(", missing = cast(:missing as jsonb)");
            p.put("missing", json.writeValueAsString(c.missing));
        }
        if (!java.util.Objects.equals(c.result, c.resultAsRead)) {
            sql.append(", result = cast(:result as jsonb)");
            p.put("result", c.result == null ? null : json.writeValueAsString(c.result));
        }
        if (!java.util.Objects.equals(c.returned, c.returnedAsRead)) {
            sql.append(", returned = cast(:returned as jsonb)");
            p.put("returned", c.returned == null ? null : json.writeValueAsString(c.returned));
        }
        writes.add(sql.append(" where id = :id and version = :version").toString(), p, 1);
        for (var h : c.newHistory) {
            var hp = new HashMap<String, @Nullable Object>();
            hp.put("dossier", c.dossier.id());
            hp.put("at", ts(h.at()));
            hp.put("actor", h.actor());
            hp.put("from", h.from() == null ? null : h.from().name());
            hp.put("to", h.to().name());
            hp.put("national", h.nationalStatus());
            hp.put("public", h.publicNote());
            hp.put("note", h.note());
            hp.put("action", h.action());
            hp.put("step", h.step());
            writes.add("""
                    insert into dossier.history (dossier_id, at, actor, from_state, to_state, national_status, public_note, note, action, step)
                    values (:dossier, :at, :actor, :from, :to, :national, :public, :note, :action, :step)""", hp, 1);
        }
        for (var h : c.newHandovers) {
            var hp = new HashMap<String, @Nullable Object>();
            hp.put("dossier", c.dossier.id());
            hp.put("at", ts(h.at()));
            hp.put("action", h.action());
            hp.put("step", h.step());
            hp.put("fa", h.fromAgencyId());
            hp.put("fan", h.fromAgency());
            hp.put("fu", h.fromUnit());
            hp.put("fp", h.fromPerson());
            hp.put("ta", h.toAgencyId());
            hp.put("tan", h.toAgency());
            hp.put("tu", h.toUnit());
            hp.put("tp", h.toPerson());
            hp.put("since", ts(h.heldSince()));
            hp.put("sdue", ts(h.stepDueAt()));
            hp.put("ontime", h.onTime());
            hp.put("late", h.lateMinutes());
            writes.add("""
                    insert into dossier.handover (dossier_id, at, action, step, from_agency_id, from_agency, from_unit, from_person,
                        to_agency_id, to_agency, to_unit, to_person, held_since, step_due_at, on_time, late_minutes)
                    values (:dossier, :at, :action, :step, :fa, :fan, :fu, :fp, :ta, :tan, :tu, :tp, :since, :sdue, :ontime, :late)""", hp, 1);
        }
        for (var k : c.newConsultations) {
            var kp = new HashMap<String, @Nullable Object>();
            kp.put("id", k.id());
            kp.put("dossier", c.dossier.id());
            kp.put("agency", k.agencyId());
            kp.put("name", k.agency());
            kp.put("unit", k.unitId());
            kp.put("question", k.question());
            kp.put("at", ts(k.askedAt()));
            kp.put("by", k.askedBy());
            kp.put("due", ts(k.dueAt()));
            writes.add("""
                    insert into dossier.consultation (id, dossier_id, agency_id, agency_name, unit_id, question, asked_at, asked_by, due_at)
                    values (:id, :dossier, :agency, :name, :unit, :question, :at, :by, :due)""", kp, 1);
        }
        for (var k : c.answeredConsultations) {
            var kp = new HashMap<String, @Nullable Object>();
            kp.put("id", k.id());
            kp.put("at", ts(k.answeredAt()));
            kp.put("by", k.answeredBy());
            kp.put("answer", k.answer());
            kp.put("ontime", k.onTime());
            writes.add("""
                    update dossier.consultation set answered_at = :at, answered_by = :by, answer = :answer, on_time = :ontime
                    where id = :id and answered_at is null""", kp, 1);
        }
    }

    Optional<DossierCase> load(DossierStore dossiers, String code) {
        return jdbc.sql("select " + DossierStore.ROW + " from dossier.dossier where code = :code").param("code", code).query(dossiers::row).optional()
                .map(DossierCase::new);
    }

    List<Progress.Consultation> consultations(UUID dossierId) {
        return jdbc.sql("select * from dossier.consultation where dossier_id = :id order by asked_at, id").param("id", dossierId)
                .query(this::consultation).list();
    }

    Optional<Progress.Consultation> consultation(UUID dossierId, UUID id) {
        return jdbc.sql("select * from dossier.consultation where dossier_id = :d and id = :id").param("d", dossierId).param("id", id)
                .query(this::consultation).optional();
    }

    List<Progress.Handover> handovers(UUID dossierId) {
        return jdbc.sql("select * from dossier.handover where dossier_id = :id order by id").param("id", dossierId)
                .query((rs, n) -> new Progress.Handover(rs.getTimestamp("at").toInstant(), rs.getString("action"), rs.getString("step"),
                        rs.getObject("from_agency_id", UUID.class), rs.getString("from_agency"), rs.getString("from_unit"),
                        rs.getString("from_person"), rs.getObject("to_agency_id", UUID.class), rs.getString("to_agency"),
                        rs.getString("to_unit"), rs.getString("to_person"), instant(rs, "held_since"), instant(rs, "step_due_at"),
                        rs.getBoolean("on_time"), rs.getInt("late_minutes")))
                .list();
    }

    /** The procedure's own clock policy, else the default row, else the built-in default. */
    ClockPolicy policy(String procedureCode) {
        return jdbc.sql("""
                        select * from dossier.clock_policy where procedure_code = :code or procedure_code is null
                        order by procedure_code nulls last limit 1""")
                .param("code", procedureCode)
                .query((rs, n) -> new ClockPolicy(rs.getInt("supplement_window_days"),
                        ClockPolicy.OnSupplement.valueOf(rs.getString("on_supplement")), rs.getBoolean("payment_allowed"),
                        rs.getBoolean("payment_pauses"), strings(rs.getArray("pause_reasons")), rs.getString("legal_basis")))
                .optional().orElse(ClockPolicy.standard());
    }

    /** Sets a procedure's own clock policy (null code: the default). */
    void putPolicy(@Nullable String procedureCode, ClockPolicy p) {
        var params = new HashMap<String, @Nullable Object>();
        params.put("code", procedureCode);
        params.put("days", p.supplementWindowDays());
        params.put("on", p.onSupplement().name());
        params.put("pay", p.paymentAllowed());
        params.put("pauses", p.paymentPauses());
        params.put("reasons", p.pauseReasons().toArray(String[]::new));
        params.put("basis", p.legalBasis());
        String set = "supplement_window_days = :days, on_supplement = :on, payment_allowed = :pay, payment_pauses = :pauses,"
                + " pause_reasons = :reasons, legal_basis = :basis";
        int n = jdbc.sql("update dossier.clock_policy set " + set + " where procedure_code is not distinct from :code").params(params).update();
        if (n == 0) {
            jdbc.sql("""
                            insert into dossier.clock_policy (procedure_code, supplement_window_days, on_supplement, payment_allowed,
                                payment_pauses, pause_reasons, legal_basis)
                            values (:code, :days, :on, :pay, :pauses, :reasons, :basis)""").params(params).update();
        }
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private Progress.Consultation consultation(ResultSet rs, int n) throws SQLException {
        return new Progress.Consultation(rs.getObject("id", UUID.class), rs.getObject("agency_id", UUID.class), rs.getString("agency_name"),
                rs.getObject("unit_id", UUID.class), rs.getString("question"), rs.getTimestamp("asked_at").toInstant(),
                rs.getString("asked_by"), rs.getTimestamp("due_at").toInstant(), instant(rs, "answered_at"), rs.getString("answered_by"),
                rs.getString("answer"), (Boolean) rs.getObject("on_time"));
    }
}
