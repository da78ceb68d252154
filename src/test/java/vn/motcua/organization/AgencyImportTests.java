package vn.motcua.organization;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import vn.motcua.IntegrationTest;

import java.io.StringReader;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AgencyImportTests extends IntegrationTest {

    static final String HEADER = "electronicId,name,type,parentElectronicId,validFrom,validTo\n";

    @Autowired
    AgencyDirectory agencies;

    @Test
    void importsParentsDefinedLaterInTheFileAndATwiceImportedFileChangesNothing() throws Exception {
        String commune = uniqueElectronicId();
        String centre = commune + ".01";
        String csv = "\uFEFF" + HEADER
                + centre + ",Trung tâm Phục vụ hành chính công xã Di Linh,COMMUNE_SERVICE_CENTRE," + commune + ",01/07/2025,\n"
                + commune + ",Ủy ban nhân dân xã Di Linh,COMMUNE_PEOPLES_COMMITTEE,H36,2025-07-01,\n";

        var first = agencies.importCsv(new StringReader(csv));
        assertThat(first).isEqualTo(new ImportReport(2, 0, 0, java.util.List.of()));
        assertThat(agencies.findByElectronicId(centre).orElseThrow().parentId())
                .isEqualTo(agencies.findByElectronicId(commune).orElseThrow().id());

        var again = agencies.importCsv(new StringReader(csv));
        assertThat(again).isEqualTo(new ImportReport(0, 0, 2, java.util.List.of()));

        var renamed = agencies.importCsv(new StringReader(csv.replace("xã Di Linh,COMMUNE_PEOPLES", "xã Di Linh mới,COMMUNE_PEOPLES")));
        assertThat(renamed).isEqualTo(new ImportReport(0, 1, 1, java.util.List.of()));
        assertThat(agencies.findByElectronicId(commune).orElseThrow().name()).isEqualTo("Ủy ban nhân dân xã Di Linh mới");
    }

    @Test
    void reportsEveryMalformedRowAndSavesNothing() throws Exception {
        String good = uniqueElectronicId();
        String csv = HEADER
                + good + ",Ủy ban nhân dân xã Tốt,COMMUNE_PEOPLES_COMMITTEE,H36,01/07/2025,\n"   // line 2: fine
                + "H36-77,UBND xã Sai mã,COMMUNE_PEOPLES_COMMITTEE,H36,01/07/2025,\n"         // line 3: bad e-ID
                + "H36.978,,COMMUNE_PEOPLES_COMMITTEE,H36,01/07/2025,\n"                      // line 4: no name
                + "H36.979,UBND xã Loại sai,XA,H36,01/07/2025,\n"                             // line 5: unknown type
                + "H36.980,UBND xã Ngày sai,COMMUNE_PEOPLES_COMMITTEE,H36,31/02/2025,\n"      // line 6: no such date
                + "H36.981,UBND xã Cấp trên lạ,COMMUNE_PEOPLES_COMMITTEE,H36.999,01/07/2025,\n" // line 7: unknown parent
                + good + ",Trùng mã,COMMUNE_PEOPLES_COMMITTEE,H36,01/07/2025,\n"             // line 8: duplicate in file
                + "H56.14,Sở tỉnh khác,PROVINCIAL_DEPARTMENT,,01/07/2025,\n"                   // line 9: other province
                + "H36.982,UBND xã Thiếu cột,COMMUNE_PEOPLES_COMMITTEE\n";                     // line 10: short row

        var report = agencies.importCsv(new StringReader(csv));

        assertThat(report.applied()).isFalse();
        assertThat(report.rejected()).extracting(ImportReport.RejectedRow::row).containsExactly(3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(report.rejected().get(0).reason()).contains("QĐ 20/2020");
        assertThat(report.rejected().get(1).reason()).contains("thiếu tên");
        assertThat(report.rejected().get(2).reason()).contains("loại cơ quan 'XA'");
        assertThat(report.rejected().get(3).reason()).contains("31/02/2025");
        assertThat(report.rejected().get(4).reason()).contains("H36.999");
        assertThat(report.rejected().get(5).reason()).contains("trùng với dòng 2");
        assertThat(report.rejected().get(6).reason()).contains("không thuộc tỉnh");
        assertThat(report.rejected().get(7).reason()).contains("số cột");
        assertThat(agencies.findByElectronicId(good)).as("nothing half-saved").isEmpty();
    }

    @Test
    void aFileWithoutTheHeaderIsRefusedAsAWhole() throws Exception {
        var report = agencies.importCsv(new StringReader("ma,ten\nH36.10,Sở Tư pháp\n"));
        assertThat(report.rejected()).singleElement().satisfies(r -> {
            assertThat(r.row()).isEqualTo(1);
            assertThat(r.reason()).contains("electronicId", "validFrom");
        });
    }

    @Test
    void theApiAnswers422WithThePerRowReport() {
        var response = as("admin").post().uri("/api/v1/agencies/imports").contentType(MediaType.parseMediaType("text/csv"))
                .body(HEADER + "H36-1,Sai,COMMUNE_PEOPLES_COMMITTEE,,01/07/2025,\n")
                .retrieve().toEntity(new ParameterizedTypeReference<Map<String, Object>>() { });
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(response.getBody().get("rejected").toString()).contains("row=2", "H36-1");
        var forbidden = as("tn.ttpvhcc").post().uri("/api/v1/agencies/imports").contentType(MediaType.parseMediaType("text/csv"))
                .body(HEADER).retrieve().toBodilessEntity();
        assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
