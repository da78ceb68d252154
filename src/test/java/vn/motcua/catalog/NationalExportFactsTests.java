package vn.motcua.catalog;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import vn.motcua.calendar.DurationUnit;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real rows of the national export (../shared/data/tthc) read as a person reads the portal's page: the expected values
 * are what the page's table cells say, typed from the source text, not from the parser.
 */
class NationalExportFactsTests {

    static final Map<String, JsonNode> ROWS = new HashMap<>();

    @BeforeAll
    static void readTheExport() throws Exception {
        CatalogDataQualityReport.rows().forEach(n -> ROWS.put(n.get("ma_thu_tuc").asString(), n));
        assertThat(ROWS).hasSize(2642);
    }

    static ProcedureRecord record(String code) {
        return NationalExportParser.parse(ROWS.get(code)).record();
    }

    static Channel channel(String code, String kind) {
        return record(code).channels().stream().filter(c -> c.kind().equals(kind)).findFirst().orElseThrow();
    }

    // code, channel, basis, amount, currency, validFrom, validTo, legal reference, words the description must hold
    @ParameterizedTest(name = "{0} {1}: {2} {3} {4} {5}–{6}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # ID-card re-issue: 70.000 đồng/thẻ; halved from 01/7/2025 to 31/12/2026 under TT 64/2025/TT-BTC
            1.014064 | DIRECT | FIXED       | 70000   | VND | -          | -          | -             | khoản 2 Điều 24 Luật Căn cước
            1.014064 | DIRECT | FIXED       | 35000   | VND | 2025-07-01 | 2026-12-31 | 64/2025/TT-BTC | bằng 50% mức thu nêu trên
            1.014064 | ONLINE | FIXED       | 35000   | VND | 2025-01-01 | 2025-12-31 | -             | theo hình thức trực tuyển
            1.014064 | POSTAL | NOT_STATED  | -       | VND | -          | -          | -             | -
            # building permit: the portal's cell says "Miễn phí" but the fee is the provincial People's Council's
            1.013225 | ONLINE | SET_LOCALLY | -       | VND | -          | -          | -             | Hội đồng nhân dân cấp tỉnh
            1.013225 | DIRECT | SET_LOCALLY | -       | VND | -          | -          | -             | Hội đồng nhân dân cấp tỉnh
            # 800.000 đồng; 400.000 đồng/hồ sơ from 01/7/2025 to 31/12/2026 (TT 64/2025/TT-BTC)
            1.000688 | ONLINE | FIXED       | 800000  | VND | -          | -          | -             | áp dụng mức phí 400.000 đồng
            1.000688 | DIRECT | FIXED       | 400000  | VND | 2025-07-01 | 2026-12-31 | 64/2025/TT-BTC | áp dụng mức phí 400.000 đồng
            # tem "AB": 50.000đ; 25.000đ until 31/12/2026
            1.014899 | DIRECT | FIXED       | 25000   | VND | -          | 2026-12-31 | 64/2025/TT-BTC | 25.000đ/tem
            # visa fee in dollars
            1.000771 | ONLINE | FIXED       | 10      | USD | -          | -          | -             | /lần
            # "Miễn phí(Không có)"
            1.000016 | DIRECT | FREE        | -       | VND | -          | -          | -             | Không có
            # birth registration: the provincial People's Council sets it, with exemptions
            1.000110 | ONLINE | SET_LOCALLY | -       | VND | -          | -          | -             | Miễn lệ phí cho người thuộc gia đình có công
            """)
    void readsEachFeeWithItsConditionAndPeriod(String code, String kind, Channel.Fee.Basis basis, Long amount, String currency, LocalDate from,
                                               LocalDate to, String reference, String words) {
        var fees = channel(code, kind).fees();
        assertThat(fees).anySatisfy(f -> {
            assertThat(f.basis()).isEqualTo(basis);
            assertThat(f.amount()).isEqualTo(amount);
            assertThat(f.currency()).isEqualTo(currency);
            assertThat(f.validFrom()).isEqualTo(from);
            assertThat(f.validTo()).isEqualTo(to);
            assertThat(f.legalReference()).isEqualTo(reference);
            if (words != null) {
                assertThat(f.description() + " " + f.condition()).contains(words);
            }
        });
    }

    @Test
    void theIdCardReissueNeverLosesItsFeeDescription() {
        var direct = channel("1.014064", "DIRECT");
        assertThat(direct.fees()).first().satisfies(f -> assertThat(f.description())
                .contains("Kể từ ngày 01/7/2025 đến hết ngày 31/12/2026", "Thông tư số 64/2025/TT-BTC"));
        // the channel's own description starts after the fee's bracket
        assertThat(direct.description()).startsWith("- Trực tiếp tại trụ sở Công an cấp xã");
        assertThat(record("1.014064").channels()).extracting(Channel::kind).containsExactly("DIRECT", "ONLINE", "POSTAL");
    }

    // code, number, kind, issuer, issue date, the title as the portal's first column shows it (start)
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            1.004222 | 66.7/2025/NQ-CP               | Nghị quyết          | Chính phủ               | -          | Nghị quyết số 66.7/2025/NQ-CP của Chính phủ: Quy định cắt giảm, đơn giản hóa thủ tục hành chính dựa trên dữ liệu
            1.014064 | 53/2025/TT-BCA                | Thông tư            | Bộ Công an              | 2025-07-01 | Thông tư số 53/2025/TT-BCAngày 01/7/2025 của Bộ Công an sửa đổi
            1.014064 | 26/2023/QH15                  | Luật                | Quốc hội                | -          | Luật Căn cước
            1.014064 | 190/2025/NQ-QH15              | Nghị quyết          | Quốc hội                | -          | Nghị quyết số 190/2025/QH15 của Quốc hội
            1.014064 | 70/2024/NĐ-CP                 | Nghị định           | Chính phủ               | -          | Nghị định của Chính phủ: Quy định chi tiết một số điều và biện pháp thi hành Luật Căn cước
            1.013225 | 140/2025/NĐ-CP                | Nghị định           | Chính phủ               | -          | Quy định về phân định thẩm quyền của chính quyền địa phương 02 cấp
            1.013225 | 105/2025/NĐ-CP                | Nghị định           | Chính phủ               | -          | quy định chi tiết một số điều và biện pháp thi hành luật phòng cháy
            1.013225 | 50/2014/QH13                  | Luật                | Quốc hội                | -          | Luật Xây dựng
            1.003220 | 21/2008/TTLT-BQP-BLĐTBXH-BTC  | Thông tư liên tịch  | Bộ Quốc phòng, Bộ Lao động - Thương binh và Xã hội, Bộ Tài chính | - | Thông tư liên tịch 21/2008/TTLT
            1.003777 | 53/2010/QĐ-TTg                | Quyết định          | Thủ tướng Chính phủ     | -          | Quyết định Quy định về chế độ đối với cán bộ, chiến sĩ Công an nhân dân
            1.004089 | 26/2005/PL-UBTVQH11           | Pháp lệnh           | Ủy ban Thường vụ Quốc hội | -        | 26/2005/PL-UBTVQH11 - Ưu đãi người có công với cách mạng
            1.000178 | 02/2011/QH13                  | Luật                | Quốc hội                | -          | Luật Khiếu nại
            1.010038 | 54/2025/TT-BCA                | Thông tư            | Bộ Công an              | 2025-07-01 | Thông tư số 54/2025/TT-BCA ngày 01/7/2025 của Bộ trưởng Bộ Công an quy định về quy trình đăng ký cư trú
            """)
    void citesLegalDocumentsTheWayTheyAreNumbered(String code, String number, String kind, String issuer, LocalDate date, String title) {
        assertThat(record(code).legalBasis()).filteredOn(l -> l.number().equals(number)).singleElement().satisfies(l -> {
            assertThat(l.kind()).isEqualTo(kind);
            assertThat(l.issuer()).isEqualTo(issuer);
            assertThat(l.date()).isEqualTo(date);
            assertThat(l.title()).startsWith(title);
        });
    }

