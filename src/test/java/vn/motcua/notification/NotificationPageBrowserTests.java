package vn.motcua.notification;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.BrowserTest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failed list as an administrator uses it in a browser, on a node without an SMTP server (the demo's case): the
 * message waits, then, once it has failed (its attempts are played here by setting the row as the sender leaves it
 * after its last attempt; the attempts themselves are NotificationDeliveryTests'), it is listed with its error and sent
 * again with one button.
 */
class NotificationPageBrowserTests extends BrowserTest {

    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdministratorSeesTheFailedDeliveryWithItsErrorAndSendsItAgain() {
        String to = "tran.thi.mai." + fresh() + "@example.vn";
        String code = receive("Trần Thị Mai", to);
        signIn("admin", DEMO_PASSWORD);
        page.navigate(baseUrl() + "/admin/notifications?status=PENDING&code=" + code);
        assertThat(page.locator("main").innerText()).contains("chưa cấu hình máy chủ thư", code, to, "Chờ gửi");
        snapshot("waiting");

        jdbc.sql("""
                        update notification.outbox set status = 'FAILED', attempts = 8,
                            last_error = 'MailSendException: Mail server connection failed ← ConnectException: Connection refused'
                        where dossier_code = :c and channel = 'EMAIL'""").param("c", code).update();
        page.navigate(baseUrl() + "/admin/notifications");
        var row = page.locator("tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText(code));
        assertThat(row.innerText()).contains("Gửi thất bại", "8 lần thử", "Connection refused", "Tiếp nhận hồ sơ", to);
        row.locator("summary").click();
        assertThat(row.innerText()).contains("Kính gửi Ông/Bà Trần Thị Mai");
        snapshot("failed");

        row.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON).click();
        assertThat(page.locator("[role=status].alert-success").innerText()).contains("trở lại hàng đợi");
        assertThat(page.locator("main").innerText()).doesNotContain(code);
        assertThat(jdbc.sql("select status || ':' || attempts from notification.outbox where dossier_code = :c and channel = 'EMAIL'")
                .param("c", code).query(String.class).single()).isEqualTo("PENDING:0");
    }

    String receive(String name, String email) {
        var body = new HashMap<String, Object>();
        body.put("procedureCode", "2.000908");
        body.put("channel", "DIRECT");
        body.put("handlingAgency", "H36.201");
        body.put("applicant", Map.of("type", "CITIZEN", "fullName", name, "idNumber", "068090" + "%06d".formatted(Math.abs(name.hashCode()) % 1_000_000),
                "dateOfBirth", "1990-05-17", "phone", "0903999888", "email", email, "address", Map.of("wardCode", "24781", "street", "5 Hùng Vương")));
        var documents = new ArrayList<Map<String, Object>>();
        @SuppressWarnings("unchecked")
        var record = (Map<String, Object>) anonymous().get().uri("/api/v1/procedures/2.000908").retrieve().toEntity(MAP).getBody().get("record");
        for (int i = 1; i <= ((List<?>) record.get("documents")).size(); i++) {
            documents.add(Map.of("requirement", Integer.toString(i), "originals", 1, "copies", 0));
        }
        body.put("documents", documents);
        body.put("outcome", "RECEIVE");
        var r = as("tn.xuanhuong").post().uri("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(MAP);
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
        return (String) r.getBody().get("code");
    }
}
