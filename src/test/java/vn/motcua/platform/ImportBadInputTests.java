package vn.motcua.platform;

import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.Test;
import vn.motcua.IntegrationTest;
import vn.motcua.WebSession;

import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, "Bad input", for every import, uploaded as a user would (multipart, through the page and the API): a file
 * of the wrong kind or encoding is refused with a message that names the kind expected; malformed rows give a
 * row-numbered report and change nothing. Wrong kinds are real files: an .xlsx made as Excel makes it, a real .docx
 * form of ../shared/data, a PDF; rows are the real national export's.
 */
class ImportBadInputTests extends IntegrationTest {

    static final Path DOCX = Path.of("../shared/data/forms/tandan_dvc_templates/thanhhoa/phieutiepnhan.phoiThanhHoa.docx");
    static final Path NATIONAL = Path.of("../shared/data/tthc/national_tthc_dvcqg_2642_full.jsonl.gz");
    static final byte[] PDF = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    static final String AGENCY_HEADER = "electronicId,name,type,parentElectronicId,validFrom,validTo\n";

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anAgencyImportRefusesAWorkbookAPdfAndAWindowsFileNamingTheCsvItExpects() throws Exception {
        var xlsx = api("/api/v1/agencies/imports", "admin", "co-quan.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook());
        assertThat(xlsx.statusCode()).as(xlsx.body()).isEqualTo(415);
        assertThat(xlsx.body()).contains("\"code\":\"upload.wrong-kind\"").contains("bảng tính Excel (.xlsx)").contains("không phải tệp CSV")
                .contains("CSV UTF-8");

        var page = signedIn("admin", "203.0.113.61");
        var pdf = upload(page, "/admin/agencies/import", "co-quan.csv", "text/csv", PDF);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.body()).contains("Tệp đã gửi là tệp PDF, không phải tệp CSV");

        String commune = uniqueElectronicId();
        byte[] windows = (AGENCY_HEADER + commune + ",Ủy ban nhân dân xã Đạ Tẻh,COMMUNE_PEOPLES_COMMITTEE,H36,01/07/2025,\n")
                .getBytes(Charset.forName("windows-1258"));
        var cp1258 = api("/api/v1/agencies/imports", "admin", "co-quan.csv", "text/csv", windows);
        assertThat(cp1258.statusCode()).isEqualTo(400);
        assertThat(cp1258.body()).contains("\"code\":\"upload.not-text\"").contains("UTF-8");
        assertThat(anonymous().get().uri("/api/v1/agencies").retrieve().body(String.class)).doesNotContain("\"electronicId\":\"" + commune + "\"");
    }