    @Test
    void numbersInsideATitleStayInTheTitle() {
        // 1.014064 lists seven documents; the title of 53/2025/TT-BCA cites 55/2021, 66/2023, 56/2021 and 17/2024 in its text
        assertThat(record("1.014064").legalBasis()).extracting(LegalBasis::number).containsExactly("190/2025/NQ-QH15", "16/2024/TT-BCA",
                "17/2024/TT-BCA", "53/2025/TT-BCA", "70/2024/NĐ-CP", "18/2024/TT-BCA", "26/2023/QH15");
        assertThat(record("1.014064").legalBasis()).filteredOn(l -> l.number().equals("53/2025/TT-BCA")).singleElement()
                .satisfies(l -> assertThat(l.title()).contains("Thông tư số 55/2021/TT-BCA", "Thông tư số 17/2024/TT-BCA ngày 15 tháng 5 năm 2024"));
        // the sub-numbered resolution is one number, not "66." and "7/2025/NQ-CP"
        assertThat(record("1.004222").legalBasis()).extracting(LegalBasis::number).contains("66.7/2025/NQ-CP").doesNotContain("7/2025/NQ-CP");
    }

    @Test
    void tellsDocumentsFromNotesAndConditions() {
        // 1.000110, birth registration in a border area: two tables ("* Giấy tờ phải nộp", "* Giấy tờ phải xuất trình")
        var r = record("1.000110");
        assertThat(r.documents()).extracting(RequiredDocument::name).noneMatch(n -> n.startsWith("Cơ quan đăng ký hộ tịch từ chối")
                || n.startsWith("Trường hợp cha, mẹ không thỏa thuận") || n.startsWith("Trường hợp người yêu cầu đã nộp bản điện tử"));
        assertThat(r.dossierNotes()).anyMatch(n -> n.startsWith("Trường hợp cha, mẹ không thỏa thuận được về họ, dân tộc, quê quán của con"))
                .anyMatch(n -> n.startsWith("Cơ quan đăng ký hộ tịch từ chối giải quyết"));
        assertThat(r.documents()).filteredOn(d -> d.name().startsWith("Giấy chứng sinh")).singleElement().satisfies(d -> {
            assertThat(d.originals()).isEqualTo(1);
            assertThat(d.copies()).isZero();
            assertThat(d.group()).isEqualTo("Giấy tờ phải nộp");
        });
        assertThat(r.documents()).filteredOn(d -> d.name().startsWith("Bản sao giấy tờ chứng minh nhân thân")).singleElement().satisfies(d -> {
            assertThat(d.originals()).isZero();
            assertThat(d.copies()).isEqualTo(1);
        });
        assertThat(r.documents()).filteredOn(d -> d.name().startsWith("Hộ chiếu/Thẻ căn cước công dân")).singleElement()
                .satisfies(d -> assertThat(d.group()).isEqualTo("Giấy tờ phải xuất trình"));
        assertThat(r.documents()).filteredOn(d -> d.name().startsWith("Trường hợp khai sinh cho trẻ em sinh ra do mang thai hộ")).singleElement()
                .satisfies(d -> assertThat(d.mandatory()).as("only for surrogacy").isFalse());
    }

