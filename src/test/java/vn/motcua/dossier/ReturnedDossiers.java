package vn.motcua.dossier;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static vn.motcua.dossier.DossierIntakeApiTests.citizen;
import static vn.motcua.dossier.DossierIntakeApiTests.receive;

/**
 * Dossiers of "Cấp bản sao từ sổ gốc" (2.000908) received at the Xuân Hương desk through the API, then returned. The
 * moves after receipt are written as the processing writes them (state, national code 10, one history row per move,
 * by the officers of each step), so that rating tests do not depend on every step of the processing.
 */
final class ReturnedDossiers {

    static final String RETURNED_BY = "tn.xuanhuong";
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };

    private ReturnedDossiers() {
    }

    static String make(RestClient desk, RestClient anonymous, JdbcClient jdbc, String name, String phone) {
        String code = DossierIntakeApiTests.code(desk.post().uri("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON)
                .body(receive("2.000908", "H36.201", citizen(name, phone), everything(anonymous))).retrieve().toEntity(MAP));
        UUID id = jdbc.sql("select id from dossier.dossier where code = :c").param("c", code).query(UUID.class).single();
        Instant at = Instant.now();
        move(jdbc, id, at.plusMillis(1), "cv.xuanhuong", "RECEIVED", "IN_PROCESSING", 4);
        move(jdbc, id, at.plusMillis(2), "ct.xuanhuong", "IN_PROCESSING", "RESULT_READY", 9);
        move(jdbc, id, at.plusMillis(3), RETURNED_BY, "RESULT_READY", "RETURNED", 10);
        jdbc.sql("update dossier.dossier set state = 'RETURNED', national_status = 10, version = version + 3 where id = :id")
                .param("id", id).update();
        return code;
    }

    private static void move(JdbcClient jdbc, UUID id, Instant at, String actor, String from, String to, int national) {
        jdbc.sql("""
                        insert into dossier.history (dossier_id, at, actor, from_state, to_state, national_status, public_note)
                        values (:id, :at, :actor, :from, :to, :n, :note)""")
                .param("id", id).param("at", Timestamp.from(at)).param("actor", actor).param("from", from).param("to", to)
                .param("n", national).param("note", "Đã trả kết quả").update();
    }

    /** Every document of the checklist of 2.000908, one original each, by its number (read from the public catalog). */
    static List<Map<String, Object>> everything(RestClient anonymous) {
        return everything(anonymous, "2.000908");
    }

    /** Every document of a procedure's checklist, one original each. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> everything(RestClient anonymous, String procedure) {
        var p = anonymous.get().uri("/api/v1/procedures/{c}", procedure).retrieve().toEntity(MAP).getBody();
        var record = p.containsKey("record") ? (Map<String, Object>) p.get("record") : p;
        int n = ((List<?>) record.get("documents")).size();
        var out = new ArrayList<Map<String, Object>>();
        for (int i = 1; i <= n; i++) {
            out.add(new HashMap<>(Map.of("requirement", Integer.toString(i), "originals", 1, "copies", 0)));
        }
        return out;
    }
}
