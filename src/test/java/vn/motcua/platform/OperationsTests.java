package vn.motcua.platform;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import vn.motcua.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class OperationsTests extends IntegrationTest {

    @Test
    void theOpenApiDocumentAndItsUiArePublic() {
        var doc = anonymous().get().uri("/api/docs/openapi.json").retrieve().toEntity(String.class);
        assertThat(doc.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(doc.getBody()).contains("\"/api/v1/agencies\"", "motcua API", "\"openapi\":\"3.1");
        var ui = anonymous().get().uri("/api/swagger-ui/index.html").retrieve().toEntity(String.class);
        assertThat(ui.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void healthIsPublicAndMetricsAreForAdministrators() {
        assertThat(anonymous().get().uri("/actuator/health").retrieve().toEntity(String.class).getBody()).contains("\"UP\"");
        assertThat(anonymous().get().uri("/actuator/prometheus").retrieve().toBodilessEntity().getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as("cv.stp").get().uri("/actuator/prometheus").retrieve().toBodilessEntity().getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("admin").get().uri("/actuator/prometheus").retrieve().toEntity(String.class).getBody())
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void pagesForStaffRedirectAnonymousVisitorsToTheLoginPage() {
        var response = anonymous().get().uri("/admin/agencies").retrieve().toBodilessEntity();
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(response.getHeaders().getLocation()).hasPath("/login");
    }
}
