package vn.motcua.platform;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.IntegrationTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every operation of the OpenAPI document with malformed input, as an administrator and anonymously: garbage
 * and missing parameters, {@code {}} and broken bodies, bad {@code If-Match}, invalid UTF-8, NUL bytes and numbers
 * past any range. Nothing may answer 5xx, and every refusal of the API is a problem detail with a {@code code}.
 */
class MalformedInputTests extends IntegrationTest {

    /** Values for path and query parameters that no operation can take at face value. */
    static final List<String> GARBAGE = List.of("%27", "%00", "%C3%28", "%FF%FE", "-1", "99999999999999999999", "x".repeat(1500),
            "2026-13-45");

    static final List<String> BODIES = List.of("{}", "[]", "{\"a\":", "null", "{\"limit\":1e999999}", "\u0000", "not json");

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void noOperationAnswers5xxOrAnErrorThatIsNotAProblem() throws Exception {
        var doc = JsonMapper.builder().build().readTree(get("/api/docs/openapi.json", null).body());
        var failures = new ArrayList<String>();
        int requests = 0;
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String method = op.getKey().toUpperCase();
                for (String auth : new String[]{admin(), null}) {
                    for (var request : variants(path.getKey(), method, op.getValue())) {
                        if (auth != null && request.oneParameter) {
                            continue; // a parameter alone is checked anonymously; BCrypt per request makes the admin pass slow
                        }
                        var response = send(request, auth);
                        requests++;
                        String problem = verdict(response);
                        if (problem != null) {
                            failures.add(method + " " + request.uri + (request.body == null ? "" : " body=" + abbreviate(request.body))
                                    + (auth == null ? " (anonymous)" : " (admin)") + ": " + problem);
                        }
                    }
                }
            }
        }
        System.out.println("MalformedInputTests: " + requests + " requests, " + failures.size() + " failures");
        assertThat(requests).isGreaterThan(300);
        assertThat(failures).isEmpty();
    }

    @Test
    void publicPagesAnswerAPageNotAFault() throws Exception {
        var failures = new ArrayList<String>();
        for (String page : List.of("/public/procedures?page=99999999999", "/public/procedures?page=-5", "/public/procedures?q=%FF%FE",
                "/public/procedures?q=a%00b", "/public/procedures?level=NOPE", "/public/procedures/9.999999",
                "/public/procedures/1.000178?on=1900-01-01", "/public/procedures/1.000178?on=garbage", "/public/calendar?year=1999",
                "/public/calendar?year=99999999999", "/public/calendar?year=x", "/public/procedures/qr-sheet", "/public/statistics?from=x",
                "/public/statistics?from=2026-12-31&to=2020-01-01", "/?lang=%27", "/public/nothing-here", "/public/procedures?q="
                        + "thủ+tục+".repeat(800))) {
            var response = http.send(HttpRequest.newBuilder(uri(page)).header("Accept", "text/html,*/*;q=0.8")
                    .header("X-Forwarded-For", "198.51.100.251").GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() >= 500 || !response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                failures.add(page + " -> " + response.statusCode() + " " + response.headers().firstValue("Content-Type").orElse(""));
            }
        }
        assertThat(failures).isEmpty();
    }

    record Probe(URI uri, String method, String body, String contentType, String ifMatch, boolean oneParameter) {
        Probe(URI uri, String method, String body, String contentType, String ifMatch) {
            this(uri, method, body, contentType, ifMatch, false);
        }
    }

    private List<Probe> variants(String template, String method, JsonNode op) {
        var probes = new ArrayList<Probe>();
        var pathParams = new ArrayList<String>();
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
        while (m.find()) {
            pathParams.add(m.group(1));
        }
        var queryParams = new LinkedHashSet<String>();
        for (JsonNode p : op.path("parameters")) {
            if ("query".equals(p.path("in").asString())) {
                queryParams.add(p.path("name").asString());
            }
        }
        boolean hasBody = op.has("requestBody");
        Set<String> contentTypes = new LinkedHashSet<>();
        op.path("requestBody").path("content").propertyNames().forEach(contentTypes::add);
        var pathValues = new ArrayList<>(GARBAGE);
        pathValues.add(UUID.randomUUID().toString());
        for (String value : pathValues) {
            String path = fill(template, pathParams, value);
            probes.add(new Probe(uri(path), method, hasBody ? "{}" : null, hasBody ? first(contentTypes) : null, null));
            for (String q : queryParams) {
                probes.add(new Probe(uri(path + "?" + q + "=" + value), method, null, null, null, true));
            }
            if (!queryParams.isEmpty()) {
                // Tomcat refuses a request line over 8 KB before it knows the path (400, as a plain page): stay under it
                String each = value.substring(0, Math.min(value.length(), 6_000 / queryParams.size()));
                var all = new StringBuilder();
                queryParams.forEach(q -> all.append(all.isEmpty() ? "?" : "&").append(q).append('=').append(each));
                probes.add(new Probe(uri(path + all), method, null, null, null));
            }
        }
        String sane = fill(template, pathParams, pathParams.contains("code") ? "1.000178" : UUID.randomUUID().toString());
        if (hasBody) {
            for (String type : contentTypes) {
                for (String body : BODIES) {
                    probes.add(new Probe(uri(sane), method, body, type, null));
                }
                probes.add(new Probe(uri(sane), method, "{}", type, "not-a-version"));
                probes.add(new Probe(uri(sane), method, "{}", type, "\"99999999999999999999\""));
            }
            probes.add(new Probe(uri(sane), method, "{}", "application/xml", null));
        }
        if ("PUT".equals(method)) {
            probes.add(new Probe(uri(sane), method, "{}", first(contentTypes), null));
        }
        return probes;
    }

    private static String fill(String template, List<String> names, String value) {
        String path = template;
        for (String name : names) {
            path = path.replace("{" + name + "}", value);
        }
        return path;
    }

    private static String first(Set<String> types) {
        return types.isEmpty() ? "application/json" : types.iterator().next();
    }

    private URI uri(String pathAndQuery) {
        return URI.create(baseUrl() + pathAndQuery);
    }

    private HttpResponse<String> send(Probe probe, String auth) throws Exception {
        var builder = HttpRequest.newBuilder(probe.uri).timeout(Duration.ofSeconds(30))
                // one address per probe, so the per-address rate limits measure nothing here
                .header("X-Forwarded-For", "198.51.100." + (probe.hashCode() & 0xff));
        if (auth != null) {
            builder.header("Authorization", auth);
        }
        if (probe.ifMatch != null) {
            builder.header("If-Match", probe.ifMatch);
        }
        if (probe.body != null) {
            String type = probe.contentType.startsWith("multipart/") ? "multipart/form-data; boundary=xyz" : probe.contentType;
            builder.header("Content-Type", type).method(probe.method, HttpRequest.BodyPublishers.ofString(probe.body, StandardCharsets.UTF_8));
        } else {
            builder.method(probe.method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, String auth) throws Exception {
        var builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", "198.51.100.250");
        if (auth != null) {
            builder.header("Authorization", auth);
        }
        return http.send(builder.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Null when the answer is acceptable: below 500, and when an error, a problem detail with a code. */
    private static String verdict(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500) {
            return status + " " + abbreviate(response.body());
        }
        if (status >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json") || !response.body().contains("\"code\"")) {
                return status + " not a problem detail: " + type + " " + abbreviate(response.body());
            }
            // the title speaks the detail's language: not the English reason phrase of the status
            Matcher title = Pattern.compile("\"title\"\\s*:\\s*\"([^\"]*)\"").matcher(response.body());
            var english = org.springframework.http.HttpStatus.resolve(status);
            if (!title.find() || title.group(1).isBlank() || (english != null && title.group(1).equalsIgnoreCase(english.getReasonPhrase()))) {
                return status + " title missing or in English: " + abbreviate(response.body());
            }
        }
        return null;
    }

    private static String admin() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
