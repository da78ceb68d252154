package vn.motcua.platform;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.IntegrationTest;
import vn.motcua.catalog.ProcedureCatalog;
import vn.motcua.catalog.ProcedureSearch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public pages cost a handful of SQL statements per anonymous visit, however many procedures, decisions
 * and agencies the province has (issue 7). Prints statements and median time per page for docs/benchmarks.md.
 */
class PublicPagesSqlTests extends IntegrationTest {

    /** A page may run this many statements: the session filter's and its own few reads. */
    static final int HANDFUL = 5;

    @Autowired
    ProcedureCatalog catalog;

    @Test
    void publicPagesRunAHandfulOfStatementsPerVisit() {
        String code = catalog.search(new ProcedureSearch(null, null, null, null, null, 1, 0)).items().getFirst().code();
        var pages = List.of("/public/statistics", "/public/statistics?from=2020-01-01", "/public/procedures",
                "/public/procedures?q=c%E1%BA%A5p+gi%E1%BA%A5y+ph%C3%A9p", "/public/procedures/" + code, "/public/calendar");
        Map<String, Integer> statements = new LinkedHashMap<>();
        for (String page : pages) {
            visit(page);
            var times = new ArrayList<Long>();
            int count = 0;
            for (int i = 0; i < 15; i++) {
                String id = UUID.randomUUID().toString();
                long start = System.nanoTime();
                visit(page, id);
                times.add(System.nanoTime() - start);
                count = SqlCounter.statements(id);
            }
            times.sort(null);
            statements.put(page, count);
            System.out.printf("public page %-60s %4d SQL statements, median %6.1f ms%n", page, count, times.get(times.size() / 2) / 1e6);
        }
        assertThat(statements).allSatisfy((page, n) -> assertThat(n).as(page).isBetween(0, HANDFUL));
    }

    private void visit(String page) {
        visit(page, UUID.randomUUID().toString());
    }

    private void visit(String page, String id) {
        var response = anonymous().get().uri(page).header(SqlCounter.HEADER, id).retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(page + " " + response.getStatusCode()).isTrue();
    }
}
