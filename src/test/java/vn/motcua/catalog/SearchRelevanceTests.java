package vn.motcua.catalog;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.IntegrationTest;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries typed the way citizens and desk officers type them (no diacritics, abbreviations, everyday words, a
 * typo), each with the procedure(s) a person means, looked up by hand in the demo province's real catalog
 * (national export + Lâm Đồng's list). The right procedure must be among the first three.
 */
class SearchRelevanceTests extends IntegrationTest {

    @Autowired
    ProcedureCatalog catalog;

    @ParameterizedTest(name = "\"{0}\" finds {1}")
    @CsvSource(delimiter = '|', value = {
            "dang ky khai sinh | 1.001193",
            "khai sinh | 1.001193",
            "dang ki khai sinh | 1.001193",                       // "ki" for "ký"
            "dang ky ket hon | 1.000894",
            "ket hon | 1.000894",
            "dang ky ket hnon | 1.000894",                        // typo
            "dang ky khai tu | 1.000656",
            "bao tu | 1.000656 1.005461 1.000419",                // everyday word for a death registration
            "khai tu luu dong | 1.000419",
            "xac nhan tinh trang hon nhan | 1.004873",
            "giay xac nhan doc than | 1.004873",
            "trich luc ho tich | 2.000635",
            "nhan cha me con | 1.001022",
            "dang ky giam ho | 1.004837",
            "cap cccd | 1.001247 1.012549 1.012543",
            "cap doi the can cuoc | 1.000889",
            "lam ho chieu | 1.001456 1.001471",
            "dang ky thuong tru | 1.004222",
            "dang ky tam tru | 1.004194",
            "xoa dang ky thuong tru | 1.003197",
            "ly lich tu phap | 3.000333 2.000488 3.000330",
            "xin llpt | 3.000333 2.000488 3.000330",
            "doi bang lai xe | 3.000347",
            "cap gplx | 3.000346",
            "cap lai giay phep lai xe | 3.000348",
            "dang ky ho kinh doanh | 1.001612",
            "thanh lap hkd | 1.001612",
            "mo cong ty tu nhan | 2.001610",
            "thanh lap htx | 1.005280",
            "chung thuc ban sao | 2.000815 2.000843",
            "sao y ban chinh | 2.000815 2.000843",
            "chung thuc chu ky giay to | 2.000884",              // plain "chứng thực chữ ký" is ambiguous: five procedures share it
            "chung thuc hop dong nha dat | 2.001035",
            "tach thua dat | 1.012784",
            "xin gpxd nha o rieng le | 1.013225 1.013229",
            "giay phep kinh doanh karaoke | 1.001029 1.000903",
            "chung nhan an toan thuc pham | 1.002425 2.001827 2.000591",
            "cap lai the bhyt | 1.001294 1.001327",
            "giay phep lao dong nguoi nuoc ngoai | 2.000205",
            "tham dinh thiet ke pccc | 3.000489 3.000492",
            "ho tro chi phi mai tang | 2.000744 1.001731",
            "tro cap xa hoi hang thang | 1.001776",
            "cong nhan ho ngheo | 1.011607 1.011606",
            "hoc bong chinh sach | 1.002407",
            "thoi quoc tich | 2.002036 1.005141",
            "sang ten xe | 1.013076",
            "thong bao luu tru | 2.001159",
            "2.000635 | 2.000635",                                 // a code finds its procedure first
            "1.013463.H36 | 1.013463"})                            // ... with the province's suffix too
    void findsWhatPeopleMeanInTheFirstThree(String query, String expected) {
        var top = catalog.search(ProcedureSearch.text(query, 3)).items().stream().map(ProcedureHit::code).toList();
        assertThat(top).as("top 3 for '%s'", query).containsAnyElementsOf(Arrays.asList(expected.strip().split(" ")));
    }

    @org.junit.jupiter.api.Test
    void wordsTypedWithDiacriticsPreferTheirExactForm() {
        // "lái xe" (drive) and "lại" (again) fold to the same letters; typed with diacritics, the exact word wins
        var top = catalog.search(ProcedureSearch.text("cấp giấy phép lái xe", 1)).items().getFirst();
        assertThat(top.code()).isEqualTo("3.000346");
        assertThat(top.highlightedName()).contains("<mark>").doesNotContain("<mark>lại</mark>");
    }
}
