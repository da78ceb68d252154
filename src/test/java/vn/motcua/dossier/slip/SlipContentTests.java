package vn.motcua.dossier.slip;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlipContentTests {

    // vn-rules §5.2, Form 03: "never replace the reason with a technical error code"; the same for Form 02.
    @ParameterizedTest
    @ValueSource(strings = {"DOCUMENT_MISSING", "dossier.refused", "E42", "applicant.id-number.invalid", "  ", "Thiếu"})
    void refusesAReasonThatIsACodeRatherThanWords(String reason) {
        assertThatIllegalArgumentException().isThrownBy(() -> new SlipContent.Refusal(reason));
        assertThatIllegalArgumentException().isThrownBy(() -> new SlipContent.MissingItem("Giấy chứng sinh", reason));
        assertThatIllegalArgumentException().isThrownBy(() -> new SlipContent.SupplementRequest(
                List.of(new SlipContent.MissingItem("Giấy chứng sinh", "Hồ sơ chưa có giấy tờ này")), reason));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Thiếu giấy chứng sinh", "Thủ tục thuộc thẩm quyền của Ủy ban nhân dân cấp xã.", "Hồ sơ\nchưa đủ"})
    void takesAReasonInWords(String reason) {
        assertThat(new SlipContent.Refusal(reason).reason()).isEqualTo(reason.strip());
    }

    @Test
    void theFormFollowsFromWhatTheSlipSays() {
        assertThat(TestSlipContents.receipt().form()).isEqualTo(SlipForm.RECEIPT_01);
        assertThat(TestSlipContents.supplementRequest().form()).isEqualTo(SlipForm.SUPPLEMENT_REQUEST_02);
        assertThat(TestSlipContents.refusal().form()).isEqualTo(SlipForm.REFUSAL_03);
        assertThat(SlipForm.ofNumber("02")).isEqualTo(SlipForm.SUPPLEMENT_REQUEST_02);
        assertThat(SlipForm.ofNumber("04")).isEqualTo(SlipForm.APOLOGY_04);
        assertThat(SlipForm.ofNumber("05")).isEqualTo(SlipForm.STOP_NOTICE_05);
        assertThat(SlipForm.ofNumber("06")).isEqualTo(SlipForm.PROCESS_CONTROL_06);
        // the tracking book (07) is a book, not a slip of one dossier
        assertThatIllegalArgumentException().isThrownBy(() -> SlipForm.ofNumber("07"));
    }

    @Test
    void refusesAReceiptThatIsNotOne() {
        var doc = new SlipContent.ReceivedDocument("Tờ khai", 1, 0);
        Instant received = TestSlipContents.RECEIVED;
        assertThatIllegalArgumentException().as("appointment before the receipt").isThrownBy(() -> new SlipContent.Receipt(
                List.of(doc), 1, "03 ngày làm việc", received, received.minusSeconds(60), ResultDelivery.AT_DESK, null));
        assertThatIllegalArgumentException().as("no documents").isThrownBy(() -> new SlipContent.Receipt(
                List.of(), 1, "03 ngày làm việc", received, received, ResultDelivery.AT_DESK, null));
        assertThatIllegalArgumentException().as("nothing of a document").isThrownBy(() -> new SlipContent.ReceivedDocument("Tờ khai", 0, 0));
        assertThatIllegalArgumentException().as("no missing item").isThrownBy(() ->
                new SlipContent.SupplementRequest(List.of(), "Hồ sơ chưa đủ thành phần"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/tra-cuu?ma=H36.50-261201-0001", "tra-cuu", "javascript:alert(1)", "ftp://example.vn/x"})
    void theQrCodeLeadsOnlyToAWebAddress(String url) {
        var receipt = TestSlipContents.receipt();
        assertThatThrownBy(() -> new SlipContent(receipt.issuer(), receipt.place(), receipt.issuedAt(), null,
                receipt.dossierCode(), receipt.procedure(), receipt.applicant(), receipt.receivingOfficer(),
                receipt.handlingAgency(), url, receipt.body())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theContentIsStoredAsJsonAndComesBackTheSame() {
        var json = JsonMapper.builder().build();
        for (SlipContent content : List.of(TestSlipContents.receipt(), TestSlipContents.supplementRequest(), TestSlipContents.refusal())) {
            String stored = json.writeValueAsString(content);
            assertThat(stored).contains("\"form\":\"" + content.form().name() + "\"");
            assertThat(json.readValue(stored, SlipContent.class)).isEqualTo(content);
        }
    }
}
