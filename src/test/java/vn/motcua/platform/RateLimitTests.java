package vn.motcua.platform;

import org.junit.jupiter.api.Test;
import vn.motcua.IntegrationTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Public endpoints and the login form answer 429 with Retry-After and a Vietnamese message past their rate, per address. */
class RateLimitTests extends IntegrationTest {

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aBurstOnAPublicEndpointGets429WithRetryAfterAndOtherAddressesDoNot() throws Exception {
        int refused = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 450; i++) {
            var response = get("/api/v1/calendar/lunar?date=2026-02-17", "203.0.113.71", "application/json");
            assertThat(response.statusCode()).isIn(200, 429);
            if (response.statusCode() == 429) {
                refused++;
                last = response;
            }
        }
        assertThat(refused).as("300 at once, then 5 a second, per address").isBetween(50, 150);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(last.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(last.body()).contains("\"code\":\"too-many-requests\"").contains("Thử lại sau");
        assertThat(get("/api/v1/calendar/lunar?date=2026-02-17", "203.0.113.72", "application/json").statusCode()).isEqualTo(200);

        // The bucket refills one request each 200 ms, so a page asked for right after the burst may just get that one:
        // of a few asked at once, the rest are refused, as a page in Vietnamese.
        HttpResponse<String> page = null;
        for (int i = 0; i < 5 && (page == null || page.statusCode() != 429); i++) {
            page = get("/public/calendar", "203.0.113.71", "text/html");
        }
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.body()).contains("quá nhiều yêu cầu");
    }

    @Test
    void theLoginFormIsRateLimitedPerAddress() throws Exception {
        int refused = 0;
        for (int i = 0; i < 35; i++) {
            var response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).header("X-Forwarded-For", "203.0.113.73")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=x&password=y")).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 429) {
                refused++;
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
            }
        }
        assertThat(refused).as("30 at once, then one each 2 s").isBetween(3, 5);
    }

    @Test
    void aDeskOfficerWalkingIdNumbersIsStoppedAfterThirtyAMinute() throws Exception {
        String basic = java.util.Base64.getEncoder().encodeToString("tn.lamvien:motcua@2026".getBytes(StandardCharsets.UTF_8));
        int refused = 0;
        for (int i = 0; i < 36; i++) {
            var response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/applicants/0680900" + (10000 + i)))
                    .header("X-Forwarded-For", "203.0.113.74").header("Authorization", "Basic " + basic).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isIn(200, 404, 429);
            if (response.statusCode() == 429) {
                refused++;
            }
        }
        assertThat(refused).as("30 at once, then one each 2 s (the slower the requests, the more refill)").isBetween(1, 6);
    }

    private HttpResponse<String> get(String path, String address, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("X-Forwarded-For", address).header("Accept", accept)
                .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
