package vn.motcua.notification;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The applicant through processing at the Department of Justice (H36.10, default process), e-mail by e-mail: a
 * supplement asked during appraisal, the apology with its new appointment (Form 04), the result ready early, its
 * return; and a dossier stopped at the applicant's request (Form 05). Inner steps (assignment, review, approval) send
 * nothing.
 */
class NotificationProcessingTests extends MailTestBase {

    static final String RECORD = "3.000334";
    static final String LOOKUP = "https://dichvucong.lamdong.gov.vn/tra-cuu/";

    @Test
    void theApplicantHearsOfTheSupplementTheApologyTheResultAndItsReturn() throws Exception {
        smtpUp();
        String to = address("do.thi.hanh");
        String code = code(post("tn.ttpvhcc", intake(RECORD, "H36.10", "RECEIVE", "Đỗ Thị Hạnh", to, "0913000222")));
        ok(act("pc.stp", code, Map.of("action", "ASSIGN", "assignee", "cv.stp")));
        ok(act("cv.stp", code, Map.of("action", "REQUEST_SUPPLEMENT", "note", "Bổ sung bản sao giấy khai sinh",
                "missing", List.of(Map.of("requirement", "Bản sao giấy khai sinh", "reason", "Bản đã nộp không đọc được")))));
        sendNow();
        assertThat(subjects(to)).containsExactly("Hồ sơ " + code + " đã được tiếp nhận", "Hồ sơ " + code + " cần bổ sung, hoàn thiện");
        assertThat(body(to, 1)).contains("Sở Tư pháp").contains("thời hạn giải quyết tạm dừng cho tới khi nhận đủ hồ sơ")
                .contains("- Nội dung: Bổ sung bản sao giấy khai sinh").contains(procedureName(RECORD)).contains(LOOKUP + code)
                .doesNotContain("chưa tiếp nhận");

        ok(act("tn.ttpvhcc", code, Map.of("action", "SUPPLEMENT_RECEIVED")));
        var before = dossier(code);
        Instant due = Instant.parse((String) before.get("dueAt"));
        Instant newDue = due.plus(Duration.ofDays(7));
        var extended = ok(act("cv.stp", code, Map.of("action", "APOLOGIZE_AND_EXTEND", "note", "Chờ kết quả xác minh của Công an tỉnh",
                "newDueAt", newDue.toString())));
        Instant shownDue = Instant.parse((String) extended.get("dueAt"));
        Instant originalDue = Instant.parse((String) extended.get("originalDueAt"));
        sendNow();
        assertThat(subjects(to)).hasSize(3).last().isEqualTo("Xin lỗi và hẹn lại ngày trả kết quả hồ sơ " + code);
        assertThat(body(to, 2)).contains("- Hẹn trả kết quả: ").contains(" ngày " + vietnameseDate(originalDue))
                .contains("Lý do: Chờ kết quả xác minh của Công an tỉnh")
                .contains("Sự chậm trễ này đã gây phiền hà cho Ông/Bà.").contains("xin lỗi Ông/Bà")
                .contains("hẹn trả kết quả vào ").contains(" ngày " + vietnameseDate(shownDue)).contains("Mẫu số 04");

        ok(act("cv.stp", code, Map.of("action", "COMPLETE_STEP")));
        ok(act("tp.stp", code, Map.of("action", "COMPLETE_STEP")));
        ok(act("gd.stp", code, Map.of("action", "APPROVE")));
        sendNow();
        assertThat(subjects(to)).as("inner steps send nothing").hasSize(3);
        var ready = ok(act("vt.stp", code, Map.of("action", "ISSUE_RESULT", "resultNumber", "126/PLLTP", "resultDate", LocalDate.now(VIETNAM).toString())));
        assertThat(ready).containsEntry("early", true);
        sendNow();
        assertThat(subjects(to)).hasSize(4).last().isEqualTo("Hồ sơ " + code + " đã có kết quả trước hạn");
        assertThat(body(to, 3)).contains("đã giải quyết xong hồ sơ của Ông/Bà, trước ngày hẹn trả")
                .contains("Mời Ông/Bà nhận kết quả tại Trung tâm Phục vụ hành chính công tỉnh").contains("không cần chờ đến ngày hẹn");

        ok(act("tn.ttpvhcc", code, Map.of("action", "RETURN_RESULT", "delivery", "COUNTER", "receivedBy", "Đỗ Thị Hạnh")));
        sendNow();
        assertThat(subjects(to)).hasSize(5).last().isEqualTo("Đã trả kết quả hồ sơ " + code);
        assertThat(body(to, 4)).contains("đã trả kết quả giải quyết hồ sơ của Ông/Bà lúc ").contains(LOOKUP + code);
        assertThat(outboxOf(code)).extracting(r -> r.get("kind")).containsExactly(
                "RECEIVED", "RECEIVED", "SUPPLEMENT_REQUESTED", "SUPPLEMENT_REQUESTED", "EXTENDED", "EXTENDED",
                "RESULT_READY", "RESULT_READY", "RETURNED", "RETURNED");
        assertThat(outboxOf(code)).extracting(r -> r.get("status")).containsOnly("SENT");
        var sms = outboxOf(code).stream().filter(r -> "SMS".equals(r.get("channel")) && "EXTENDED".equals(r.get("kind"))).findFirst().orElseThrow();
        assertThat((String) sms.get("body")).isEqualTo("Xin lỗi Ông/Bà: hồ sơ " + code + " chưa giải quyết xong, hẹn trả lại ngày "
                + vietnameseDate(shownDue) + ". Tra cứu: " + LOOKUP + code);
    }

