package vn.motcua.catalog;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real rows of the national portal's export (shared/data/tthc, shipped in src/main/resources/catalog). */
class NationalExportParserTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Map<String, JsonNode> ROWS = new HashMap<>();

    @BeforeAll
    static void readTheExport() throws Exception {
        try (var in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                new ClassPathResource("catalog/national_tthc_dvcqg_2642_full.jsonl.gz").getInputStream()), StandardCharsets.UTF_8))) {
            in.lines().map(JSON::readTree).forEach(n -> ROWS.put(n.get("ma_thu_tuc").asString(), n));
        }
        assertThat(ROWS).hasSize(2642);
    }

    @Test
    void readsAComplaintProcedureWithItsPostalChannelAndLegalBasis() {
        // 1.000178: "Hình thức nộpThời gianPhí, lệ phíMô tảDịch vụ bưu chính60 Ngày làm việcKhông có thông tin…"
        var row = NationalExportParser.parse(ROWS.get("1.000178"));
        var r = row.record();
        assertThat(row.decisionNumber()).isEqualTo("QĐ/0001-BCA");
        assertThat(r.levels()).containsExactly(ProcedureLevel.MINISTRY);
        assertThat(r.field()).isEqualTo("Khiếu nại, tố cáo");
        assertThat(r.channels()).extracting(Channel::kind).startsWith("POSTAL");
        assertThat(r.channels().getFirst().timeAmount()).isEqualTo(60);
        assertThat(r.channels().getFirst().timeUnit()).isEqualTo(vn.motcua.calendar.DurationUnit.WORKING_DAY);
        assertThat(r.legalBasis()).extracting(LegalBasis::number).contains("68/2013/TT-BCA", "02/2011/QH13", "11/2015/TT-BCA", "05/2012/NĐ-CP");
        assertThat(r.legalBasis()).extracting(LegalBasis::title)
                .contains("Hướng dẫn xử lý khiếu nại, kiến nghị, phản ánh; giải quyết khiếu nại và quản lý công tác giải quyết khiếu nại trong công an nhân dân");
        assertThat(r.results()).containsExactly("Quyết định giải quyết khiếu nại lần 1, lần 2");
        assertThat(r.documents()).extracting(RequiredDocument::name).contains("Tài liệu, chứng cứ do các bên cung cấp");
        assertThat(r.documents()).filteredOn(d -> d.name().equals("Quyết định giải quyết khiếu nại")).singleElement()
                .satisfies(d -> assertThat(d.originals()).isEqualTo(1));
        assertThat(r.documents()).filteredOn(d -> d.name().startsWith("Biên bản tổ chức đối thoại")).singleElement()
                .satisfies(d -> assertThat(d.mandatory()).as("(nếu có)").isFalse());
    }

    @Test
    void aTimeWithoutAUnitIsKeptAsANumberAndReported() {
        // 1.007664: "Trực tuyến1Miễn phíTrực tiếp1Miễn phí" — the portal gives no unit
        var row = NationalExportParser.parse(ROWS.get("1.007664"));
        assertThat(row.record().channels()).extracting(Channel::kind).containsExactly("ONLINE", "DIRECT");
        assertThat(row.record().channels()).allSatisfy(c -> {
            assertThat(c.timeAmount()).isEqualTo(1);
            assertThat(c.timeUnit()).isNull();
            assertThat(c.fees()).extracting(Channel.Fee::amountVnd).containsExactly(0L);
        });
        assertThat(row.notes()).anyMatch(n -> n.contains("không ghi đơn vị"));
        assertThat(row.record().levels()).containsExactly(ProcedureLevel.MINISTRY, ProcedureLevel.COMMUNE);
        assertThat(row.record().onlineLevel()).isEqualTo(OnlineLevel.PARTIAL);
        assertThat(row.record().results()).contains("Thực hiện miễn thuế theo quy định");
    }

    @Test
    void readsDocumentsWithTemplatesAndCopies() {
        // 1.000823: "Đơn đề nghị chuyển đổi Giấy phép theo Mẫu số 08 …;Mus08.docx1 bản chính"
        var r = NationalExportParser.parse(ROWS.get("1.000823")).record();
        assertThat(r.channels()).extracting(Channel::timeAmount).containsOnly(22);
        assertThat(r.documents().getFirst().templates()).containsExactly("Mus08.docx");
        assertThat(r.documents().getFirst().name()).startsWith("Đơn đề nghị chuyển đổi Giấy phép theo Mẫu số 08");
        assertThat(r.legalBasis()).extracting(LegalBasis::number).contains("121/2021/NĐ-CP", "24/2026/NQ-CP");
        var tax = NationalExportParser.parse(ROWS.get("1.007664")).record();
        assertThat(tax.documents()).anySatisfy(d -> {
            assertThat(d.originals()).isZero();
            assertThat(d.copies()).isEqualTo(1);
        });
    }

    @Test
    void everyRowOfTheExportParses() {
        int withTime = 0;
        for (JsonNode row : ROWS.values()) {
            var parsed = NationalExportParser.parse(row);
            assertThat(parsed.record().name()).isNotBlank();
            if (parsed.record().quickestChannel() != null) {
                withTime++;
            }
        }
        // the data's README: 2,505 of 2,642 rows state a time
        assertThat(withTime).isBetween(2400, 2642);
    }

    @Test
    void aCodeThatIsNotNationalIsRefused() {
        var node = JSON.readTree("{\"ma_thu_tuc\":\"CCHC_01\",\"ten_thu_tuc\":\"Xây dựng kế hoạch\"}");
        assertThatThrownBy(() -> NationalExportParser.parse(node)).hasMessageContaining("CCHC_01");
        var unknownField = JSON.readTree("{\"ma_thu_tuc\":\"1.000001\",\"ten_thu_tuc\":\"Thủ tục X\",\"truong_moi\":\"?\"}");
        assertThat(NationalExportParser.parse(unknownField).notes()).anyMatch(n -> n.contains("truong_moi"));
    }

    @Test
    void mapsLevelsToTheTwoLevelGovernment() {
        assertThat(NationalExportParser.levels("Cấp bộ, Cấp tỉnh, Cấp xã"))
                .containsExactly(ProcedureLevel.MINISTRY, ProcedureLevel.PROVINCE, ProcedureLevel.COMMUNE);
        assertThat(NationalExportParser.levels("Cấp huyện")).containsExactly(ProcedureLevel.COMMUNE);
        assertThat(NationalExportParser.levels("Cơ quan khác")).containsExactly(ProcedureLevel.OTHER);
        assertThat(NationalExportParser.levels("")).isEqualTo(List.of());
    }

    @Test
    void decomposedLettersAreStoredComposed() {
        // 499 rows of the export carry decomposed letters; 1.000178's result has "lâ" + U+0300
        assertThat(ROWS.get("1.000178").get("ket_qua_xu_ly").asString()).contains("l\u00e2\u0300n");
        var results = NationalExportParser.parse(ROWS.get("1.000178")).record().results();
        assertThat(results.getFirst()).contains("l\u1ea7n").doesNotContain("\u0300");
        assertThat(VietnameseText.words("khi\u00ea\u0301u na\u0323i")).containsExactly("khieu", "nai");
    }
}
