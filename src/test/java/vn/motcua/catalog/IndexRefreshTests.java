package vn.motcua.catalog;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.IntegrationTest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A decision applied on another node (written straight to the tables, no event here) reaches this node's index. */
class IndexRefreshTests extends IntegrationTest {

    @Autowired
    CatalogStore store;
    @Autowired
    ProcedureCatalog catalog;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void theIndexFollowsDecisionsAppliedElsewhere() {
        // a code of its own: a fixed one collided with the random codes other catalog tests give (9.9xxxxx): 8.97 is its own
        String code = "8.97" + fresh().substring(0, 4).replaceAll("[a-z]", "7");
        var record = DecisionsAndVersionsTests.procedure(code, "Cấp phép khai thác tổ yến ở nút khác", 5);
        var decision = new Decision(UUID.randomUUID(), "99/QĐ-UBND", LocalDate.of(2025, 7, 1), "UBND tỉnh", LocalDate.of(2025, 7, 1),
                "MANUAL", false, List.of(new Decision.Item(code, Decision.Change.NEW, record, null)));
        transactions.executeWithoutResult(status -> {
            store.insertDecision(decision, Instant.now());
            store.insertVersion(code, 1, decision.id(), LocalDate.of(2025, 7, 1), record);
            store.markApplied(decision.id(), Instant.now(), "node-2");
        });
        assertThat(catalog.search(ProcedureSearch.text("to yen nut khac", 3)).items()).extracting(ProcedureHit::code).doesNotContain(code);
        catalog.refreshIfChanged();
        assertThat(catalog.search(ProcedureSearch.text("to yen nut khac", 3)).items()).extracting(ProcedureHit::code).contains(code);
    }
}
