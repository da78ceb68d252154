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
            "cap cccd | 1.014061 1.014062 1.001247 1.012549 1.012543",   // commune-level ones first (issue 9)
            "cap doi the can cuoc | 1.014063 2.001195",             // not 1.000889, done by the ministry (issue 9)
            "lam ho chieu | 1.001456 1.001471",
            // plain words and typos
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

    /**
     * Issue 9: searches people noticed fail, and the way people really type. Each case names the procedure a
     * person means, looked up by hand in the real catalog (national export + Lâm Đồng's list); {@code top} is 1
     * where only one procedure fits, 3 where a few do. Kinds, in order: the three reported failures and the
     * province's own procedures first; whole sentences and questions; everyday verbs for legal ones; a situation
     * instead of a name; Telex typed with the input method off; typos.
     */
    @ParameterizedTest(name = "\"{0}\" finds {1} in the first {2}")
    @CsvSource(delimiter = '|', value = {
            // reported: building permits before railway ones; a typo that led with a tax procedure
            "giay phep xay dung | 1.013225 1.013229 1.013236 1.013238 1.013226 1.013231 | 1",
            "khai sihn | 1.001193 | 1",
            "cap giay phep xay dung nha o | 1.013225 1.013229 | 3",
            // whole sentences and questions
            "tôi muốn đăng ký kết hôn | 1.000894 | 1",
            "đăng ký khai sinh cho con thì làm gì | 1.001193 | 1",
            "làm thế nào để xin giấy phép xây dựng nhà ở | 1.013225 1.013229 | 3",
            "cho hỏi thủ tục đăng ký thường trú cần giấy tờ gì | 1.004222 | 1",
            "em muốn làm hộ chiếu ở đâu | 1.001456 | 3",
            "tôi cần trích lục hộ tịch | 2.000635 | 3",
            "muốn mở công ty tư nhân thì cần làm gì | 2.001610 | 1",
            "tôi muốn xin giấy xác nhận độc thân | 1.004873 | 1",
            "bố tôi mất thì làm giấy báo tử ở đâu | 1.000656 | 3",
            "đăng ký tạm trú cần những giấy tờ gì | 1.004194 | 1",
            // everyday verbs for legal ones (làm, xin, mở, đóng cửa, làm lại, đổi)
            "làm giấy khai sinh | 1.001193 | 1",
            "làm lại giấy khai sinh | 1.004884 2.000635 | 3",
            "làm lại căn cước | 1.014064 | 1",
            "xin giấy phép lái xe | 3.000346 | 3",
            "xin cấp lại bằng lái | 3.000348 | 3",
            "mở hộ kinh doanh | 1.001612 | 1",
            "đóng cửa hộ kinh doanh | 1.001266 | 1",
            "đóng cửa công ty | 2.002023 | 1",
            "tạm nghỉ kinh doanh hộ kinh doanh | 1.001570 | 3",
            "làm sổ đỏ lần đầu | 1.013978 1.012814 | 3",
            "làm lại sổ đỏ | 1.012786 1.012783 | 3",
            "mở hợp tác xã | 1.005280 | 3",
            "xin giấy phép lao động cho người nước ngoài | 2.000205 | 3",
            "đổi căn cước | 1.014063 | 1",
            // a situation instead of a procedure's name
            "mất căn cước | 1.014064 | 1",
            "bị mất thẻ căn cước | 1.014064 | 1",
            "mất cccd | 1.014064 | 1",
            "căn cước bị hỏng | 1.014063 | 1",
            "mất sổ đỏ | 1.012786 | 1",
            "mất hộ chiếu | 1.010386 1.001445 1.010385 | 3",
            "mất bằng lái xe | 3.000348 1.002820 | 1",                   // 1.002820: the same name in Lạng Sơn's list, once CatalogApiTests imported it
            "đổi tên cho con | 1.004859 | 1",
            "sai ngày sinh trong giấy khai sinh | 1.004859 | 3",
            "bố mất | 1.000656 | 3",
            "mẹ tôi mất rồi | 1.000656 | 3",                       // the possessive between the person and "mất" (my mother died)
            "tôi bị mất căn cước | 1.014064 | 1",                 // ... while "mất" of a card stays lost
            "nhập hộ khẩu cho con | 1.004222 | 1",
            "mua xe cũ | 1.013076 | 1",
            "nhận nuôi con | 2.001263 | 3",
            "cưới vợ | 1.000894 | 3",
            // Telex keystrokes with the input method off
            "ddawng kys khai sinh | 1.001193 | 1",
            "ddawng kys keets hoon | 1.000894 | 1",
            "giaays pheps xaay dungj | 1.013225 1.013229 1.013236 1.013238 1.013226 1.013231 | 1",
            "caaps laij theer cawn cuwowcs | 1.014064 | 1",
            "ddawng kys thuwowngf trus | 1.004222 | 1",
            "trichs lucj hooj tichj | 2.000635 | 3",
            "lafm hooj chieeus | 1.001456 | 3",
            "ddawng kys tamj trus | 1.004194 | 1",
            "dang ky thuong tru | 1.004222 | 1",
            "cap lai the can cuco | 1.014064 | 1",
            "trich luc ho tic | 2.000635 | 3",
            "giay phep xay dugn | 1.013225 1.013229 1.013236 1.013238 1.013226 1.013231 | 1",
            // the commune's procedure first when the ministry has the same one
            "cap the can cuoc | 1.014061 1.014062 | 1",
            "cap lai the can cuoc | 1.014064 | 1"})
    void findsWhatPeopleMeanTheWayTheyTypeIt(String query, String expected, int top) {
        var found = catalog.search(ProcedureSearch.text(query, top)).items().stream().map(ProcedureHit::code).toList();
        assertThat(found).as("top %d for '%s'", top, query).containsAnyElementsOf(Arrays.asList(expected.strip().split(" ")));
    }

    @org.junit.jupiter.api.Test
    void wordsTypedWithDiacriticsPreferTheirExactForm() {
        // "lái xe" (drive) and "lại" (again) fold to the same letters; typed with diacritics, the exact word wins
        var top = catalog.search(ProcedureSearch.text("cấp giấy phép lái xe", 1)).items().getFirst();
        assertThat(top.code()).isEqualTo("3.000346");
        assertThat(top.highlightedName()).contains("<mark>").doesNotContain("<mark>lại</mark>");
    }
}
