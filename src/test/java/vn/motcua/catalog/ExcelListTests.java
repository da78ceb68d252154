package vn.motcua.catalog;

import org.apache.commons.csv.CSVFormat;
import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Lạng Sơn's export as the workbook it came from: title rows, then Vietnamese headers. The test writes the real
 * rows of langson_tthc_1842.csv into such a workbook with FastExcel and reads it back through the import path.
 */
class ExcelListTests {

    static byte[] langSonWorkbook() throws Exception {
        var out = new ByteArrayOutputStream();
        try (var csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new InputStreamReader(new ClassPathResource("catalog/langson_tthc_1842.csv").getInputStream(), StandardCharsets.UTF_8))) {
            var book = new Workbook(out, "motcua-test", "1.0");
            var sheet = book.newWorksheet("DVC");
            sheet.value(0, 0, "UBND TỈNH LẠNG SƠN");
            sheet.value(1, 0, "DANH SÁCH THỦ TỤC HÀNH CHÍNH");
            String[] headers = {"STT", "Mã TTHC", "Mức độ DVC", "Tên TTHC", "Lĩnh vực", "Quyết định công bố"};
            for (int c = 0; c < headers.length; c++) {
                sheet.value(3, c, headers[c]);
            }
            int r = 4;
            for (var row : csv) {
                for (int c = 0; c < headers.length; c++) {
                    sheet.value(r, c, row.get(c));
                }
                r++;
            }
            book.finish();
        }
        return out.toByteArray();
    }

    @Test
    void readsTheWorkbookLikeTheCsvItCameFrom() throws Exception {
        byte[] workbook = langSonWorkbook();
        assertThat(ExcelList.isWorkbook(workbook)).isTrue();
        var fromExcel = ProvincialListParser.parse(new StringReader(ExcelList.toCsv(workbook)));
        var fromCsv = ProvincialListParser.parse(new InputStreamReader(new ClassPathResource("catalog/langson_tthc_1842.csv").getInputStream(),
                StandardCharsets.UTF_8));
        assertThat(fromExcel).hasSameSizeAs(fromCsv);
        for (int i = 0; i < fromCsv.size(); i++) {
            assertThat(fromExcel.get(i).rawCode()).isEqualTo(fromCsv.get(i).rawCode());
            assertThat(fromExcel.get(i).name()).isEqualTo(fromCsv.get(i).name());
            assertThat(fromExcel.get(i).onlineLevel()).isEqualTo(fromCsv.get(i).onlineLevel());
            assertThat(fromExcel.get(i).rejection()).isEqualTo(fromCsv.get(i).rejection());
        }
    }

    @Test
    void aWorkbookWithoutTheHeaderIsRefused() throws Exception {
        var out = new ByteArrayOutputStream();
        var book = new Workbook(out, "motcua-test", "1.0");
        book.newWorksheet("x").value(0, 0, "không có tiêu đề");
        book.finish();
        assertThatThrownBy(() -> ExcelList.toCsv(out.toByteArray())).isInstanceOf(CatalogProblem.class).hasMessageContaining("Mã TTHC");
    }
}
