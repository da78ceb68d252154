package vn.motcua.dossier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.IntegrationTest;
import vn.motcua.WebSession;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text with a control character (U+0000, which PostgreSQL refuses in every text column, or another C0 control) is bad
 * input wherever it enters: a 400 naming the field, nothing written, never a fault. And a body that names an action
 * the API does not have is told which ones it has.
 */
class ControlCharacterInputTests extends IntegrationTest {

    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNulInAnIntakeFieldIsA400NamingTheFieldAndNoDossierIsWritten() {
        long before = dossiers();
        var applicant = DossierIntakeApiTests.citizen("Hà Văn Nul", DeskPagesTests.phone());
        applicant.put("address", Map.of("wardCode", "24781", "street", "12 Trần\u0000 Phú"));
        var body = DossierIntakeApiTests.receive(DossierIntakeApiTests.COPY, "H36.201", applicant, documents());
        var refused = as("tn.xuanhuong").post().uri("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(MAP);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).containsEntry("code", "unreadable-body");
        assertThat(String.valueOf(refused.getBody().get("detail"))).contains("applicant.address.street").contains("U+0000");
        assertThat(refused.getBody().get("invalidParams").toString()).contains("applicant.address.street");

        var note = DossierIntakeApiTests.receive(DossierIntakeApiTests.COPY, "H36.201",
                DossierIntakeApiTests.citizen("Hà Văn Chuông", DeskPagesTests.phone()), documents());
        note.put("note", "chuông \u0007 kêu");
        var bell = as("tn.xuanhuong").post().uri("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON).body(note)
                .retrieve().toEntity(MAP);
        assertThat(bell.getStatusCode().value()).isEqualTo(400);
        assertThat(String.valueOf(bell.getBody().get("detail"))).contains("note").contains("U+0007");
        assertThat(dossiers()).as("nothing written").isEqualTo(before);
    }

    @Test
    void tabsAndLineBreaksAreText() {
        var body = DossierIntakeApiTests.receive(DossierIntakeApiTests.COPY, "H36.201",
                DossierIntakeApiTests.citizen("Hà Thị Dòng", DeskPagesTests.phone()), documents());
        body.put("note", "dòng một\r\ndòng hai\tcột");
        var created = as("tn.xuanhuong").post().uri("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(MAP);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void aNulInAPublicRatingCommentOrAQueryParameterIsA400() throws Exception {
        var rating = anonymous().post().uri("/api/v1/public/dossiers/{c}/rating", "H36.201.01-260101-0001")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("verify", "1234", "answers", Map.of(), "comment", "tốt\u0000lắm")).retrieve().toEntity(MAP);
        assertThat(rating.getStatusCode().value()).isEqualTo(400);
        assertThat(String.valueOf(rating.getBody().get("detail"))).contains("comment").contains("U+0000");

        var query = as("tn.xuanhuong").get().uri("/api/v1/dossiers?q={q}", "nguyen\u0000").retrieve().toEntity(MAP);
        assertThat(query.getStatusCode().value()).isEqualTo(400);
        assertThat(query.getBody()).containsEntry("code", "control-character");
        assertThat(query.getBody().get("invalidParams").toString()).contains("q");

        var page = new WebSession(baseUrl(), "198.51.100.91").get("/tra-cuu?ma=H36%00");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("ký tự điều khiển").doesNotContain("Exception");
    }

    @Test
    void aSupplementAtTheDeskWithAOneWordReasonIsAFieldProblemNotAFault() {
        long before = dossiers();
        var body = DossierIntakeApiTests.receive(DossierIntakeApiTests.COPY, "H36.201",
                DossierIntakeApiTests.citizen("Hà Văn Thiếu", DeskPagesTests.phone()), documents());
        body.put("outcome", "REQUEST_SUPPLEMENT");
        body.put("note", "test");
        body.put("missing", List.of(Map.of("requirement", "1", "reason", "Bản chụp bị mờ")));
        var refused = as("tn.xuanhuong").post().uri("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(MAP);
        assertThat(refused.getStatusCode().is4xxClientError()).as(String.valueOf(refused.getBody())).isTrue();
        assertThat(refused.getBody().get("invalidParams").toString()).contains("note");
        body.put("note", "Đồng ý bổ sung");
        var accepted = as("tn.xuanhuong").post().uri("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(MAP);
        assertThat(accepted.getStatusCode().value()).as("two words, one of them short, are words").isEqualTo(201);
        assertThat(dossiers()).isEqualTo(before + 1);
    }

    @Test
    void anUnknownActionIsTold400WithTheActionsThereAre() {
        var unknown = as("pc.stp").post().uri("/api/v1/dossiers/{c}/actions", "H36.201.01-260101-0001")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("action", "FLY")).retrieve().toEntity(MAP);
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(String.valueOf(unknown.getBody().get("detail"))).contains("action").contains("\"FLY\"")
                .contains("ASSIGN").contains("COMPLETE_STEP").contains("RETURN_RESULT");
    }

    private long dossiers() {
        return jdbc.sql("select count(*) from dossier.dossier").query(Long.class).single();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> documents() {
        var p = anonymous().get().uri("/api/v1/procedures/{c}", DossierIntakeApiTests.COPY).retrieve().toEntity(MAP).getBody();
        var record = p.containsKey("record") ? (Map<String, Object>) p.get("record") : p;
        int n = ((List<Object>) record.get("documents")).size();
        var out = new ArrayList<Map<String, Object>>();
        for (int i = 1; i <= n; i++) {
            out.add(new HashMap<>(Map.of("requirement", Integer.toString(i), "originals", 1, "copies", 0)));
        }
        return out;
    }
}
