package vn.motcua.catalog;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.IntegrationTest;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publishing history as it happened: decisions as their sources state them (the demo catalog is the real national
 * export and Lâm Đồng's listing, imported at start), versions across decisions of the same day, and the page of a
 * procedure abolished or replaced. Codes 9.94xxxx are made up for these tests.
 */
class PublishingHistoryTests extends IntegrationTest {

    @Autowired
    PublishingDecisions decisions;
    @Autowired
    ProcedureCatalog catalog;

    @Test
    void twoDecisionsOfTheSameDayLeaveTheFirstVersionSupersededNotAnInvertedPeriod() {
        String code = "9.94" + fresh().substring(0, 4).replaceAll("[a-z]", "1");
        var day = LocalDate.of(2026, 12, 1);
        decisions.apply(decisions.draft("501/QĐ-UBND", LocalDate.of(2026, 11, 20), "Chủ tịch UBND tỉnh Lâm Đồng", day, List.of(
                new Decision.Item(code, Decision.Change.NEW, DecisionsAndVersionsTests.procedure(code, "Thủ tục cùng ngày", 10), null))).id());
        decisions.apply(decisions.draft("502/QĐ-UBND", LocalDate.of(2026, 11, 25), "Chủ tịch UBND tỉnh Lâm Đồng", day, List.of(
                new Decision.Item(code, Decision.Change.AMENDED, DecisionsAndVersionsTests.procedure(code, "Thủ tục cùng ngày", 7), null))).id());

        var history = catalog.history(code);
        assertThat(history).hasSize(2);
        var first = history.getFirst();
        assertThat(first.supersededOnFirstDay()).isTrue();
        assertThat(first.inForceOn(day)).isFalse();
        assertThat(first.ending()).isNotNull();
        assertThat(first.ending().decisionNumber()).isEqualTo("502/QĐ-UBND");
        assertThat(first.ending().change()).isEqualTo(Decision.Change.AMENDED);
        assertThat(catalog.inForce(code, day).versionNo()).isEqualTo(2);
        assertThat(catalog.inForce(code, day).record().channels().getFirst().timeAmount()).isEqualTo(7);

        String page = anonymous().get().uri("/public/procedures/" + code + "?on=2026-12-02").retrieve().body(String.class);
        assertThat(page).doesNotContain("01/12/2026 – 30/11/2026");
        assertThat(page).contains("bị thay thế ngay").contains("trong ngày có hiệu lực 01/12/2026")
                .contains("Quyết định số 502/QĐ-UBND").contains("ngày 25/11/2026").contains("của Chủ tịch UBND tỉnh Lâm Đồng");
    }

    @Test
    void importedDecisionsCarryTheSourcesNumberAndIssuerAndNoInventedDate() {
        // 1.000005 of the national export: so_quyet_dinh 2628/QĐ-BTC, folder bo-tai-chinh; not in Lâm Đồng's list
        var finance = catalog.history("1.000005").getFirst();
        assertThat(finance.decisionNumber()).isEqualTo("2628/QĐ-BTC");
        assertThat(finance.decisionIssuer()).isEqualTo("Bộ Tài chính");
        assertThat(finance.decisionDate()).as("the export states no date").isNull();
        assertThat(finance.decisionSourceFile()).isEqualTo("national_tthc_dvcqg_2642_full.jsonl.gz");
        // 1.000010: 877/QĐ-BGTVT in the Ministry of Construction's folder: issued by the former Ministry of Transport
        assertThat(catalog.history("1.000010").getFirst().decisionIssuer()).isEqualTo("Bộ Giao thông vận tải");
        // 1.001054: "SỐ 64/QĐ-NHNN"
        assertThat(catalog.history("1.001054").getFirst().decisionNumber()).isEqualTo("64/QĐ-NHNN");
        assertThat(catalog.history("1.001054").getFirst().decisionIssuer()).isEqualTo("Ngân hàng Nhà nước Việt Nam");
        // 1.013463 is only in Lâm Đồng's listing, which names no decision
        var listed = catalog.history("1.013463").getFirst();
        assertThat(listed.decisionNumber()).isNull();
        assertThat(listed.decisionIssuer()).isNull();
        assertThat(listed.decisionDate()).isNull();
        assertThat(listed.decisionSourceFile()).isEqualTo("lamdong_tthc_listing_1299.csv");

        String page = anonymous().get().uri("/public/procedures/1.013463").retrieve().body(String.class);
        assertThat(page).contains("số quyết định: không được nêu trong nguồn").contains("ngày ký: không được nêu trong nguồn")
                .contains("cơ quan ban hành: không được nêu trong nguồn").contains("(nhập từ tệp lamdong_tthc_listing_1299.csv)")
                .doesNotContain("Danh mục TTHC nhập từ");
        String national = anonymous().get().uri("/public/procedures/1.000010").retrieve().body(String.class);
        assertThat(national).contains("Quyết định số 877/QĐ-BGTVT").contains("của Bộ Giao thông vận tải")
                .contains("ngày ký: không được nêu trong nguồn").doesNotContain("bo-xay-dung");
    }

    @Test
    void anAbolishedProceduresPageSaysByWhichDecisionAndWhen() {
        String suffix = fresh().substring(0, 4).replaceAll("[a-z]", "2");
        String abolished = "9.95" + suffix;
        String old = "9.96" + suffix;
        String replacement = "9.97" + suffix;
        decisions.apply(decisions.draft("611/QĐ-UBND", LocalDate.of(2025, 7, 1), "Chủ tịch UBND tỉnh Lâm Đồng", LocalDate.of(2025, 7, 1), List.of(
                new Decision.Item(abolished, Decision.Change.NEW, DecisionsAndVersionsTests.procedure(abolished, "Thủ tục sẽ bị bãi bỏ", 5), null),
                new Decision.Item(old, Decision.Change.NEW, DecisionsAndVersionsTests.procedure(old, "Thủ tục sẽ bị thay thế", 5), null))).id());
        decisions.apply(decisions.draft("612/QĐ-UBND", LocalDate.of(2026, 5, 2), "Chủ tịch UBND tỉnh Lâm Đồng", LocalDate.of(2026, 5, 15), List.of(
                new Decision.Item(abolished, Decision.Change.ABOLISHED, null, null),
                new Decision.Item(old, Decision.Change.REPLACED, null, replacement),
                new Decision.Item(replacement, Decision.Change.NEW, DecisionsAndVersionsTests.procedure(replacement, "Thủ tục thay thế mới", 3), null))).id());

        var response = anonymous().get().uri("/public/procedures/" + abolished + "?on=2026-06-01").retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).as("a QR printed at the desk never leads to an error page").isEqualTo(200);
        assertThat(response.getBody()).contains("Thủ tục này đã bị bãi bỏ từ ngày 15/05/2026.")
                .contains("Quyết định số 612/QĐ-UBND").contains("ngày 02/05/2026").contains("của Chủ tịch UBND tỉnh Lâm Đồng")
                .contains("Thủ tục sẽ bị bãi bỏ").contains("bị bãi bỏ theo");
        var replaced = anonymous().get().uri("/public/procedures/" + old + "?on=2026-06-01").retrieve().body(String.class);
        assertThat(replaced).contains("Thủ tục này đã được thay thế từ ngày 15/05/2026.").contains("/public/procedures/" + replacement);
        // the day before, it is still in force and says nothing of it
        var before = anonymous().get().uri("/public/procedures/" + abolished + "?on=2026-05-14").retrieve().body(String.class);
        assertThat(before).doesNotContain("đã bị bãi bỏ từ ngày");
        // a code never published is still a 404
        assertThat(anonymous().get().uri("/public/procedures/9.999999").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(404);
    }
}