    @Test
    void anAgencyFileWithAMalformedRowIsReportedByRowAndSavesNothing() throws Exception {
        String good = uniqueElectronicId();
        String csv = AGENCY_HEADER + good + ",Ủy ban nhân dân xã Tốt Mới,COMMUNE_PEOPLES_COMMITTEE,H36,01/07/2025,\n"
                + "H36.983,UBND xã Thiếu cột,COMMUNE_PEOPLES_COMMITTEE\n";
        var page = signedIn("admin", "203.0.113.62");
        var response = upload(page, "/admin/agencies/import", "co-quan.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("số cột").containsPattern("<td[^>]*>3</td>");
        assertThat(anonymous().get().uri("/api/v1/agencies").retrieve().body(String.class)).doesNotContain("\"electronicId\":\"" + good + "\"");
    }

    @Test
    void aCalendarUploadOfTheWrongKindOrWithABadLineLeavesTheYearAsItWas() throws Exception {
        String before = as("admin").get().uri("/api/v1/calendar/announcements/2026").retrieve().body(String.class);
        assertThat(before).contains("Tết");
        var page = signedIn("admin", "203.0.113.63");

        var pdf = upload(page, "/admin/calendar/2026", "/admin/calendar/2026/import", "lich-2026.csv", "text/csv", PDF);
        assertThat(pdf.statusCode()).isEqualTo(302);
        assertThat(page.get("/admin/calendar/2026").body()).contains("Tệp đã gửi là tệp PDF, không phải tệp CSV");

        var docx = upload(page, "/admin/calendar/2026", "/admin/calendar/2026/import", "lich-2026.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Files.readAllBytes(DOCX));
        assertThat(docx.statusCode()).isEqualTo(302);
        assertThat(page.get("/admin/calendar/2026").body()).contains("tài liệu Word (.docx), không phải tệp CSV");

        var badLine = upload(page, "/admin/calendar/2026", "/admin/calendar/2026/import", "lich-2026.csv", "text/csv",
                "date,kind,name\n2026-02-16,TET,Tết Nguyên đán\n2026-02-30,TET,Ngày không có\n".getBytes(StandardCharsets.UTF_8));
        assertThat(badLine.statusCode()).isEqualTo(302);
        assertThat(page.get("/admin/calendar/2026").body()).contains("line 3").contains("không dòng nào được áp dụng");

        assertThat(as("admin").get().uri("/api/v1/calendar/announcements/2026").retrieve().body(String.class)).isEqualTo(before);
    }

    @Test
    void aCatalogImportRefusesAPdfAWordFileAndAWindowsCsvNamingWhatItReads() throws Exception {
        var pdf = api("/api/v1/procedures/imports", "kstthc", "danh-muc.pdf", "application/pdf", PDF);
        assertThat(pdf.statusCode()).as(pdf.body()).isEqualTo(415);
        assertThat(pdf.body()).contains("\"code\":\"upload.wrong-kind\"").contains("tệp PDF").contains("JSON lines").contains(".xlsx");

        var docx = api("/api/v1/procedures/imports", "kstthc", "danh-muc.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Files.readAllBytes(DOCX));
        assertThat(docx.statusCode()).as(docx.body()).isEqualTo(415);
        assertThat(docx.body()).contains("tài liệu Word (.docx)");

        byte[] cp1252 = ("stt,ma_chuan,ten_thu_tuc,linh_vuc,co_quan_thuc_hien,muc_do\n"
                + "1,1.999981,Cấp giấy phép thử,Thử,\"Sở, ban ngành\",Một phần\n").getBytes(Charset.forName("windows-1252"));
        var page = signedIn("kstthc", "203.0.113.64");
        var windows = upload(page, "/admin/catalog/import", "danh-muc.csv", "text/csv", cp1252);
        assertThat(windows.statusCode()).isEqualTo(200);
        assertThat(windows.body()).contains("không phải văn bản UTF-8").contains("CSV UTF-8");
        assertThat(anonymous().get().uri("/api/v1/procedures/1.999981").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aNationalExportWithBrokenLinesIsRefusedWholeWithTheirNumbers() throws Exception {
        var lines = realLines(3);
        String code = lines.getFirst().replaceAll("(?s).*\"ma_thu_tuc\"\\s*:\\s*\"([0-9.]+)\".*", "$1");
        String before = anonymous().get().uri("/api/v1/procedures/" + code).retrieve().body(String.class);
        // line 1 renamed (a change that must not be applied), line 3 cut in half, line 5 not a procedure
        String renamed = lines.get(0).replaceFirst("\"ten_thu_tuc\"\\s*:\\s*\"", "\"ten_thu_tuc\": \"ĐỔI TÊN ");
        String body = renamed + "\n" + lines.get(1) + "\n" + lines.get(2).substring(0, lines.get(2).length() / 2) + "\n\n[1, 2]\n";
        var gz = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(gz)) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
        }
        var response = api("/api/v1/procedures/imports", "kstthc", "tthc.jsonl.gz", "application/gzip", gz.toByteArray());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.body()).contains("\"code\":\"catalog.malformed-rows\"").contains("dòng 3").contains("dòng 5")
                .doesNotContain("dòng 1\"").contains("không thủ tục nào được nhập");
        assertThat(anonymous().get().uri("/api/v1/procedures/" + code).retrieve().body(String.class)).isEqualTo(before).doesNotContain("ĐỔI TÊN");
    }

    @Test
    void aProvincialListWithACutRowIsRefusedWholeOnThePage() throws Exception {
        String csv = "stt,ma_chuan,ten_thu_tuc,linh_vuc,co_quan_thuc_hien,muc_do\n"
                + "1,1.999982.H36,Cấp giấy phép thử nghiệm mới,Thử,\"Sở, ban ngành\",Một phần\n"
                + "2,1.999983.H36,Cấp giấy phép bị cắt\n"
                + "3,1.999984.H36,,Thử,\"Sở, ban ngành\",Một phần\n"
                + "4,TEST_MOT_CAP,Thủ tục test,Thử,\"Sở, ban ngành\",Một phần\n";
        var page = signedIn("kstthc", "203.0.113.65");
        var response = upload(page, "/admin/catalog/import", "danh-muc.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("id=\"problem\"").contains("dòng 3").contains("số ô của dòng khác số cột")
                .contains("dòng 4").contains("thiếu tên thủ tục").doesNotContain("dòng 5").doesNotContain("id=\"report\"");
        assertThat(anonymous().get().uri("/api/v1/procedures/1.999982").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(404);
    }

    private static List<String> realLines(int n) throws Exception {
        var out = new ArrayList<String>();
        try (var in = new java.io.BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(NATIONAL)), StandardCharsets.UTF_8))) {
            for (String line; out.size() < n && (line = in.readLine()) != null; ) {
                out.add(line);
            }
        }
        return out;
    }

    private static byte[] workbook() throws Exception {
        var out = new ByteArrayOutputStream();
        var book = new Workbook(out, "motcua-test", "1.0");
        var sheet = book.newWorksheet("Cơ quan");
        String[] cells = AGENCY_HEADER.strip().split(",");
        for (int c = 0; c < cells.length; c++) {
            sheet.value(0, c, cells[c]);
        }
        sheet.value(1, 0, "H36.990");
        sheet.value(1, 1, "Ủy ban nhân dân xã Trong Excel");
        book.finish();
        return out.toByteArray();
    }

    /** As a person does: opens the form's page (which carries the CSRF token), then sends the file. */
    private static HttpResponse<String> upload(WebSession page, String formPage, String action, String fileName, String type, byte[] content)
            throws Exception {
        assertThat(page.get(formPage).statusCode()).isEqualTo(200);
        return page.upload(action, fileName, type, content);
    }

    private static HttpResponse<String> upload(WebSession page, String action, String fileName, String type, byte[] content) throws Exception {
        return upload(page, action, action, fileName, type, content);
    }

    private WebSession signedIn(String username, String address) throws Exception {
        var page = new WebSession(baseUrl(), address);
        assertThat(page.login(username, DEMO_PASSWORD).statusCode()).isEqualTo(302);
        return page;
    }

    private HttpResponse<String> api(String path, String username, String fileName, String type, byte[] content) throws Exception {
        return http.send(WebSession.multipart(URI.create(baseUrl() + path), fileName, type, content)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((username + ":" + DEMO_PASSWORD).getBytes()))
                .header("X-Forwarded-For", "203.0.113.60").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
