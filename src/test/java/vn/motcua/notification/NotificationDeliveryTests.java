package vn.motcua.notification;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.Html;
import vn.motcua.WebSession;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery after the commit: an SMTP server that is down is tried again after 1, then 2 minutes (first-retry 1 min,
 * doubling; this node allows 3 attempts), a message that still fails is FAILED and listed for administrators with the
 * server's error and a button that sends it again; two nodes never send one message twice; a node that died while
 * sending leaves the message to another once its lease runs out.
 */
class NotificationDeliveryTests extends MailTestBase {

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void serverBackUp() {
        smtpUp();
    }

    static Instant soon() {
        return Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
    }

    @Test
    void anSmtpServerThatIsDownIsTriedAgainWithGrowingWaitsAndTheMessageGoesOutOnceItIsBack() throws Exception {
        smtpDown();
        String to = address("ngo.thi.lan");
        String code = code(post(intake("RECEIVE", "Ngô Thị Lan", to, "0911222333")));
        Instant t0 = soon();

        sender.sendDue(t0);
        var first = emailOf(code);
        assertThat(first).containsEntry("status", "PENDING").containsEntry("attempts", 1);
        assertThat(first.get("next_attempt_at")).isEqualTo(t0.plus(Duration.ofMinutes(1)));
        assertThat((String) first.get("last_error")).contains("127.0.0.1").containsIgnoringCase("connect");

        sender.sendDue(t0.plusSeconds(59));
        assertThat(emailOf(code)).as("not due before its minute").containsEntry("attempts", 1);

        sender.sendDue(t0.plus(Duration.ofMinutes(1)));
        var second = emailOf(code);
        assertThat(second).containsEntry("status", "PENDING").containsEntry("attempts", 2);
        assertThat(second.get("next_attempt_at")).as("then two minutes").isEqualTo(t0.plus(Duration.ofMinutes(3)));
        assertThat(mailTo(to)).isEmpty();

        smtpUp();
        sender.sendDue(t0.plus(Duration.ofMinutes(3)));
        assertThat(emailOf(code)).containsEntry("status", "SENT").containsEntry("attempts", 3);
        assertThat(mailTo(to)).hasSize(1);
        assertThat(mailTo(to).getFirst().getSubject()).isEqualTo("Hồ sơ " + code + " đã được tiếp nhận");

        sender.sendDue(t0.plus(Duration.ofMinutes(30)));
        assertThat(mailTo(to)).as("never twice").hasSize(1);
    }

