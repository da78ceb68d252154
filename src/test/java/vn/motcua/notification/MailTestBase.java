package vn.motcua.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import vn.motcua.IntegrationTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node with an SMTP server: GreenMail in this JVM on a port of its own, which tests stop and start again to play an
 * SMTP server that is down. The sender runs only when a test calls it (with the time it wants), SMS goes to the
 * logging gateway, and links start with the province's public address. Other suites' nodes have no SMTP server and
 * SMS off, so they never take these messages.
 */
@TestPropertySource(properties = {
        "motcua.notification.send-ms=3600000",
        "motcua.notification.send-after-commit=false",
        "motcua.notification.sms.enabled=true",
        "motcua.notification.max-attempts=3",
        "motcua.notification.first-retry=1m",
        "motcua.notification.max-retry-delay=10m",
        "motcua.notification.email.from=thongbao@dichvucong.lamdong.gov.vn",
        "motcua.public-base-url=https://dichvucong.lamdong.gov.vn",
})
abstract class MailTestBase extends IntegrationTest {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String COPY = "2.000908";
    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };
    static final int SMTP_PORT = freePort();
    static GreenMail smtp = startSmtp();

    @Autowired
    OutboxSender sender;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    static synchronized GreenMail startSmtp() {
        var server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    static synchronized void smtpDown() {
        smtp.stop();
    }

    static synchronized void smtpUp() {
        if (!smtp.isRunning()) {
            smtp = startSmtp();
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The messages the SMTP server holds for this address. */
    static List<MimeMessage> mailTo(String address) throws Exception {
        var out = new ArrayList<MimeMessage>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address))) {
                out.add(m);
            }
        }
        return out;
    }

    /** An address no other test uses. */
    static String address(String who) {
        return who + "." + fresh() + "@example.vn";
    }

    /** Delivers what is due a little after now, as the scheduled sender would. */
    int sendNow() {
        return sender.sendDue(Instant.now().plusSeconds(1));
    }

    List<Map<String, Object>> outboxOf(String code) {
        return jdbc.sql("select * from notification.outbox where dossier_code = :c order by id").param("c", code)
                .query((rs, i) -> {
                    var row = new HashMap<String, Object>();
                    for (String column : List.of("channel", "kind", "recipient", "subject", "body", "status", "last_error", "event_key")) {
                        row.put(column, rs.getString(column));
                    }
                    row.put("id", rs.getLong("id"));
                    row.put("attempts", rs.getInt("attempts"));
                    row.put("next_attempt_at", rs.getTimestamp("next_attempt_at").toInstant());
                    return (Map<String, Object>) row;
                }).list();
    }

    Map<String, Object> emailOf(String code) {
        return outboxOf(code).stream().filter(r -> "EMAIL".equals(r.get("channel"))).findFirst().orElseThrow();
    }

    // --- dossiers through the intake API, as a desk officer of Xuân Hương ------------------------------------------

    ResponseEntity<Map<String, Object>> post(Map<String, Object> body) {
        return post("tn.xuanhuong", body);
    }

    ResponseEntity<Map<String, Object>> post(String desk, Map<String, Object> body) {
        return as(desk).post().uri("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(MAP);
    }

    static String code(ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
        return (String) response.getBody().get("code");
    }

    Map<String, Object> intake(String outcome, String name, String email, String phone) {
        return intake(COPY, "H36.201", outcome, name, email, phone);
    }

    Map<String, Object> intake(String procedure, String handling, String outcome, String name, String email, String phone) {
        var body = new HashMap<String, Object>();
        body.put("procedureCode", procedure);
        body.put("channel", "DIRECT");
        body.put("handlingAgency", handling);
        var applicant = new HashMap<String, Object>();
        applicant.put("type", "CITIZEN");
        applicant.put("fullName", name);
        applicant.put("idNumber", "068090" + "%06d".formatted(Math.abs(name.hashCode()) % 1_000_000));
        applicant.put("dateOfBirth", "1990-05-17");
        applicant.put("phone", phone);
        if (email != null) {
            applicant.put("email", email);
        }
        applicant.put("address", Map.of("wardCode", "24781", "street", "12 Trần Phú"));
        body.put("applicant", applicant);
        body.put("documents", "RECEIVE".equals(outcome) ? everything(procedure) : List.of());
        body.put("outcome", outcome);
        return body;
    }

    List<Map<String, Object>> everything(String procedure) {
        var out = new ArrayList<Map<String, Object>>();
        for (int i = 1; i <= checklist(procedure).size(); i++) {
            out.add(new HashMap<>(Map.of("requirement", Integer.toString(i), "originals", 1, "copies", 0)));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> checklist() {
        return checklist(COPY);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> checklist(String code) {
        var p = procedure(code);
        var record = p.containsKey("record") ? (Map<String, Object>) p.get("record") : p;
        return (List<Map<String, Object>>) record.get("documents");
    }

    /** The procedure as the public catalog API shows it (not the code under test). */
    Map<String, Object> procedure(String code) {
        return anonymous().get().uri("/api/v1/procedures/{c}", code).retrieve().toEntity(MAP).getBody();
    }

    String procedureName() {
        return procedureName(COPY);
    }

    @SuppressWarnings("unchecked")
    String procedureName(String code) {
        var p = procedure(code);
        var record = p.containsKey("record") ? (Map<String, Object>) p.get("record") : p;
        return (String) record.get("name");
    }

    /** dd/MM/yyyy of an instant on Vietnam's calendar, written out here rather than taken from the code under test. */
    static String vietnameseDate(Instant at) {
        LocalDateTime t = LocalDateTime.ofInstant(at, VIETNAM);
        return (t.getDayOfMonth() < 10 ? "0" : "") + t.getDayOfMonth() + "/" + (t.getMonthValue() < 10 ? "0" : "") + t.getMonthValue() + "/" + t.getYear();
    }
}
