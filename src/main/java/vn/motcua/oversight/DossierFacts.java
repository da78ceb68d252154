package vn.motcua.oversight;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierEventListener;
import vn.motcua.dossier.DossierState;
import vn.motcua.dossier.Progress;
import vn.motcua.platform.database.PendingWrites;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Projects the dossier module's events into {@code oversight.dossier_fact} and {@code oversight.late_step}, in the
 * transaction that publishes them (a transition shows in the figures as soon as it commits, and never without it).
 * The writes wait in {@link PendingWrites} and travel with the transition's own, so the projection costs no round
 * trip. A plain listener, like the audit's, for the same reason.
 */
@Component
class DossierFacts extends DossierEventListener {

    private final PendingWrites writes;

    DossierFacts(PendingWrites writes) {
        this.writes = writes;
    }

    @Override
    protected void on(DossierEvent event) {
        project(event);
    }

    void project(DossierEvent event) {
        switch (event) {
            // Not received yet, or never: no handling figures (the intake's own counts come from the desk's book).
            case DossierEvent.Submitted s -> { }
            case DossierEvent.SupplementRequested s -> { }
            case DossierEvent.Refused r -> { }
            case DossierEvent.Received r -> upsert(r, DossierState.RECEIVED, r.at(), r.dueAt(), r.dueAt(), false, null,
                    0, null, null, null, null, null);
            case DossierEvent.Moved m -> moved(m);
        }
    }

    private void moved(DossierEvent.Moved m) {
        var clock = m.clock();
        if (clock.receivedAt() == null) {
            return; // a move before receipt (accepting an online dossier publishes Received as well)
        }
        Instant endedAt = null;
        DossierFact.End end = null;
        if (m.to() == DossierState.STOPPED) {
            endedAt = m.at();
            end = DossierFact.End.STOPPED;
        } else if (clock.resultReadyAt() != null || clock.returnedAt() != null) {
            endedAt = clock.resultReadyAt() != null ? clock.resultReadyAt() : clock.returnedAt();
            end = m.resultKind() == Progress.Result.Kind.REFUSAL ? DossierFact.End.REFUSED : DossierFact.End.RESOLVED;
        }
        upsert(m, m.to(), clock.receivedAt(), clock.originalDueAt(), clock.dueAt(), clock.extended(),
                m.move() == vn.motcua.dossier.DossierAction.APOLOGIZE_AND_EXTEND ? m.at() : null, clock.supplementCount(),
                clock.supplementRequestedAt(), clock.supplementReceivedAt(), endedAt, end, clock.returnedAt());
        var handed = m.handedOver();
        if (handed != null && !handed.onTime()) {
            var params = new HashMap<String, @Nullable Object>();
            params.put("code", m.code());
            params.put("at", Timestamp.from(m.at()));
            params.put("step", handed.step());
            params.put("agency", handed.agencyId());
            params.put("unitId", handed.unitId());
            params.put("unit", handed.unit());
            params.put("minutes", handed.lateMinutes());
            writes.add("""
                    insert into oversight.late_step (code, at, step, agency_id, unit_id, unit, late_minutes)
                    values (:code, :at, :step, :agency, :unitId, :unit, :minutes) on conflict do nothing""", params);
        }
    }

    private void upsert(DossierEvent e, DossierState state, Instant receivedAt, @Nullable Instant originalDueAt, @Nullable Instant dueAt,
                        boolean extended, @Nullable Instant apologisedAt, int supplements, @Nullable Instant supplementRequestedAt,
                        @Nullable Instant supplementReceivedAt, @Nullable Instant endedAt, DossierFact.@Nullable End end,
                        @Nullable Instant returnedAt) {
        Map<String, @Nullable Object> p = new HashMap<>();
        p.put("code", e.code());
        p.put("receiving", e.receivingAgencyId());
        p.put("handling", e.handlingAgencyId());
        p.put("procedure", e.procedureCode());
        p.put("channel", e.channel().name());
        p.put("state", state.name());
        p.put("national", e.nationalStatus());
        p.put("received", Timestamp.from(receivedAt));
        p.put("originalDue", timestamp(originalDueAt));
        p.put("due", timestamp(dueAt));
        p.put("extended", extended);
        p.put("apologised", timestamp(apologisedAt));
        p.put("supplements", supplements);
        p.put("requested", timestamp(supplementRequestedAt));
        p.put("back", timestamp(supplementReceivedAt));
        p.put("ended", timestamp(endedAt));
        p.put("end", end == null ? null : end.name());
        p.put("returned", timestamp(returnedAt));
        p.put("at", Timestamp.from(e.at()));
        // Each event carries the whole clock after it: a newer event overwrites, an older one (late, or replayed) does not.
        writes.add("""
                insert into oversight.dossier_fact (code, receiving_agency_id, handling_agency_id, procedure_code, channel, state,
                    national_status, received_at, original_due_at, due_at, extended, apologised_at, supplement_count,
                    supplement_requested_at, supplement_received_at, ended_at, end_kind, returned_at, last_event_at)
                values (:code, :receiving, :handling, :procedure, :channel, :state, :national, :received, :originalDue, :due,
                    :extended, :apologised, :supplements, :requested, :back, :ended, :end, :returned, :at)
                on conflict (code) do update set handling_agency_id = excluded.handling_agency_id, state = excluded.state,
                    national_status = excluded.national_status, received_at = excluded.received_at,
                    original_due_at = excluded.original_due_at, due_at = excluded.due_at, extended = excluded.extended,
                    apologised_at = coalesce(oversight.dossier_fact.apologised_at, excluded.apologised_at),
                    supplement_count = excluded.supplement_count, supplement_requested_at = excluded.supplement_requested_at,
                    supplement_received_at = excluded.supplement_received_at,
                    ended_at = coalesce(oversight.dossier_fact.ended_at, excluded.ended_at),
                    end_kind = coalesce(oversight.dossier_fact.end_kind, excluded.end_kind),
                    returned_at = excluded.returned_at, last_event_at = excluded.last_event_at
                where oversight.dossier_fact.last_event_at <= excluded.last_event_at""", p);
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant t) {
        return t == null ? null : Timestamp.from(t);
    }
}
