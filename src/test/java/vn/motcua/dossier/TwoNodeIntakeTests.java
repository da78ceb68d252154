package vn.motcua.dossier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import vn.motcua.IntegrationTest;
import vn.motcua.MotcuaApplication;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one database receive for the same desk at the same moment, through HTTP as desks do:
 * every dossier gets its own code, and the day's numbers run without a gap.
 */
class TwoNodeIntakeTests extends IntegrationTest {

    static ConfigurableApplicationContext other;

    @BeforeAll
    static void startSecondNode(@Autowired Environment environment) {
        other = new SpringApplicationBuilder(MotcuaApplication.class).run(
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                "--server.port=0", "--motcua.demo-data.enabled=false");
    }

    @AfterAll
    static void stopSecondNode() {
        if (other != null) {
            other.close();
        }
    }

    @Test
    void desksOnTwoNodesNeverShareACode() throws Exception {
        String otherUrl = "http://localhost:" + other.getEnvironment().getProperty("local.server.port");
        List<Map<String, Object>> documents = everything();
        Set<String> codes = ConcurrentHashMap.newKeySet();
        var failures = new ConcurrentHashMap<Integer, String>();
        var start = new CountDownLatch(1);
        List<Thread> desks = new ArrayList<>();
        for (int d = 0; d < 8; d++) {
            RestClient client = client(d % 2 == 0 ? baseUrl() : otherUrl);
            int desk = d;
            desks.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    for (int i = 0; i < 10; i++) {
                        var body = DossierIntakeApiTests.receive(DossierIntakeApiTests.COPY, "H36.204",
                                DossierIntakeApiTests.citizen("Người Nộp " + desk + " " + i, "0912345678"), documents);
                        var response = client.post().uri("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON).body(body)
                                .retrieve().toEntity(DossierIntakeApiTests.MAP);
                        if (response.getStatusCode().value() == 201) {
                            codes.add((String) response.getBody().get("code"));
                        } else {
                            failures.put(desk * 100 + i, response.getStatusCode() + " " + response.getBody());
                        }
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        start.countDown();
        for (Thread t : desks) {
            t.join();
        }
        assertThat(failures).isEmpty();
        assertThat(codes).hasSize(80);
        var sequences = codes.stream().mapToLong(DossierIntakeApiTests::sequence).sorted().toArray();
        assertThat(sequences[79] - sequences[0]).as("80 numbers in a row, no gap, none twice").isEqualTo(79);
    }

    private RestClient client(String base) {
        return RestClient.builder().baseUrl(base).defaultStatusHandler(HttpStatusCode::isError, (q, r) -> { })
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString(("tn.bacgianghia:" + DEMO_PASSWORD).getBytes()))
                .build();
    }

    private List<Map<String, Object>> everything() {
        var p = anonymous().get().uri("/api/v1/procedures/{c}", DossierIntakeApiTests.COPY).retrieve().toEntity(DossierIntakeApiTests.MAP).getBody();
        int n = ((List<?>) ((Map<?, ?>) p.get("record")).get("documents")).size();
        var out = new ArrayList<Map<String, Object>>();
        for (int i = 1; i <= n; i++) {
            out.add(Map.of("requirement", Integer.toString(i), "originals", 1, "copies", 0));
        }
        return out;
    }
}
