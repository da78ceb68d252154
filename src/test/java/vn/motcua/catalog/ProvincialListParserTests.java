package vn.motcua.catalog;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Lạng Sơn's real export (test rows, internal codes, suffixed codes, old service levels) and Lâm Đồng's list. */
class ProvincialListParserTests {

    @Test
    void readsLangSonWithItsDirtyRows() throws Exception {
        var rows = ProvincialListParser.parse(new InputStreamReader(new ClassPathResource("catalog/langson_tthc_1842.csv").getInputStream(),
                StandardCharsets.UTF_8));
        assertThat(rows).hasSize(1842);
        // line 2 (stt 1): "2.000815,Toàn trình,Thủ tục test" — a test row with a real code
        assertThat(rows.getFirst().rejection()).contains("test");
        // line 3: TEST_MOT_CAP; line 4: CCCX_01, an internal code
        assertThat(rows.get(1).rejection()).contains("test");
        assertThat(rows.get(2).rejection()).contains("CCCX_01");
        // stt 101: suffixed code, decision number, full online
        var row = rows.get(100);
        assertThat(row.code().base()).isEqualTo("2.002666");
        assertThat(row.code().suffix()).isEqualTo("000.00.00.H37");
        assertThat(row.decisionNumber()).isEqualTo("726/QĐ-UBND");
        assertThat(row.onlineLevel()).isEqualTo(OnlineLevel.FULL);
        assertThat(row.notes()).anyMatch(n -> n.contains("hậu tố"));
        // 39 internal codes (CCHC_01…, TEST_MOT_CAP), 2 broken beyond repair (2.00223…, 1.01299…), 1 test row with a real code
        assertThat(rows.stream().filter(r -> r.rejection() != null).count()).isEqualTo(42);
        var spaced = rows.stream().filter(r -> r.rawCode().equals("1.008201.000.00.00. H37")).findFirst().orElseThrow();
        assertThat(spaced.rejection()).isNull();
        assertThat(spaced.code().full()).isEqualTo("1.008201.000.00.00.H37");
        assertThat(spaced.notes()).anyMatch(n -> n.contains("viết sai"));
        var missingDot = rows.stream().filter(r -> r.rawCode().equals("2000027.000.00.00.H37")).findFirst().orElseThrow();
        assertThat(missingDot.code().base()).isEqualTo("2.000027");
    }

    @Test
    void mapsOldAndNewOnlineLevels() {
        var notes = new ArrayList<String>();
        assertThat(ProvincialListParser.onlineLevel("Toàn trình", notes)).isEqualTo(OnlineLevel.FULL);
        assertThat(ProvincialListParser.onlineLevel("Mức độ 4", notes)).isEqualTo(OnlineLevel.FULL);
        assertThat(ProvincialListParser.onlineLevel("Một phần", notes)).isEqualTo(OnlineLevel.PARTIAL);
        assertThat(ProvincialListParser.onlineLevel("Mức độ 3", notes)).isEqualTo(OnlineLevel.PARTIAL);
        assertThat(ProvincialListParser.onlineLevel("Mức độ 2", notes)).isEqualTo(OnlineLevel.NONE);
        assertThat(ProvincialListParser.onlineLevel("Còn lại", notes)).isEqualTo(OnlineLevel.NONE);
        assertThat(notes).isEmpty();
        assertThat(ProvincialListParser.onlineLevel("Mức độ 9", notes)).isEqualTo(OnlineLevel.NONE);
        assertThat(notes).hasSize(1);
    }

    @Test
    void readsLamDongLevelsFromTheAgencyColumn() throws Exception {
        var rows = ProvincialListParser.parse(new StringReader("""
                stt,ma_chuan,ten_thu_tuc,linh_vuc,co_quan_thuc_hien,muc_do
                1,1.013463.H36,Đăng ký cấp lại Giấy chứng nhận,Đất đai,"Sở, ban ngành",Một phần
                2,2.000884.000.00.00.H36,Thủ tục chứng thực chữ ký,Chứng thực,UBND Huyện/Thành phố; UBND Xã/Phường/Thị Trấn,Một phần
                """));
        assertThat(rows.get(0).levels()).containsExactly(ProcedureLevel.PROVINCE);
        assertThat(rows.get(1).levels()).containsExactly(ProcedureLevel.COMMUNE);
        assertThat(rows.get(0).code().full()).isEqualTo("1.013463.H36");
    }
}
