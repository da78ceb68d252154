package vn.motcua.organization;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.IntegrationTest;
import vn.motcua.SqlStatements;

import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in request costs no more SQL than an anonymous one plus its own work, however many agencies the
 * province has: each request below is counted (every statement on the thread that serves it, sessions and
 * security included), then 200 agencies are added and the same requests must run exactly as many statements.
 */
class SignedInRequestsSqlTests extends IntegrationTest {

    static final String CALENDAR = "/api/v1/calendar/working-days/add?date=2026-03-02&days=5";

    @Autowired
    AgencyDirectory agencies;
    @Autowired
    StaffDirectory staff;
    @Autowired
    ApiTokens tokens;

    String adminToken;
    String deskToken;
    HttpClient adminPages;
    HttpClient deskPages;

    @BeforeEach
    void signIn() throws Exception {
        var admin = staff.byUsername("admin").orElseThrow();
        adminToken = tokens.issue(admin.id(), "đếm SQL " + fresh(), LocalDate.now(vn.motcua.platform.TimeConfiguration.VIETNAM).plusDays(30)).secret();
        deskToken = tokens.issue(staff.byUsername("tn.ttpvhcc").orElseThrow().id(), "đếm SQL " + fresh(), LocalDate.now(vn.motcua.platform.TimeConfiguration.VIETNAM).plusDays(30)).secret();
        adminPages = formLogin("admin");
        deskPages = formLogin("tn.ttpvhcc");
    }

    @Test
    void signedInRequestsDoNotGrowWithTheNumberOfAgencies() throws Exception {
        var before = countAll();
        addAgenciesUnderTheProvincialCentre(200);
        assertThat(staff.scopeOf("tn.ttpvhcc").agencies()).as("the desk officer reaches the new branches").hasSizeGreaterThan(200);
        var after = countAll();
        assertThat(after).as("statements per request with 200 more agencies").isEqualTo(before);
    }

    @Test
    void aTokenCostsTheDatabaseNothingAndBasicOnlyTheAccountLookup() throws Exception {
        int anonymous = count("GET " + CALENDAR, null, null);
        assertThat(count("GET " + CALENDAR, "Bearer " + adminToken, null)).as("calendar with a token").isEqualTo(anonymous);
        assertThat(count("GET /api/v1/me", "Bearer " + adminToken, null)).as("/me with a token: answered from memory").isZero();
        assertThat(count("GET /api/v1/me", basic("admin"), null))
                .as("/me with Basic: the account and its roles, read to check the password").isEqualTo(2);
        assertThat(count("GET " + CALENDAR, basic("tn.ttpvhcc"), null)).isEqualTo(anonymous + 2);
    }

    @Test
    void signedInPagesCostTheSessionAndTheirOwnFiguresOnly() throws Exception {
        var counts = countAll();
        // the session: read it with its attributes, write its last access time
        assertThat(counts.get("desk home")).as("desk home: session + procedures in force + the work queues' counts (one statement)")
                .isLessThanOrEqualTo(6);
        assertThat(counts.get("admin home")).as("admin home: session + procedures in force + audit today").isLessThanOrEqualTo(6);
        assertThat(counts.get("admin agencies")).as("agency list from memory").isLessThanOrEqualTo(4);
        assertThat(counts.get("admin staff")).as("staff list from memory").isLessThanOrEqualTo(4);
    }

    private Map<String, Integer> countAll() throws Exception {
        var counts = new LinkedHashMap<String, Integer>();
        counts.put("calendar anonymous", count("GET " + CALENDAR, null, null));
        counts.put("calendar token", count("GET " + CALENDAR, "Bearer " + deskToken, null));
        counts.put("calendar basic", count("GET " + CALENDAR, basic("tn.ttpvhcc"), null));
        counts.put("me token", count("GET /api/v1/me", "Bearer " + adminToken, null));
        counts.put("me basic", count("GET /api/v1/me", basic("tn.ttpvhcc"), null));
        counts.put("staff api token", count("GET /api/v1/staff", "Bearer " + adminToken, null));
        counts.put("public home", count("GET /", null, null));
        counts.put("desk home", count("GET /", null, deskPages));
        counts.put("admin home", count("GET /", null, adminPages));
        counts.put("admin agencies", count("GET /admin/agencies", null, adminPages));
        counts.put("admin staff", count("GET /admin/staff", null, adminPages));
        return counts;
    }

    /** Runs the request twice (the first warms caches of the JVM, not of the database) and counts the second. */
    private int count(String request, String authorization, HttpClient client) throws IOException, InterruptedException {
        String path = request.substring("GET ".length());
        var http = client != null ? client : HttpClient.newHttpClient();
        int statements = -1;
        for (int i = 0; i < 2; i++) {
            String probe = UUID.randomUUID().toString();
            var builder = HttpRequest.newBuilder(URI.create(baseUrl() + path)).header(SqlStatements.PROBE, probe);
            if (authorization != null) {
                builder.header("Authorization", authorization);
            }
            var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(request).isEqualTo(200);
            statements = SqlStatements.of(probe).size();
        }
        return statements;
    }

    private HttpClient formLogin(String username) throws IOException, InterruptedException {
        var client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        var page = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).isTrue();
        String form = "username=" + username + "&password=" + URLEncoder.encode(DEMO_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        var login = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return client;
    }

    private void addAgenciesUnderTheProvincialCentre(int count) throws IOException {
        String group;
        do {
            group = "" + (char) ('A' + ThreadLocalRandom.current().nextInt(26)) + (char) ('A' + ThreadLocalRandom.current().nextInt(26));
        } while (agencies.findByElectronicId("H36." + group).isPresent());
        var csv = new StringBuilder(String.join(",", AgencyCsvImport.HEADER)).append('\n');
        csv.append("H36.%s,Chi nhánh thử %s,SERVICE_CENTRE_BRANCH,H36.50,01/07/2025,\n".formatted(group, group));
        for (int i = 1; i < count; i++) {
            csv.append("H36.%s.%03d,Điểm tiếp nhận thử %s %d,SERVICE_CENTRE_BRANCH,H36.%s,01/07/2025,\n".formatted(group, i, group, i, group));
        }
        var report = agencies.importCsv(new StringReader(csv.toString()));
        assertThat(report.created()).isEqualTo(count);
    }

    private static String basic(String username) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
