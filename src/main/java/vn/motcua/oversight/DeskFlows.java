package vn.motcua.oversight;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierEventListener;
import vn.motcua.dossier.DossierState;
import vn.motcua.platform.database.PendingWrites;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Projects what the centre manager watches into {@code oversight.desk_flow}: when a dossier was submitted, received
 * (and by whom), refused, made ready, returned or stopped. Each event sets only its own columns and never clears one
 * (a first time, once set, stays), so the events may come in any order. Moves inside processing write nothing.
 */
@Component
class DeskFlows extends DossierEventListener {

    private final PendingWrites writes;

    DeskFlows(PendingWrites writes) {
        this.writes = writes;
    }

    @Override
    protected void on(DossierEvent event) {
        project(event);
    }

    void project(DossierEvent event) {
        switch (event) {
            case DossierEvent.Submitted s -> write(s, "submitted_at", s.at(), null);
            case DossierEvent.SupplementRequested s -> { }
            case DossierEvent.Refused r -> write(r, "refused_at", r.at(), null);
            case DossierEvent.Received r -> write(r, "received_at", r.at(), r.receivedBy());
            case DossierEvent.Moved m -> {
                if (m.to() == DossierState.STOPPED) {
                    write(m, "stopped_at", m.at(), null);
                } else if (m.to() == DossierState.RESULT_READY && m.from() != DossierState.RESULT_READY) {
                    write(m, "result_ready_at", m.at(), null);
                } else if (m.to() == DossierState.RETURNED && m.from() != DossierState.RETURNED) {
                    write(m, "returned_at", m.at(), null);
                }
            }
        }
    }

    private void write(DossierEvent e, String column, Instant at, @Nullable String receivedBy) {
        Map<String, @Nullable Object> p = new HashMap<>();
        p.put("code", e.code());
        p.put("agency", e.receivingAgencyId());
        p.put("channel", e.channel().name());
        p.put("at", Timestamp.from(at));
        p.put("by", receivedBy);
        writes.add("""
                insert into oversight.desk_flow (code, receiving_agency_id, channel, %1$s, received_by) values (:code, :agency, :channel, :at, :by)
                on conflict (code) do update set %1$s = coalesce(oversight.desk_flow.%1$s, excluded.%1$s),
                    received_by = coalesce(oversight.desk_flow.received_by, excluded.received_by)""".formatted(column), p);
    }
}
