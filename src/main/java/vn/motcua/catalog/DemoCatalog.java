package vn.motcua.catalog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * The demo province starts with its real catalog: the national portal's export (2,642 procedures of six
 * ministries) and Lâm Đồng's own list (1,299 procedures with the .H36 suffix), imported the way an officer would.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("motcua.demo-data.enabled")
class DemoCatalog implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

    private final CatalogImports imports;
    private final CatalogStore store;
    private final ProcedureCatalog catalog;

    DemoCatalog(CatalogImports imports, CatalogStore store, ProcedureCatalog catalog) {
        this.imports = imports;
        this.store = store;
        this.catalog = catalog;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!store.openVersions().isEmpty()) {
            return;
        }
        for (String file : new String[]{"national_tthc_dvcqg_2642_full.jsonl.gz", "lamdong_tthc_listing_1299.csv"}) {
            long start = System.nanoTime();
            var report = imports.importFile(file, new ClassPathResource("catalog/" + file).getContentAsByteArray());
            log.info("Nhập danh mục TTHC mẫu {}: {} mới, {} cập nhật, {} không đổi, {} dòng bị loại ({} ms)", file, report.created(),
                    report.updated(), report.unchanged(), report.rejected().size(), (System.nanoTime() - start) / 1_000_000);
        }
    }
}
