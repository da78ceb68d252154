package vn.motcua;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

import java.util.Base64;

/**
 * The whole application on a random port, on the test database (embedded PostgreSQL, or the server named by
 * MOTCUA_TEST_DB_URL) with the demo province loaded. Every subclass shares one context, so tests create
 * their own uniquely named data instead of relying on a clean database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.context.annotation.Import(SqlStatements.class)
public abstract class IntegrationTest {

    public static final String DEMO_PASSWORD = "motcua@2026";

    @Value("${local.server.port}")
    protected int port;

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** A client that never throws on 4xx/5xx, so tests can assert on problem details. */
    protected RestClient as(String username) {
        var builder = RestClient.builder().baseUrl(baseUrl())
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { });
        if (username != null) {
            String token = Base64.getEncoder().encodeToString((username + ":" + DEMO_PASSWORD).getBytes());
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + token);
        }
        return builder.build();
    }

    protected RestClient anonymous() {
        return as(null);
    }

    /** A short unique suffix for names and codes made by one test. */
    protected static String unique() {
        return Integer.toString(NEXT.getAndIncrement());
    }

    /** A fresh electronic ID of the demo province for one test's agency, for example {@code H36.917}. */
    protected static String uniqueElectronicId() {
        return "H36.9%02d".formatted(NEXT.getAndIncrement() % 100);
    }

    /**
     * A suffix no earlier run on the same database has used (lowercase letters and digits), for tests that run
     * against a PostgreSQL server which keeps its data between runs.
     */
    protected static String fresh() {
        return Long.toString(java.util.concurrent.ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36);
    }

    private static final java.util.concurrent.atomic.AtomicInteger NEXT = new java.util.concurrent.atomic.AtomicInteger(300);
}
