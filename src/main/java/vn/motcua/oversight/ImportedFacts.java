package vn.motcua.oversight;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierHistoryImported;
import vn.motcua.dossier.DossierState;
import vn.motcua.platform.database.PendingWrites;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Projects the dossiers of a historical import through the same code as every other dossier event, in the import
 * chunk's transaction (its writes travel with the chunk's). A dossier of years ago comes with its whole history at
 * once, so only the events that can leave a trace in the projection are fed ({@link #worthProjecting}): the result
 * is the one all of them would give (the rebuild, which feeds every event, is compared with it in the tests).
 */
@Component
class ImportedFacts {

    private final DossierFacts facts;
    private final DeskFlows desks;
    private final JdbcClient jdbc;
    private final PendingWrites writes;

    ImportedFacts(DossierFacts facts, DeskFlows desks, JdbcClient jdbc, PendingWrites writes) {
        this.facts = facts;
        this.desks = desks;
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /**
     * The chunk's dossiers are new (the import refuses a code that exists), so their facts are written with the rollup
     * trigger deferred and settled once from the final rows (V5__imported_rollups.sql): a dossier of two years ago no
     * longer passes through "open at every month since" on its way to "ended". Should any of them have a fact already
     * (it cannot, but the figures must not depend on it), the trigger does the work row by row as for every writer.
     */
    @EventListener
    void on(DossierHistoryImported imported) {
        var byDossier = new LinkedHashMap<String, List<DossierEvent>>();
        for (var e : imported.events()) {
            byDossier.computeIfAbsent(e.code(), c -> new ArrayList<>()).add(e);
        }
        String[] codes = byDossier.keySet().toArray(String[]::new);
        boolean defer = codes.length > 0 && !jdbc.sql("select exists (select 1 from oversight.dossier_fact where code = any(:codes))")
                .param("codes", codes).query(Boolean.class).single();
        // queued with the facts' upserts (which wait for the commit in PendingWrites), so they run in this order
        if (defer) {
            writes.add("call oversight.defer_rollups()", Map.of());
        }
        byDossier.values().forEach(events -> worthProjecting(events).forEach(facts::project));
        if (defer) {
            writes.add("call oversight.settle_imported(:codes)", Map.of("codes", codes));
        }
        // the desk's flow keeps the first time of each of its moments, whatever the order: every event, as the rebuild does
        imported.events().forEach(desks::project);
    }

    /**
     * The events of one dossier, in order, that {@link DossierFacts} needs to reach the row all of them give: each event
     * overwrites the row with the clock after it unless the row has a newer one, except the first apology (apologised
     * at), the first end (ended at, how) and every late hand-over (a row of late_step each), so the receipt, those
     * events and the last one are enough.
     */
    static List<DossierEvent> worthProjecting(List<DossierEvent> events) {
        var kept = new ArrayList<DossierEvent>();
        boolean apologised = false;
        boolean ended = false;
        for (int i = 0; i < events.size(); i++) {
            var e = events.get(i);
            boolean keep = i == events.size() - 1 || e instanceof DossierEvent.Received;
            if (e instanceof DossierEvent.Moved m) {
                if (m.handedOver() != null && !m.handedOver().onTime()) {
                    keep = true;
                }
                if (!apologised && m.move() == DossierAction.APOLOGIZE_AND_EXTEND) {
                    apologised = true;
                    keep = true;
                }
                if (!ended && (m.to() == DossierState.STOPPED || m.clock().resultReadyAt() != null || m.clock().returnedAt() != null)) {
                    ended = true;
                    keep = true;
                }
            }
            if (keep) {
                kept.add(e);
            }
        }
        return kept;
    }
}
