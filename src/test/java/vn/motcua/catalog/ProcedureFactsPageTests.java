package vn.motcua.catalog;

import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.motcua.IntegrationTest;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * The procedure pages and the completeness view on the demo catalog, which is imported from the real files of
 * ../shared/data/tthc. Expected values come from those files, read here by simple rules of their own.
 */
class ProcedureFactsPageTests extends IntegrationTest {

    static final Path LAM_DONG = Path.of("../shared/data/tthc/lamdong_tthc_listing_1299.csv");
    static final Map<String, JsonNode> NATIONAL = new HashMap<>();
    /** Base codes of Lâm Đồng's list that the national export does not hold: known only by code, name, field, level. */
    static final Set<String> LAM_DONG_ONLY = new TreeSet<>();

    @Autowired
    CatalogCompleteness completeness;

    @BeforeAll
    static void readTheSources() throws Exception {
        CatalogDataQualityReport.rows().forEach(n -> NATIONAL.put(n.get("ma_thu_tuc").asString(), n));
        var code = Pattern.compile("^(\\d\\.\\d{6})(?:\\.|$)");
        try (Reader in = Files.newBufferedReader(LAM_DONG, StandardCharsets.UTF_8)) {
            for (var r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                var m = code.matcher(r.get("ma_chuan").strip());
                if (m.find() && !NATIONAL.containsKey(m.group(1))) {
                    LAM_DONG_ONLY.add(m.group(1));
                }
            }
        }
    }

    String page(String code) {
        return anonymous().get().uri("/public/procedures/" + code).retrieve().body(String.class);
    }

