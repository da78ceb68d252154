package vn.motcua.dossier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.IntegrationTest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo province's dossiers (the suite turns them off; here the runner seeds a few hundred as a fresh demo start
 * would): the past arrives through the historical import without a refused line, nothing in it lies after now, the
 * figures count it, and every demo account finds today's dossiers in its own work queue over the API.
 */
class DemoDossiersTests extends IntegrationTest {

    @Autowired
    DemoDossiers demo;
    @Autowired
    JdbcClient jdbc;

    private static DemoDossiers.Seeded seeded;

    synchronized DemoDossiers.Seeded seeded() {
        if (seeded == null) {
            assertThat(demo.present()).as("the suite starts without demo dossiers").isFalse();
            seeded = demo.seed(400);
        }
        return seeded;
    }

    @Test
    void thePastComesThroughTheHistoricalImportAndEndsNow() {
        var job = seeded().history();
        assertThat(job.state()).isEqualTo("DONE");
        assertThat(job.rejected()).as("every generated line is a dossier the import takes").isZero();
        assertThat(job.imported()).isEqualTo(400);
        assertThat(demo.present()).isTrue();
        var latest = jdbc.sql("select max(h.at) from dossier.history h join dossier.dossier d on d.id = h.dossier_id where d.code in (" + DEMO + ")")
                        .param("job", job.id()).query(java.time.OffsetDateTime.class).single();
        assertThat(latest.toInstant()).as("nothing happens after the start").isBeforeOrEqualTo(java.time.Instant.now());
        var states = jdbc.sql("select state, count(*) from dossier.dossier where code in (" + DEMO + ") group by state").param("job", job.id())
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list();
        assertThat(states).extracting(Map.Entry::getKey).contains("RETURNED", "STOPPED", "REFUSED_AT_INTAKE");
        // the recent ones the start caught are still open (in processing, waiting, their result ready)
        assertThat(states).extracting(Map.Entry::getKey).containsAnyOf("IN_PROCESSING", "AWAITING_SUPPLEMENT", "RESULT_READY",
                "WITHDRAWAL_REQUESTED");
    }

    @Test
    void theFiguresOfTheYearCountTheDemoDossiers() {
        seeded();
        int year = LocalDate.now(DossierWords.VIETNAM).getYear();
        var rows = as("giamsat.snv").get().uri("/api/v1/oversight/handling?agency=H36&from={f}&to={t}&groupBy=agency",
                LocalDate.now(DossierWords.VIETNAM).minusMonths(12), LocalDate.now(DossierWords.VIETNAM))
                .retrieve().body(new ParameterizedTypeReference<List<Map<String, Object>>>() { });
        long received = rows.stream().mapToLong(r -> ((Number) r.get("received")).longValue()).sum();
        assertThat(received).as(rows.toString()).isGreaterThanOrEqualTo(300);
        var index = as("giamsat.snv").get().uri("/api/v1/oversight/index766?agency=H36&period={y}", year).retrieve().body(MAP);
        assertThat(index.get("total")).isNotNull();
    }

    @Test
    void everyDemoAccountFindsTodaysDossiersInItsQueue() {
        var today = seeded().today();
        assertThat(today).hasSize(17);
        var byState = today.stream().collect(java.util.stream.Collectors.groupingBy(Dossier::state, java.util.stream.Collectors.counting()));
        assertThat(byState).containsEntry(DossierState.AWAITING_SUPPLEMENT, 1L).containsEntry(DossierState.RETURNED, 2L)
                .containsEntry(DossierState.RESULT_READY, 2L);
        // who holds what: the assigner the unassigned ones, the specialist the appraisals, and so on to the desk
        assertThat(queue("pc.stp", "unit")).containsAll(codes(today, 0, 1));
        assertThat(queue("cv.stp", "mine")).containsAll(codes(today, 2, 4));
        assertThat(queue("tn.ttpvhcc", "awaiting-applicant")).contains(today.get(5).code());
        assertThat(queue("tp.stp", "unit")).containsAll(codes(today, 6, 7));
        assertThat(queue("gd.stp", "unit")).contains(today.get(8).code());
        assertThat(queue("vt.stp", "unit")).contains(today.get(9).code());
        assertThat(queue("pc.stp", "unit")).doesNotContain(today.get(9).code());
        var returned = as("admin").get().uri("/api/v1/dossiers/" + today.get(12).code()).retrieve().body(MAP);
        assertThat(returned).containsEntry("state", "RETURNED");
        // the ward's: its specialists' queue, its chairman, its clerk, then handed over at its desk
        assertThat(queue("cv.xuanhuong", "unit")).contains(today.get(13).code());
        assertThat(queue("ct.xuanhuong", "unit")).contains(today.get(14).code());
        assertThat(queue("vt.xuanhuong", "unit")).contains(today.get(15).code());
        var ward = as("tn.xuanhuong").get().uri("/api/v1/dossiers/" + today.get(16).code()).retrieve().body(MAP);
        assertThat(ward).containsEntry("state", "RETURNED");
    }

    /** The demo import's dossiers. */
    static final String DEMO = "select code from dossier.imported_dossier where import_id = :job";

    @Test
    void thePastDossiersCarryCodesOfTheNationalForm() {
        var job = seeded().history();
        var codes = jdbc.sql(DEMO).param("job", job.id()).query(String.class).list();
        assertThat(codes).hasSize(400).allMatch(c -> c.matches("H36\\.(50|50\\.0[12]|20[1-5]\\.01)-\\d{6}-9\\d{3}"), "receiving point-yymmdd-9nnn");
        // the day in the code is the day received
        var mismatched = jdbc.sql("""
                        select count(*) from dossier.dossier d where d.code in (""" + DEMO + """
                        ) and d.received_at is not null and substring(d.code from '-(\\d{6})-') <> to_char(d.received_at at time zone 'Asia/Ho_Chi_Minh', 'YYMMDD')""")
                .param("job", job.id()).query(Long.class).single();
        assertThat(mismatched).isZero();
    }

    private static List<String> codes(List<Dossier> today, int from, int to) {
        return today.subList(from, to + 1).stream().map(Dossier::code).toList();
    }

    private List<String> queue(String user, String queue) {
        var page = as(user).get().uri("/api/v1/dossiers?queue={q}&size=200", queue).retrieve().body(MAP);
        return DossierProcessingApiTests.codes(page);
    }

    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };
}
