package vn.motcua.oversight;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierHistoryImported;

/**
 * Projects the dossiers of a historical import through the same code as every other dossier event, in the import
 * chunk's transaction (its writes travel with the chunk's).
 */
@Component
class ImportedFacts {

    private final DossierFacts facts;

    ImportedFacts(DossierFacts facts) {
        this.facts = facts;
    }

    @EventListener
    void on(DossierHistoryImported imported) {
        imported.events().forEach(facts::project);
    }
}