    static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("section #" + id).isPositive();
        return html.substring(start, html.indexOf("</table>", start) > 0 && id.equals("channels") ? html.indexOf("</table>", start) : html.indexOf("</ul>", start));
    }

    @Test
    void theIdCardReissuePageShowsBothFeesWithTheirConditions() {
        String channels = section(page("1.014064"), "channels");
        // the fee as set, and the halved fee of TT 64/2025/TT-BTC until 31/12/2026
        assertThat(channels).contains("70.000 đồng", "35.000 đồng", "Áp dụng từ 01/07/2025 đến hết 31/12/2026", "Theo 64/2025/TT-BTC",
                "khoản 2 Điều 24 Luật Căn cước", "Kể từ ngày 01/7/2025 đến hết ngày 31/12/2026");
        // the postal channel's fee cell says "Không có thông tin"
        assertThat(channels).contains("Nguồn công bố không ghi phí, lệ phí");
    }

    @Test
    void theBuildingPermitPageSaysThePeoplesCouncilSetsTheFee() {
        String channels = section(page("1.013225"), "channels");
        assertThat(channels).contains("Theo mức do Hội đồng nhân dân cấp tỉnh quy định", "Theo quy định của Hội đồng nhân dân cấp tỉnh")
                .doesNotContain("Miễn phí");
        assertThat(channels).contains("20", "15").contains("ngày");
    }

    @Test
    void legalBasisShowsNumberKindIssuerAndDate() {
        String legal = section(page("1.004222"), "legal-basis");
        assertThat(legal).contains("66.7/2025/NQ-CP").contains("Nghị quyết, Chính phủ").doesNotContain("(7/2025/NQ-CP)");
        assertThat(section(page("1.014064"), "legal-basis")).contains("53/2025/TT-BCA").contains("Thông tư, Bộ Công an, ban hành ngày 01/07/2025");
    }

    @Test
    void aTimeWithoutAUnitIsSaidInWordsAndFlagged() {
        // 1.000016: "Dịch vụ bưu chính1Miễn phí(Không có)"
        String channels = section(page("1.000016"), "channels");
        assertThat(channels).contains("không ghi là ngày, ngày làm việc hay giờ", "chờ cán bộ kiểm soát TTHC xác minh")
                .doesNotContain("(nguồn không ghi đơn vị)");
    }

    @Test
    void notesAreListedApartFromDocuments() {
        String html = page("1.000110");
        String documents = html.substring(html.indexOf("id=\"documents\""), html.indexOf("</table>", html.indexOf("id=\"documents\"")));
        assertThat(documents).doesNotContain("Cơ quan đăng ký hộ tịch từ chối").doesNotContain("Trường hợp cha, mẹ không thỏa thuận")
                .doesNotContain("không ghi số lượng").contains("Giấy chứng sinh");
        assertThat(section(html, "dossier-notes")).contains("Trường hợp cha, mẹ không thỏa thuận được về họ");
    }

    @Test
    void aProcedureKnownOnlyFromTheProvincialListSaysSoAndLinksToTheNationalPage() {
        assertThat(LAM_DONG_ONLY).hasSizeBetween(900, 1000);
        String code = LAM_DONG_ONLY.iterator().next();
        String html = page(code);
        assertThat(html).contains("Chi tiết thủ tục chưa được công bố trên hệ thống này")
                .contains("https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=" + code)
                .doesNotContain("Trình tự thực hiện").doesNotContain("Thành phần hồ sơ");
    }

    @Test
    void theCompletenessViewCountsWhatTheSourcesHold() {
        var view = completeness.view(new CatalogCompleteness.Filter(null, false, false, null), Integer.MAX_VALUE, 0);
        Map<String, CatalogCompleteness.Row> rows = new HashMap<>();
        view.rows().forEach(r -> rows.put(r.code(), r));
        // every procedure known only from Lâm Đồng's list has a name and nothing else of the seven
        var onlyName = EnumSet.complementOf(EnumSet.of(MandatoryComponent.NAME));
        assertThat(LAM_DONG_ONLY).allSatisfy(code -> {
            assertThat(rows).containsKey(code);
            assertThat(rows.get(code).missing()).isEqualTo(onlyName);
            assertThat(rows.get(code).detailsPublished()).isFalse();
        });
        // national procedures: a component is missing where the portal's field is empty or says "Không có thông tin"
        var expected = new HashMap<MandatoryComponent, Set<String>>();
        for (var e : NATIONAL.entrySet()) {
            var n = e.getValue();
            if (empty(n, "trinh_tu_thuc_hien")) {
                expected.computeIfAbsent(MandatoryComponent.STEPS, k -> new HashSet<>()).add(e.getKey());
            }
            if (empty(n, "doi_tuong_thuc_hien")) {
                expected.computeIfAbsent(MandatoryComponent.APPLICANTS, k -> new HashSet<>()).add(e.getKey());
            }
            if (empty(n, "co_quan_thuc_hien") && empty(n, "co_quan_co_tham_quyen")) {
                expected.computeIfAbsent(MandatoryComponent.AGENCY, k -> new HashSet<>()).add(e.getKey());
            }
            if (noDocument(CatalogDataQualityReport.text(n, "thanh_phan_ho_so"))) {
                expected.computeIfAbsent(MandatoryComponent.DOCUMENTS, k -> new HashSet<>()).add(e.getKey());
            }
        }
        for (var c : List.of(MandatoryComponent.STEPS, MandatoryComponent.APPLICANTS, MandatoryComponent.AGENCY, MandatoryComponent.DOCUMENTS)) {
            var actual = new TreeSet<String>();
            NATIONAL.keySet().stream().filter(code -> rows.containsKey(code) && rows.get(code).missing().contains(c)).forEach(actual::add);
            assertThat(actual).as(c.name()).isEqualTo(new TreeSet<>(expected.getOrDefault(c, Set.of())));
        }
    }

    /** No row with a count, or rows that only say no document is prescribed ("không quy định", "Do uỷ ban nhân dân cấp tỉnh quy định"). */
    static boolean noDocument(String dossier) {
        var rows = dossier.replace("Tên giấy tờMẫu đơn, tờ khaiSố lượng", "\n").split("\\d+ bản (?:chính|sao)(?:,\\s?\\d+ bản sao)?");
        if (!dossier.matches("(?s).*\\d+ bản (chính|sao).*")) {
            return true;
        }
        return java.util.Arrays.stream(rows).map(r -> r.replaceAll("^[\\s\\S]*\\n", "").strip())
                .allMatch(r -> r.isEmpty() || r.matches("(?i)(không quy định|do .* quy định)\\.?"));
    }

    static boolean empty(JsonNode n, String field) {
        String v = CatalogDataQualityReport.text(n, field).strip();
        return v.isEmpty() || v.equals("Không có thông tin");
    }
}
