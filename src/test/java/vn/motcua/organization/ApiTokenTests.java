package vn.motcua.organization;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import vn.motcua.IntegrationTest;
import vn.motcua.platform.TimeConfiguration;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An administrator issues, lists and revokes personal access tokens; a token acts as its staff member. */
class ApiTokenTests extends IntegrationTest {

    static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };
    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    @Autowired
    StaffDirectory staff;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApiTokens tokens;

    @Test
    void anIssuedTokenActsAsItsStaffMemberWithTheirScopeAndIsStoredOnlyAsAHash() {
        var officer = staff.byUsername("tn.xuanhuong").orElseThrow();
        String kiosk = "Kiosk Xuân Hương " + fresh();
        var issued = as("admin").post().uri("/api/v1/staff/{id}/tokens", officer.id()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", kiosk, "expiresOn", LocalDate.now(TimeConfiguration.VIETNAM).plusDays(30).toString()))
                .retrieve().toEntity(OBJECT);
        assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String secret = (String) issued.getBody().get("secret");
        assertThat(secret).startsWith("mct_").hasSize(4 + 43);

        var me = bearer(secret).get().uri("/api/v1/me").retrieve().toEntity(OBJECT);
        assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(((Map<?, ?>) me.getBody().get("account")).get("username")).isEqualTo("tn.xuanhuong");
        var other = bearer(secret).get().uri("/api/v1/agencies/{id}/staff",
                staff.scopeOf("tn.phanthiet").agencies().iterator().next()).retrieve().toBodilessEntity();
        assertThat(other.getStatusCode()).as("another commune, as with a password").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(bearer(secret).get().uri("/api/v1/staff/{id}/tokens", officer.id())
                .retrieve().toBodilessEntity().getStatusCode()).as("not an admin").isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(jdbc.sql("select count(*) from organization.api_token where token_hash = :h").param("h", ApiTokens.sha256(secret))
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from organization.api_token where token_hash = :s or prefix = :s").param("s", secret)
                .query(Integer.class).single()).as("the secret itself is nowhere").isZero();

        var listed = as("admin").get().uri("/api/v1/staff/{id}/tokens", officer.id()).retrieve().toEntity(LIST).getBody();
        var token = listed.stream().filter(t -> t.get("name").equals(kiosk)).findFirst().orElseThrow();
        assertThat(token).doesNotContainKey("secret").doesNotContainKey("hash");
        assertThat((String) token.get("prefix")).isEqualTo(secret.substring(0, 10));

        assertThat(as("admin").delete().uri("/api/v1/staff/{id}/tokens/{token}", officer.id(), token.get("id"))
                .retrieve().toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        var refused = bearer(secret).get().uri("/api/v1/me").retrieve().toEntity(OBJECT);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(refused.getBody()).containsEntry("code", "invalid-token");
    }

    @Test
    void onlyAnAdministratorIssuesTokensAndAnExpiryMustBeWithinAYear() {
        var officer = staff.byUsername("tn.lamvien").orElseThrow();
        var body = Map.of("name", "tự cấp", "expiresOn", LocalDate.now(TimeConfiguration.VIETNAM).plusDays(3).toString());
        assertThat(as("tn.lamvien").post().uri("/api/v1/staff/{id}/tokens", officer.id()).contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        var tooLong = as("admin").post().uri("/api/v1/staff/{id}/tokens", officer.id()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "mãi mãi", "expiresOn", LocalDate.now(TimeConfiguration.VIETNAM).plusYears(5).toString()))
                .retrieve().toEntity(OBJECT);
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooLong.getBody()).containsEntry("code", "organization.validation");
    }

    @Test
    void anExpiredTokenIsRefused() {
        var officer = staff.byUsername("tn.ductrong").orElseThrow();
        var issued = tokens.issue(officer.id(), "hết hạn " + fresh(), LocalDate.now(TimeConfiguration.VIETNAM));
        assertThat(bearer(issued.secret()).get().uri("/api/v1/me").retrieve().toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.OK);
        jdbc.sql("update organization.api_token set expires_at = now() - interval '1 second' where id = :id")
                .param("id", issued.token().id()).update();
        jdbc.sql("update organization.revision set value = value + 1 where id = 1").update();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() ->
                bearer(issued.secret()).get().uri("/api/v1/me").retrieve().toBodilessEntity().getStatusCode() == HttpStatus.UNAUTHORIZED);
    }

    @Test
    void anUnknownTokenIsRefusedEvenOnAPublicEndpoint() {
        var response = bearer("mct_" + "x".repeat(43)).get().uri("/api/v1/calendar/working-days/add?date=2026-03-02&days=5")
                .retrieve().toBodilessEntity();
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void theAdminPageIssuesATokenShowsItOnceAndRevokesIt() throws Exception {
        var officer = staff.byUsername("tn.bacgianghia").orElseThrow();
        var pages = new AdminPages(baseUrl(), "admin");
        String reader = "Máy đọc hồ sơ " + fresh();
        String expires = LocalDate.now(TimeConfiguration.VIETNAM).plusDays(10).toString();
        var issuedPage = pages.postAndFollow("/admin/staff/" + officer.id() + "/tokens",
                "name=" + java.net.URLEncoder.encode(reader, java.nio.charset.StandardCharsets.UTF_8) + "&expiresOn=" + expires);
        assertThat(issuedPage).contains(reader).contains("Sao chép mã ngay");
        var secret = java.util.regex.Pattern.compile("id=\"issuedSecret\"[^>]*value=\"(mct_[^\"]+)\"").matcher(issuedPage);
        assertThat(secret.find()).isTrue();
        assertThat(bearer(secret.group(1)).get().uri("/api/v1/me").retrieve().toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.OK);

        var again = pages.get("/admin/staff/" + officer.id());
        assertThat(again).contains(reader).doesNotContain(secret.group(1)).contains(secret.group(1).substring(0, 10));
        var revoke = java.util.regex.Pattern.compile("action=\"(/admin/staff/[^\"]+/revocation)\"").matcher(again);
        String revocation = null;
        while (revoke.find()) {
            if (revoke.group(1).contains("/tokens/")) {
                revocation = revoke.group(1);
            }
        }
        assertThat(revocation).isNotNull();
        assertThat(pages.postAndFollow(revocation, "")).contains("Đã thu hồi");
        assertThat(bearer(secret.group(1)).get().uri("/api/v1/me").retrieve().toBodilessEntity().getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private RestClient bearer(String secret) {
        return RestClient.builder().baseUrl(baseUrl()).defaultHeader("Authorization", "Bearer " + secret)
                .defaultStatusHandler(s -> true, (request, response) -> { }).build();
    }
}
