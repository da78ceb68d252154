package vn.motcua.oversight;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierHistoryImported;
import vn.motcua.dossier.DossierState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

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

    ImportedFacts(DossierFacts facts, DeskFlows desks) {
        this.facts = facts;
        this.desks = desks;
    }

    @EventListener
    void on(DossierHistoryImported imported) {
        var byDossier = new LinkedHashMap<String, List<DossierEvent>>();
        for (var e : imported.events()) {
            byDossier.computeIfAbsent(e.code(), c -> new ArrayList<>()).add(e);
        }
        byDossier.values().forEach(events -> worthProjecting(events).forEach(facts::project));
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
