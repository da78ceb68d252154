package vn.motcua.catalog;

import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import vn.motcua.IntegrationTest;

import java.io.ByteArrayOutputStream;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A provincial list sent as the .xlsx a catalog officer saves from Excel, through the import API. */
class ExcelUploadTests extends IntegrationTest {

    @Test
    void aWorkbookUploadIsReadAsAWorkbook() throws Exception {
        var out = new ByteArrayOutputStream();
        var book = new Workbook(out, "motcua-test", "1.0");
        var sheet = book.newWorksheet("DVC");
        sheet.value(0, 0, "DANH SÁCH THỦ TỤC HÀNH CHÍNH");
        String[] headers = {"STT", "Mã TTHC", "Mức độ DVC", "Tên TTHC", "Lĩnh vực", "Quyết định công bố"};
        for (int c = 0; c < headers.length; c++) {
            sheet.value(2, c, headers[c]);
        }
        String[] row = {"1", "TEST.01", "Toàn trình", "Thủ tục thử nghiệm", "Thử nghiệm", "01/QĐ-UBND"};
        for (int c = 0; c < row.length; c++) {
            sheet.value(3, c, row[c]);
        }
        book.finish();

        var headersOfPart = new HttpHeaders();
        headersOfPart.setContentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        headersOfPart.setContentDispositionFormData("file", "danh-muc.xlsx");
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new HttpEntity<>(new ByteArrayResource(out.toByteArray()) {
            @Override
            public String getFilename() {
                return "danh-muc.xlsx";
            }
        }, headersOfPart));
        var response = as("kstthc").post().uri("/api/v1/procedures/imports").contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .retrieve().toEntity(new ParameterizedTypeReference<Map<String, Object>>() { });
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
        assertThat(response.getBody().toString()).contains("TEST.01");
    }
}
