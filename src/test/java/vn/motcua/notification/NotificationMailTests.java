package vn.motcua.notification;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierEvent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What applicants receive, through a real SMTP server (GreenMail): each kind of e-mail with its Vietnamese subject and
 * body (code, procedure, appointment as dd/MM/yyyy, lookup link), correctly encoded in UTF-8; the SMS beside it; one
 * message per event and channel; nothing when the event's transaction rolls back.
 */
@ExtendWith(OutputCaptureExtension.class)
class NotificationMailTests extends MailTestBase {

    static final String LOOKUP = "https://dichvucong.lamdong.gov.vn/tra-cuu/";

    @Autowired
    DossierNotifier notifier;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aReceivedDossierIsAnnouncedWithItsCodeProcedureAppointmentAndLookupLink(CapturedOutput log) throws Exception {
        smtpUp();
        String to = address("nguyen.van.an");
        var response = post(intake("RECEIVE", "Nguyễn Văn Ấn", to, "0903123456"));
        String code = code(response);
        Instant due = Instant.parse((String) response.getBody().get("dueAt"));
        assertThat(outboxOf(code)).extracting(r -> r.get("status")).containsOnly("PENDING");
        assertThat(mailTo(to)).as("nothing leaves before the sender runs after the commit").isEmpty();

        sendNow();

        List<MimeMessage> mail = mailTo(to);
        assertThat(mail).hasSize(1);
        MimeMessage m = mail.getFirst();
        assertThat(m.getSubject()).isEqualTo("Hồ sơ " + code + " đã được tiếp nhận");
        assertThat(((InternetAddress) m.getFrom()[0]).getAddress()).isEqualTo("thongbao@dichvucong.lamdong.gov.vn");
        assertThat(((InternetAddress) m.getFrom()[0]).getPersonal()).isEqualTo("Hệ thống một cửa điện tử");
        assertThat(m.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("charset=UTF-8");
        String body = (String) m.getContent();
        assertThat(body).contains("Kính gửi Ông/Bà Nguyễn Văn Ấn,")
                .contains("- Mã hồ sơ: " + code)
                .contains("- Thủ tục: " + procedureName() + " (mã " + COPY + ")")
                .contains("- Ngày hẹn trả kết quả: " + vietnameseDate(due))
                .contains(LOOKUP + code)
                .contains("Ủy ban nhân dân phường Xuân Hương - Đà Lạt");
        // On the wire: the subject as an RFC 2047 encoded word, the body quoted-printable: 7-bit clean for every relay.
        String raw = GreenMailUtil.getWholeMessage(m);
        assertThat(raw).contains("Subject: =?UTF-8?").containsIgnoringCase("Content-Transfer-Encoding: quoted-printable");
        assertThat(raw.chars().allMatch(c -> c < 128)).as("no raw 8-bit byte on the wire").isTrue();
        // Ấ is U+1EA4: UTF-8 E1 BA A4, so quoted-printable writes =E1=BA=A4
        assertThat(raw.replace("=\r\n", "")).contains("=E1=BA=A4n");

        var rows = outboxOf(code);
        assertThat(rows).extracting(r -> r.get("channel")).containsExactlyInAnyOrder("EMAIL", "SMS");
        assertThat(rows).extracting(r -> r.get("status")).containsOnly("SENT");
        var sms = rows.stream().filter(r -> "SMS".equals(r.get("channel"))).findFirst().orElseThrow();
        assertThat(sms.get("recipient")).isEqualTo("0903123456");
        assertThat((String) sms.get("body")).isEqualTo("Hồ sơ " + code + " đã được tiếp nhận, hẹn trả " + vietnameseDate(due)
                + ". Tra cứu: " + LOOKUP + code);
        assertThat(log.getOut()).contains("SMS (chỉ ghi nhật ký, không gửi thật) tới 0903123456", "hẹn trả " + vietnameseDate(due));

        sendNow();
        assertThat(mailTo(to)).as("sent once").hasSize(1);
    }

    @Test
    void aSupplementRequestSaysHowManyDocumentsAreMissingAndThatNothingIsReceivedYet() throws Exception {
        smtpUp();
        String to = address("hoang.van.em");
        var body = intake("REQUEST_SUPPLEMENT", "Hoàng Văn Em", to, "0966000333");
        body.put("missing", List.of(Map.of("requirement", "Tờ khai có chữ ký của người yêu cầu", "reason", "Tờ khai chưa ký")));
        String code = code(post(body));
        long mandatory = checklist().stream().filter(d -> Boolean.TRUE.equals(d.get("mandatory"))).count();

        sendNow();

        MimeMessage m = mailTo(to).getFirst();
        assertThat(m.getSubject()).isEqualTo("Hồ sơ " + code + " cần bổ sung, hoàn thiện");
        assertThat((String) m.getContent()).contains("hồ sơ chưa đầy đủ, nên chưa tiếp nhận")
                .contains("- Số thành phần cần bổ sung, hoàn thiện: " + (mandatory + 1))
                .contains("Mẫu số 02").contains(procedureName()).contains(LOOKUP + code)
                .doesNotContain("Ngày hẹn trả");
    }

    @Test
    void aRefusalGivesTheReasonInWords() throws Exception {
        smtpUp();
        String to = address("trinh.van.khoa");
        var body = intake("REFUSE", "Trịnh Văn Khoa", to, "0905000777");
        body.put("note", "Bản chính không do Ủy ban nhân dân phường cấp");
        String code = code(post(body));

        sendNow();

        MimeMessage m = mailTo(to).getFirst();
        assertThat(m.getSubject()).isEqualTo("Hồ sơ " + code + " không được tiếp nhận");
        assertThat((String) m.getContent()).contains("- Lý do: Bản chính không do Ủy ban nhân dân phường cấp")
                .contains("Mẫu số 03").contains(LOOKUP + code);
    }

    @Test
    void anOnlineDossierIsAnnouncedWhenTheDeskAcceptsItNotWhenItArrives() throws Exception {
        smtpUp();
        String to = address("vu.thi.giang");
        var online = intake("RECEIVE", "Vũ Thị Giang", to, "0355000444");
        online.remove("outcome");
        online.put("channel", "ONLINE");
        String code = code(post(online));
        assertThat(outboxOf(code)).as("a submission waits for the desk: no message yet").isEmpty();

        var accepted = as("tn.xuanhuong").post().uri("/api/v1/dossiers/{c}/decision", code).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("outcome", "RECEIVE", "version", 0)).retrieve().toEntity(MAP);
        Instant due = Instant.parse((String) accepted.getBody().get("dueAt"));
        sendNow();

        MimeMessage m = mailTo(to).getFirst();
        assertThat(m.getSubject()).isEqualTo("Hồ sơ " + code + " đã được tiếp nhận");
        assertThat((String) m.getContent()).contains("nộp trực tuyến").contains("- Ngày hẹn trả kết quả: " + vietnameseDate(due));
    }