    @Test
    void readsTheIdCardDossierWithItsFormAndNote() {
        var r = record("1.014064");
        assertThat(r.documents()).filteredOn(d -> d.name().startsWith("Phiếu đề nghị giải quyết thủ tục về căn cước")).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("Phiếu đề nghị giải quyết thủ tục về căn cước (Mẫu DC02 ban hành kèm theo Thông tư số 17/2024/TT-BCA của Bộ Công an)");
            assertThat(d.templates()).containsExactly("Mẫu DC02 Phiếu đề nghị giải quyết thủ tục về căn cước.doc");
            assertThat(d.originals()).isEqualTo(1);
            assertThat(d.mandatory()).isTrue();
        });
        assertThat(r.dossierNotes()).contains("Phiếu này là biểu mẫu điện tử, công dân kê khai đối với trường hợp nộp hồ sơ trực tuyến.");
        assertThat(r.documents()).extracting(RequiredDocument::name).doesNotContain("Phiếu này là biểu mẫu điện tử, công dân kê khai đối với trường hợp nộp hồ sơ trực tuyến.");
    }

    @Test
    void aCountInsideANameStaysInTheName() {
        // 1.001280: "…còn giá trị sử dụng.1 bản chính,1 bản sao01 bản sao giấy khai sinh hoặc…"
        assertThat(record("1.001280").documents()).extracting(RequiredDocument::name)
                .noneMatch(String::isBlank).anyMatch(n -> n.startsWith("01 bản sao giấy khai sinh"));
    }

    @Test
    void buildingPermitDocumentsKeepTheirTables() {
        assertThat(record("1.013225").documents()).extracting(RequiredDocument::group)
                .contains("(1.1) Đối với công trình không theo tuyến", "(1.2) Đối với công trình theo tuyến");
    }

    // code, channel, amount, unit ("-": the source gives none), whether the officer must confirm it
    @ParameterizedTest(name = "{0} {1}: {2} {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            1.014064 | DIRECT | 7  | WORKING_DAY  | false
            1.013225 | ONLINE | 20 | CALENDAR_DAY | false
            1.013225 | DIRECT | 15 | CALENDAR_DAY | false
            1.000016 | DIRECT | 1  | -            | true
            1.000110 | ONLINE | 1  | -            | true
            1.000178 | POSTAL | 60 | WORKING_DAY  | false
            """)
    void readsProcessingTimesAndFlagsTheOnesWithoutAUnit(String code, String kind, int amount, DurationUnit unit, boolean toConfirm) {
        var c = channel(code, kind);
        assertThat(c.timeAmount()).isEqualTo(amount);
        assertThat(c.timeUnit()).isEqualTo(unit);
        assertThat(c.timeUnitMissing()).isEqualTo(toConfirm);
        assertThat(record(code).timeUnitMissing()).isEqualTo(toConfirm || record(code).channels().stream().anyMatch(Channel::timeUnitMissing));
    }

    @Test
    void aTimeCellInWordsIsKeptAsWords() {
        var c = channel("1.007689", "ONLINE");
        assertThat(c.timeAmount()).isNull();
        assertThat(c.timeText()).isEqualTo("Không phải trả kết quả cho người nộp thuế");
        assertThat(c.fees()).extracting(Channel.Fee::basis).containsExactly(Channel.Fee.Basis.FREE);
    }
}
