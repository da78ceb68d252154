package vn.motcua.catalog;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publishing decisions as the sources write them: so_quyet_dinh and ministry_folder of the national export
 * (../shared/data/tthc/national_tthc_dvcqg_2642_full.jsonl.gz), quyet_dinh_cong_bo of Lạng Sơn's list. The issuer's
 * abbreviation follows "QĐ-" (Decree 30/2020/NĐ-CP App. III); names of ministries as in national_tthc_export_lists_7_agencies.csv.
 */
class SourceDecisionTests {

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = ';', nullValues = "-", value = {
            // code 1.000005
            "2628/QĐ-BTC; bo-tai-chinh; 2628/QĐ-BTC; Bộ Tài chính",
            // 1.000010: a Ministry of Transport decision, the procedure now listed by the Ministry of Construction
            "877/QĐ-BGTVT; bo-xay-dung; 877/QĐ-BGTVT; Bộ Giao thông vận tải",
            // a unit code after the ministry's
            "885/QĐ-BCA-C06; bo-cong-an; 885/QĐ-BCA-C06; Bộ Công an",
            "QĐ/0001-BCA; bo-cong-an; QĐ/0001-BCA; Bộ Công an",
            // 1.001054: "SỐ" written into the number field
            "SỐ 64/QĐ-NHNN; ngan-hang-nha-nuoc; 64/QĐ-NHNN; Ngân hàng Nhà nước Việt Nam",
            // 6.005678: a stray dot
            "2267./QĐ-BXD; bo-xay-dung; 2267/QĐ-BXD; Bộ Xây dựng",
            "105a/QĐ-NHNN; ngan-hang-nha-nuoc; 105a/QĐ-NHNN; Ngân hàng Nhà nước Việt Nam",
            // 1.013211: a bare number; the issuer is the ministry whose list it is in
            "9303; bo-cong-an; 9303; Bộ Công an",
            "01/QĐCB; toa-an-nhan-dan; 01/QĐCB; Tòa án nhân dân",
            // 1.014208: a province's decision in the Ministry of Public Security's list; the province is not named
            "226/QĐ-UBND; bo-cong-an; 226/QĐ-UBND; Ủy ban nhân dân cấp tỉnh (nguồn không nêu tên tỉnh)",
            // Lạng Sơn's list (no ministry list)
            "2019/QĐ-UBND; -; 2019/QĐ-UBND; Ủy ban nhân dân cấp tỉnh (nguồn không nêu tên tỉnh)",
    })
    void readsTheNumberAndIssuerAsTheSourceStatesThem(String raw, String list, String number, String issuer) {
        var decision = SourceDecision.of(raw, list);
        assertThat(decision.number()).isEqualTo(number);
        assertThat(decision.issuer()).isEqualTo(issuer);
        assertThat(decision.note() != null).as("a note when the number was rewritten").isEqualTo(!raw.equals(number));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', nullValues = "-", value = {"-; -", "'  '; -", "-; thu-muc-la"})
    void whatTheSourceDoesNotStateStaysUnstated(String raw, String list) {
        // Lâm Đồng's listing names no decision at all
        var decision = SourceDecision.of(raw, list);
        assertThat(decision.number()).isNull();
        assertThat(decision.issuer()).isNull();
    }
}
