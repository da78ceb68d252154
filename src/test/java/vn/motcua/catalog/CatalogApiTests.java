package vn.motcua.catalog;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import vn.motcua.IntegrationTest;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogApiTests extends IntegrationTest {

    static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };

    @Test
    void searchesInTheDocumentedShapeBestFirst() {
        var body = anonymous().get().uri("/api/v1/procedures?q=dang ky ket hon&limit=5").retrieve().toEntity(OBJECT).getBody();
        assertThat(((Number) body.get("total")).longValue()).isGreaterThanOrEqualTo(5);
        @SuppressWarnings("unchecked")
        var items = (List<Map<String, Object>>) body.get("items");
        assertThat(items).hasSize(5);
        assertThat(items.getFirst()).containsKeys("code", "name", "field", "level", "onlineLevel", "score")
                .containsEntry("code", "1.000894").containsEntry("name", "Thủ tục đăng ký kết hôn").containsEntry("field", "Hộ tịch");
        assertThat(items).extracting(i -> ((Number) i.get("score")).doubleValue()).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void filtersByFieldLevelAndOnlineLevel() {
        var body = anonymous().get().uri("/api/v1/procedures?q=khai sinh&field=Hộ tịch&level=COMMUNE&limit=50").retrieve().toEntity(OBJECT).getBody();
        @SuppressWarnings("unchecked")
        var items = (List<Map<String, Object>>) body.get("items");
        assertThat(items).isNotEmpty().allSatisfy(i -> {
            assertThat(i).containsEntry("field", "Hộ tịch");
            assertThat(i.get("levels").toString()).contains("COMMUNE");
        });
        var full = anonymous().get().uri("/api/v1/procedures?online=FULL&limit=20").retrieve().toEntity(OBJECT).getBody();
        @SuppressWarnings("unchecked")
        var fullItems = (List<Map<String, Object>>) full.get("items");
        assertThat(fullItems).isNotEmpty().allSatisfy(i -> assertThat(i).containsEntry("onlineLevel", "FULL"));
    }

    @Test
    void returnsTheFullRecordInForce() {
        var body = anonymous().get().uri("/api/v1/procedures/1.000178").retrieve().toEntity(OBJECT).getBody();
        assertThat(body).containsEntry("code", "1.000178").containsEntry("versionNo", 1);
        @SuppressWarnings("unchecked")
        var record = (Map<String, Object>) body.get("record");
        assertThat(record).containsKeys("channels", "documents", "results", "legalBasis", "steps", "applicants", "implementingAgency");
        var missing = anonymous().get().uri("/api/v1/procedures/9.999999").retrieve().toEntity(OBJECT);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getBody()).containsEntry("code", "catalog.procedure-not-found");
        var before = anonymous().get().uri("/api/v1/procedures/1.000178?on=2020-01-01").retrieve().toEntity(OBJECT);
        assertThat(before.getBody()).containsEntry("code", "catalog.procedure-not-in-force");
    }

    @Test
    void printsAQrCodeOfThePublicPage() throws Exception {
        var png = anonymous().get().uri("/api/v1/procedures/1.000894/qr").retrieve().toEntity(byte[].class);
        assertThat(png.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        var image = ImageIO.read(new ByteArrayInputStream(png.getBody()));
        var decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))));
        assertThat(decoded.getText()).isEqualTo(baseUrl() + "/public/procedures/1.000894");
        var svg = anonymous().get().uri("/api/v1/procedures/1.000894/qr?format=svg").retrieve().toEntity(String.class);
        assertThat(svg.getHeaders().getContentType().toString()).startsWith("image/svg+xml");
        assertThat(svg.getBody()).startsWith("<svg").contains("<path");
    }

    @org.springframework.beans.factory.annotation.Autowired
    ProcedureCatalog catalog;

    /**
     * Lạng Sơn's real export, less the rows whose procedures the demo catalog already has, so that importing it
     * into the shared test database does not rename procedures other tests search for. Dirty rows stay.
     */
    byte[] langSonRowsNewToTheCatalog() throws Exception {
        // whole CSV records, not lines: a name in quotes may run over two lines, and half a record is a malformed row
        String text = new ClassPathResource("catalog/langson_tthc_1842.csv").getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        var out = new java.io.StringWriter();
        try (var records = org.apache.commons.csv.CSVFormat.DEFAULT.parse(new java.io.StringReader(text));
             var printer = new org.apache.commons.csv.CSVPrinter(out, org.apache.commons.csv.CSVFormat.DEFAULT)) {
            boolean header = true;
            for (var record : records) {
                var parsed = ProcedureCode.parseLenient(record.get(1));
                boolean known = !header && parsed.isPresent() && !catalog.search(ProcedureSearch.text(parsed.get().base(), 1)).items().isEmpty();
                if (!known) {
                    printer.printRecord(record.toList());
                }
                header = false;
            }
        }
        return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void importsTheLangSonExportWithAReportAndTwiceChangesNothing() throws Exception {
        var file = new ByteArrayResource(langSonRowsNewToTheCatalog()) {
            @Override
            public String getFilename() {
                return "langson_tthc_1842.csv";
            }
        };
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", file);
        var refused = as("tn.ttpvhcc").post().uri("/api/v1/procedures/imports").contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                .retrieve().toBodilessEntity();
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        var first = as("kstthc").post().uri("/api/v1/procedures/imports").contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                .retrieve().toEntity(OBJECT).getBody();
        assertThat(first).containsKeys("created", "updated", "unchanged", "rejected");
        @SuppressWarnings("unchecked")
        var rejected = (List<Map<String, Object>>) first.get("rejected");
        assertThat(rejected).extracting(r -> r.get("code")).contains("TEST_MOT_CAP", "CCHC_01", "2.00223.000.00.00.H37");
        assertThat(rejected).anySatisfy(r -> assertThat(r.get("reason").toString()).contains("trùng"));
        assertThat(((Number) first.get("created")).intValue() + ((Number) first.get("updated")).intValue()).isPositive();

        var second = as("kstthc").post().uri("/api/v1/procedures/imports").contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                .retrieve().toEntity(OBJECT).getBody();
        assertThat(second).containsEntry("created", 0).containsEntry("updated", 0);
        assertThat(((Number) second.get("unchanged")).intValue())
                .isEqualTo(((Number) first.get("created")).intValue() + ((Number) first.get("updated")).intValue()
                        + ((Number) first.get("unchanged")).intValue());
    }

    @Test
    void aFileThatIsNeitherFormatIsRefusedAsAProblem() {
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new ByteArrayResource("a,b,c\n1,2,3\n".getBytes()) {
            @Override
            public String getFilename() {
                return "sai.csv";
            }
        });
        var response = as("admin").post().uri("/api/v1/procedures/imports").contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                .retrieve().toEntity(OBJECT);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).containsEntry("code", "catalog.unreadable-file");
    }
}