    @Test
    void aDossierStoppedAtTheApplicantsRequestIsConfirmed() throws Exception {
        smtpUp();
        String to = address("luong.van.tai");
        String code = code(post("tn.ttpvhcc", intake(RECORD, "H36.10", "RECEIVE", "Lương Văn Tài", to, "0913000333")));
        ok(act("tn.ttpvhcc", code, Map.of("action", "REQUEST_STOP", "note", "Người nộp xin rút hồ sơ để bổ sung giấy tờ khác")));
        ok(act("tn.ttpvhcc", code, Map.of("action", "STOP", "note", "Dừng theo đơn xin rút hồ sơ")));
        sendNow();
        assertThat(subjects(to)).containsExactly("Hồ sơ " + code + " đã được tiếp nhận", "Dừng giải quyết hồ sơ " + code);
        assertThat(body(to, 1)).contains("Theo đề nghị của Ông/Bà, Sở Tư pháp").contains("Mẫu số 05")
                .contains("- Nội dung: Dừng theo đơn xin rút hồ sơ").contains("nhận lại giấy tờ bản chính");
    }

    @Test
    void aFeeToPayIsToldWithItsAmountAndWhetherTheClockWaits() throws Exception {
        smtpUp();
        var policy = as("admin").put().uri("/api/v1/clock-policies/{p}", RECORD).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("supplementWindowDays", 3, "onSupplement", "RESTART", "paymentAllowed", true, "paymentPauses", true,
                        "pauseReasons", List.of(), "legalBasis", "Thông tư 281/2016/TT-BTC (lệ phí)")).retrieve().toEntity(MAP);
        assertThat(policy.getStatusCode().value()).as(String.valueOf(policy.getBody())).isEqualTo(200);
        try {
            String to = address("mai.van.phi");
            String code = code(post("tn.ttpvhcc", intake(RECORD, "H36.10", "RECEIVE", "Mai Văn Phí", to, "0913000555")));
            ok(act("pc.stp", code, Map.of("action", "ASSIGN", "assignee", "cv.stp")));
            ok(act("cv.stp", code, Map.of("action", "REQUEST_PAYMENT", "amount", 200000, "note", "Lệ phí cấp phiếu lý lịch tư pháp")));
            sendNow();
            assertThat(subjects(to)).containsExactly("Hồ sơ " + code + " đã được tiếp nhận",
                    "Hồ sơ " + code + ": đề nghị thực hiện nghĩa vụ tài chính");
            assertThat(body(to, 1)).contains("Kính gửi Ông/Bà Mai Văn Phí").contains("Sở Tư pháp tỉnh Lâm Đồng đề nghị Ông/Bà thực hiện nghĩa vụ tài chính")
                    .contains("200.000 đồng").contains("- Nội dung: Lệ phí cấp phiếu lý lịch tư pháp")
                    .contains("Thời hạn giải quyết tạm dừng").doesNotContain("vẫn tính");
            var sms = outboxOf(code).stream().filter(r -> "SMS".equals(r.get("channel")) && "PAYMENT_REQUESTED".equals(r.get("kind")))
                    .findFirst().orElseThrow();
            assertThat((String) sms.get("body")).contains("đề nghị thực hiện nghĩa vụ tài chính").contains("200.000 đồng").contains(LOOKUP + code);
            ok(act("tn.ttpvhcc", code, Map.of("action", "PAYMENT_RECEIVED")));
            sendNow();
            assertThat(subjects(to)).as("the payment received is not a message").hasSize(2);
        } finally {
            as("admin").put().uri("/api/v1/clock-policies/{p}", RECORD).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("supplementWindowDays", 3, "onSupplement", "RESTART", "paymentAllowed", false, "paymentPauses", false,
                            "pauseReasons", List.of(), "legalBasis", "Nghị định 61/2018/NĐ-CP Điều 19")).retrieve().toEntity(MAP);
        }
    }

    List<String> subjects(String to) throws Exception {
        var out = new java.util.ArrayList<String>();
        for (MimeMessage m : mailTo(to)) {
            out.add(m.getSubject());
        }
        return out;
    }

    String body(String to, int index) throws Exception {
        return (String) mailTo(to).get(index).getContent();
    }

    Map<String, Object> dossier(String code) {
        return as("tn.ttpvhcc").get().uri("/api/v1/dossiers/{c}", code).retrieve().toEntity(MAP).getBody();
    }

    ResponseEntity<Map<String, Object>> act(String user, String code, Map<String, Object> body) {
        return as(user).post().uri("/api/v1/dossiers/{c}/actions", code).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(MAP);
    }

    static Map<String, Object> ok(ResponseEntity<Map<String, Object>> r) {
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
        return r.getBody();
    }
}
