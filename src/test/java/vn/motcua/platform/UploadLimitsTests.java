package vn.motcua.platform;

import org.junit.jupiter.api.Test;
import vn.motcua.IntegrationTest;
import vn.motcua.WebSession;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploads are bounded per use, stated in the refusal, and the real exports in ../shared/data go through. */
class UploadLimitsTests extends IntegrationTest {

    static final Path NATIONAL = Path.of("../shared/data/tthc/national_tthc_dvcqg_2642_full.jsonl.gz");

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theRealNationalExportIsAcceptedThroughTheApiAndThePage() throws Exception {
        byte[] export = Files.readAllBytes(NATIONAL);
        assertThat(export.length).as("the 2 MB export").isGreaterThan(1_900_000);
        var api = http.send(WebSession.multipart(uri("/api/v1/procedures/imports"), NATIONAL.getFileName().toString(), "application/gzip", export)
                .header("Authorization", basic("kstthc")).header("X-Forwarded-For", "203.0.113.21").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
        assertThat(api.body()).contains("\"unchanged\":");

        var page = new WebSession(baseUrl(), "203.0.113.22");
        assertThat(page.login("kstthc", DEMO_PASSWORD).statusCode()).isEqualTo(302);
        assertThat(page.get("/admin/catalog/import").body()).contains("20 MB");
        var imported = page.upload("/admin/catalog/import", NATIONAL.getFileName().toString(), "application/gzip", export);
        assertThat(imported.statusCode()).isEqualTo(200);
        // the page previews first; the confirmation imports the staged file exactly as previewed
        assertThat(imported.body()).contains("id=\"preview\"").doesNotContain("id=\"report\"");
        var form = new StringBuilder();
        for (String field : new String[]{"stagedId", "fileDigest", "digest"}) {
            var m = java.util.regex.Pattern.compile("name=\"" + field + "\" value=\"([^\"]+)\"").matcher(imported.body());
            assertThat(m.find()).as(field).isTrue();
            form.append(form.isEmpty() ? "" : "&").append(field).append('=').append(m.group(1));
        }
        var confirmed = page.postForm("/admin/catalog/import/confirmation", form.toString());
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("id=\"report\"");
    }

    @Test
    void aGzipBombStopsAtTheExpandedLimit() throws Exception {
        var bomb = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(bomb)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 1024; i++) {
                gzip.write(zeros);
            }
        }
        assertThat(bomb.size()).as("1 GB of zeros in about 1 MB").isLessThan(1_100_000);
        long start = System.nanoTime();
        var response = http.send(WebSession.multipart(uri("/api/v1/procedures/imports"), "bomb.jsonl.gz", "application/gzip", bomb.toByteArray())
                .header("Authorization", basic("kstthc")).header("X-Forwarded-For", "203.0.113.23").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.body()).contains("\"code\":\"catalog.file-too-large\"").contains("MB");
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms").isLessThan(20_000);
    }

    @Test
    void aCsvBodyOverItsLimitIsRefusedBeforeItIsRead() throws Exception {
        // as curl does for a large body: only the headers, with Expect: 100-continue; the refusal comes before the body
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String auth = basic("admin");
            socket.getOutputStream().write(("POST /api/v1/agencies/imports HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\n"
                    + "Content-Length: " + 6 * 1024 * 1024 + "\r\nExpect: 100-continue\r\nAuthorization: " + auth
                    + "\r\nX-Forwarded-For: 203.0.113.24\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 413").doesNotContain("HTTP/1.1 100");
            assertThat(response).contains("application/problem+json").contains("\"code\":\"too-large\"").contains("5 MB");
        }
    }

    @Test
    void aCsvThatIsNotUtf8IsRefusedUnlessItsCharsetIsGiven() throws Exception {
        String csv = "electronicId,name,type,parentElectronicId,validFrom,validTo\n"
                + "H36.766,U\u0309y ban nhân dân xa\u0303 Thư\u0309 Ma\u0303,COMMUNE_PEOPLES_COMMITTEE,H36,01/07/2025,\n";
        // Excel writes Vietnamese in windows-1258: ư, â, đ… as letters of their own, tone marks as combining characters
        byte[] excel = csv.getBytes(Charset.forName("windows-1258"));
        assertThat(new String(excel, Charset.forName("windows-1258"))).as("encodable").isEqualTo(csv);
        var refused = postCsv(excel, "text/csv");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"code\":\"upload.not-text\"").contains("CSV UTF-8");

        var declared = postCsv(excel, "text/csv; charset=windows-1258");
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(200);
        var agency = anonymous().get().uri("/api/v1/agencies").retrieve().body(String.class);
        assertThat(agency).contains("Ủy ban nhân dân xã Thử Mã");
    }

    @Test
    void aCatalogReportListsAtMostFiveThousandRejectedRows() throws Exception {
        var csv = new StringBuilder("stt,ma_chuan,ten_thu_tuc,linh_vuc,co_quan_thuc_hien,muc_do\n");
        for (int i = 0; i < 6_000; i++) {
            csv.append(i).append(",TEST").append(i).append(",Thủ tục test ").append(i).append(",Thử,UBND,Một phần\n");
        }
        var response = http.send(WebSession.multipart(uri("/api/v1/procedures/imports"), "test.csv", "text/csv",
                        csv.toString().getBytes(StandardCharsets.UTF_8))
                .header("Authorization", basic("kstthc")).header("X-Forwarded-For", "203.0.113.25").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body().split("\"reason\"", -1).length - 1).isEqualTo(5_001);
        assertThat(response.body()).contains("1000 dòng nữa");
    }

    /** An .xlsx is a zip: a 1 GB sheet of zeros fits in about 1 MB, and must stop at the expanded limit too. */
    @Test
    void anExcelBombStopsAtTheExpandedLimit() throws Exception {
        var bomb = new ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(bomb)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 1024; i++) {
                zip.write(zeros);
            }
        }
        assertThat(bomb.size()).as("1 GB in a small zip").isLessThan(1_200_000);
        var response = http.send(WebSession.multipart(uri("/api/v1/procedures/imports"), "danh-muc.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bomb.toByteArray())
                .header("Authorization", basic("kstthc")).header("X-Forwarded-For", "203.0.113.27").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.body()).contains("catalog.file-too-large");
    }

    private HttpResponse<String> postCsv(byte[] body, String type) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/v1/agencies/imports")).header("Content-Type", type)
                .header("Authorization", basic("admin")).header("X-Forwarded-For", "203.0.113.26")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    private static String basic(String username) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