    @Test
    void anApplicantWithoutAnEmailAddressGetsOnlyTheTextMessage() {
        var response = post(intake("RECEIVE", "Lê Thị Hoa", null, "0977000555"));
        assertThat(outboxOf(code(response))).extracting(r -> r.get("channel")).containsExactly("SMS");
    }

    @Test
    void theSameEventDeliveredTwiceQueuesOneMessagePerChannelAndARolledBackOneNone() {
        String to = address("pham.thi.dung");
        var refuse = intake("REFUSE", "Phạm Thị Dung", to, "0988000111");
        refuse.put("note", "Thủ tục không thuộc thẩm quyền của phường");
        String code = code(post(refuse));
        assertThat(outboxOf(code)).hasSize(2);
        var again = new DossierEvent.Refused(code, Channel.DIRECT, COPY, UUID.randomUUID(), "x", UUID.randomUUID(), "y", 3,
                Instant.parse("2026-03-02T01:00:00Z"), "Thủ tục không thuộc thẩm quyền của phường",
                new DossierEvent.Contact("Phạm Thị Dung", to, "0988000111"));
        transactions.executeWithoutResult(tx -> {
            notifier.on(again);
            notifier.on(again);
        });
        assertThat(outboxOf(code)).as("the first refusal's two and this event's two, once each").hasSize(4);

        var rolledBack = new DossierEvent.Refused(code, Channel.DIRECT, COPY, UUID.randomUUID(), "x", UUID.randomUUID(), "y", 3,
                Instant.parse("2026-03-03T01:00:00Z"), "Lý do khác của lần bị huỷ",
                new DossierEvent.Contact("Phạm Thị Dung", to, "0988000111"));
        transactions.executeWithoutResult(tx -> {
            notifier.on(rolledBack);
            tx.setRollbackOnly();
        });
        assertThat(outboxOf(code)).hasSize(4);
    }

    @Test
    void bodiesAreStoredAsTheyWereSentInUtf8() {
        String to = address("dang.thi.nguyet");
        String code = code(post(intake("RECEIVE", "Đặng Thị Nguyệt", to, "0912345678")));
        String body = (String) emailOf(code).get("body");
        assertThat(body).contains("Đặng Thị Nguyệt");
        assertThat(new String(body.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(java.text.Normalizer.isNormalized(body, java.text.Normalizer.Form.NFC)).isTrue();
    }
}
