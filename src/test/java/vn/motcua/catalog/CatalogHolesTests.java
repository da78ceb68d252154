package vn.motcua.catalog;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import vn.motcua.IntegrationTest;
import vn.motcua.audit.AuditLog;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 8's smaller holes in the catalog: drafting is audited, and an agency's process needs scope over the agency. */
class CatalogHolesTests extends IntegrationTest {

    @Autowired
    PublishingDecisions decisions;
    @Autowired
    AuditLog audit;

    @Test
    void draftingADecisionIsAudited() {
        String code = "9.91" + (4000 + Integer.parseInt(unique()));
        decisions.draft("95/QĐ-UBND-" + code, LocalDate.of(2026, 1, 2), "UBND tỉnh", LocalDate.of(2026, 1, 15),
                List.of(new Decision.Item(code, Decision.Change.NEW, DecisionsAndVersionsTests.procedure(code, "Thủ tục soạn thử", 5), null)));
        assertThat(audit.recent(20)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("DECISION_DRAFTED");
            assertThat(e.target()).isEqualTo("decision:95/QĐ-UBND-" + code);
        });
    }

    @Test
    void aCentreCatalogOfficerCannotApproveACommunesOwnProcess() {
        var body = Map.of("agencyElectronicId", "H36.201", "decisionNumber", "81/QĐ-UBND", "decisionDate", "2025-07-05",
                "validFrom", "2025-07-05", "steps", List.of(Map.of("name", "Thụ lý", "role", "SPECIALIST", "duration", 1,
                        "timeUnit", "WORKING_DAY", "maySupplement", false, "mayProposeRefusal", false)));
        var refused = as("kstthc").post().uri("/api/v1/procedures/{c}/processes", "1.000178").body(body).retrieve()
                .toEntity(new ParameterizedTypeReference<Map<String, Object>>() { });
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).containsEntry("code", "forbidden");
    }
}
