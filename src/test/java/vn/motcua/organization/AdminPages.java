package vn.motcua.organization;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A browser without a browser: signs in through the login form and posts forms with their CSRF token. */
final class AdminPages {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    final HttpClient http;

    AdminPages(String base, String username) throws IOException, InterruptedException {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        var login = post("/login", "username=" + username + "&password=" + URLEncoder.encode(vn.motcua.IntegrationTest.DEMO_PASSWORD,
                StandardCharsets.UTF_8), csrf("/login"));
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    }

    String get(String path) throws IOException, InterruptedException {
        var response = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    /** Posts a form (CSRF token taken from the home page) and returns the page it redirects to. */
    String postAndFollow(String path, String form) throws IOException, InterruptedException {
        var response = post(path, form, csrf("/"));
        assertThat(response.statusCode()).as(path).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        String target = location.startsWith("http") ? URI.create(location).getRawPath() : location;
        return get(target.replaceAll("#.*", ""));
    }

    private HttpResponse<String> post(String path, String form, String csrf) throws IOException, InterruptedException {
        String body = form.isEmpty() ? "_csrf=" + csrf : form + "&_csrf=" + csrf;
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String csrf(String page) throws IOException, InterruptedException {
        var matcher = CSRF.matcher(http.send(HttpRequest.newBuilder(URI.create(base + page)).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(matcher.find()).as("a CSRF token on " + page).isTrue();
        return matcher.group(1);
    }
}
