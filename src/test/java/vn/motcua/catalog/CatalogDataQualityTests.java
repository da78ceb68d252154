package vn.motcua.catalog;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The parsers over the whole national export: nothing throws, and the share read cleanly does not fall below what docs/catalog-data-quality.md reports. */
class CatalogDataQualityTests {

    static CatalogDataQualityReport report;

    @BeforeAll
    static void readTheWholeExport() throws Exception {
        report = CatalogDataQualityReport.of(CatalogDataQualityReport.rows());
        System.out.println(report.table());
        report.uncleanLegalBasis.stream().limit(20).forEach(System.out::println);
    }

    @Test
    void readsEveryProcedure() {
        assertThat(report.get("procedures")).isEqualTo(2642);
    }

    @Test
    void readsTheFeeCellOfAlmostEveryChannel() {
        assertThat(report.get("fee cells read")).isGreaterThanOrEqualTo(report.get("channels") * 97 / 100);
    }

    @Test
    void readsMostLegalBasisFieldsWholly() {
        assertThat(report.get("legal-basis fields read cleanly")).isGreaterThanOrEqualTo(report.get("legal-basis fields") * 90 / 100);
        assertThat(report.get("citations with a kind")).isGreaterThanOrEqualTo(report.get("citations") * 95 / 100);
    }

    @Test
    void keepsNotesOutOfTheDocumentList() {
        assertThat(report.get("notes kept apart from documents")).isPositive();
        assertThat(report.get("documents with a count")).isGreaterThanOrEqualTo(report.get("documents") * 95 / 100);
    }
}