    @Test
    void aMessageThatKeepsFailingIsListedWithItsErrorAndCanBeSentAgain() throws Exception {
        smtpDown();
        String to = address("bui.van.minh");
        String code = code(post(intake("RECEIVE", "Bùi Văn Minh", to, "0922333444")));
        Instant t0 = soon();
        sender.sendDue(t0);
        sender.sendDue(t0.plus(Duration.ofMinutes(1)));
        sender.sendDue(t0.plus(Duration.ofMinutes(3)));
        var failed = emailOf(code);
        assertThat(failed).containsEntry("status", "FAILED").containsEntry("attempts", 3);
        sender.sendDue(t0.plus(Duration.ofDays(1)));
        assertThat(emailOf(code)).as("no attempt after the last").containsEntry("attempts", 3);
        long id = (Long) failed.get("id");

        var admin = new WebSession(baseUrl(), "198.51.100.231");
        admin.login("admin", DEMO_PASSWORD);
        var page = admin.get("/admin/notifications?code=" + code);
        assertThat(page.statusCode()).isEqualTo(200);
        String text = Html.main(page.body());
        assertThat(text).contains("Thông báo gửi người nộp hồ sơ", code, to, "Gửi thất bại", "3 lần thử", "Tiếp nhận hồ sơ")
                .contains((String) failed.get("last_error"));
        assertThat(page.body()).contains("action=\"/admin/notifications/" + id + "/resend\"");
        assertThat(Html.main(admin.get("/admin/notifications").body())).as("the failed list is the default view").contains(code);

        var api = as("admin").get().uri("/api/v1/notifications?code={c}", code).retrieve().toEntity(MAP).getBody();
        @SuppressWarnings("unchecked")
        var messages = (List<Map<String, Object>>) api.get("messages");
        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m).containsEntry("status", "FAILED").containsEntry("channel", "EMAIL").containsEntry("recipient", to)
                    .containsEntry("attempts", 3).containsEntry("dossierCode", code);
            assertThat((String) m.get("lastError")).containsIgnoringCase("connect");
        });
        assertThat(as("tn.xuanhuong").get().uri("/api/v1/notifications").retrieve().toEntity(MAP).getStatusCode().value())
                .as("applicants' addresses: administrators only").isEqualTo(403);
        var desk = new WebSession(baseUrl(), "198.51.100.232");
        desk.login("tn.xuanhuong", DEMO_PASSWORD);
        assertThat(desk.get("/admin/notifications").statusCode()).isEqualTo(403);

        admin.get("/admin/notifications?code=" + code);
        var resent = admin.postForm("/admin/notifications/" + id + "/resend", "");
        assertThat(resent.statusCode()).isEqualTo(302);
        assertThat(emailOf(code)).containsEntry("status", "PENDING").containsEntry("attempts", 0);
        assertThat(jdbc.sql("select count(*) from audit.record where action = 'NOTIFICATION_RESENT' and target = :t")
                .param("t", "dossier:" + code).query(Integer.class).single()).isEqualTo(1);

        var twice = as("admin").post().uri("/api/v1/notifications/{id}/resend", id).retrieve().toEntity(MAP);
        assertThat(twice.getStatusCode().value()).isEqualTo(409);
        assertThat(twice.getBody()).containsEntry("code", "notification.not-failed");
        assertThat(as("admin").post().uri("/api/v1/notifications/{id}/resend", Long.MAX_VALUE).retrieve().toEntity(MAP).getBody())
                .containsEntry("code", "notification.not-found");

        smtpUp();
        sender.sendDue(soon());
        assertThat(emailOf(code)).containsEntry("status", "SENT");
        assertThat(mailTo(to)).hasSize(1);
    }

    @Test
    void anAddressThatIsNotOneFailsAtOnceWithoutRetrying() {
        smtpUp();
        // the desk's check (something@domain.tld) lets it through; as a mail address it is two, "an" and "binh@…"
        String code = code(post(intake("RECEIVE", "Đinh Văn An", "an,binh." + fresh() + "@example.vn", "0933444555")));
        sendNow();
        var row = emailOf(code);
        assertThat(row).containsEntry("status", "FAILED").containsEntry("attempts", 1);
        assertThat((String) row.get("last_error")).startsWith("PermanentFailure: Địa chỉ thư không hợp lệ");
    }

    @Test
    void twoNodesSendingAtOnceSendEveryMessageExactlyOnce() throws Exception {
        smtpUp();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String batch = fresh();
        var recipients = new ArrayList<String>();
        transactions.executeWithoutResult(tx -> {
            for (int i = 0; i < 120; i++) {
                String to = "hangloat" + i + "." + batch + "@example.vn";
                recipients.add(to);
                outbox.queue("test/" + batch + "/" + i, NotificationChannel.EMAIL, NotificationKind.RECEIVED, to, "Thử " + i,
                        "Nội dung thử " + i + "\n", "H36.201.01-000000-" + batch, at);
            }
        });
        var start = new CountDownLatch(1);
        var nodes = new ArrayList<Thread>();
        for (int n = 0; n < 2; n++) {
            nodes.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    sender.sendDue(soon());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        start.countDown();
        for (Thread t : nodes) {
            t.join();
        }
        for (String to : recipients) {
            assertThat(mailTo(to)).as(to).hasSize(1);
        }
        assertThat(jdbc.sql("select count(*) from notification.outbox where event_key like :k and status = 'SENT' and attempts = 1")
                .param("k", "test/" + batch + "/%").query(Integer.class).single()).isEqualTo(120);
    }

    @Test
    void aMessageLeftSendingByANodeThatDiedIsTakenOverWhenItsLeaseRunsOut() throws Exception {
        smtpUp();
        String batch = fresh();
        Instant now = soon();
        String dead = "bo.lai." + batch + "@example.vn";
        String busy = "dang.gui." + batch + "@example.vn";
        for (var row : List.of(Map.of("to", dead, "lease", now.minusSeconds(1)), Map.of("to", busy, "lease", now.plus(Duration.ofHours(1))))) {
            jdbc.sql("""
                            insert into notification.outbox (event_key, channel, kind, recipient, subject, body, dossier_code, status,
                                attempts, next_attempt_at, created_at)
                            values (:k, 'EMAIL', 'RECEIVED', :to, 'Thử', 'Nội dung', 'H36.201.01-000000-1', 'SENDING', 1, :lease, :at)""")
                    .param("k", "lease/" + row.get("to")).param("to", row.get("to"))
                    .param("lease", java.sql.Timestamp.from((Instant) row.get("lease"))).param("at", java.sql.Timestamp.from(now)).update();
        }
        sender.sendDue(now);
        assertThat(mailTo(dead)).hasSize(1);
        assertThat(mailTo(busy)).as("its node still holds it").isEmpty();
        assertThat(jdbc.sql("select status || ':' || attempts from notification.outbox where event_key = :k").param("k", "lease/" + dead)
                .query(String.class).single()).isEqualTo("SENT:2");
    }
}
