package vn.motcua.oversight;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.IntegrationTest;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.LegalBasis;
import vn.motcua.catalog.ProcedureCatalog;
import vn.motcua.catalog.ProcedureRecord;
import vn.motcua.catalog.ProcedureVersion;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Indicator 1.1 (vn-rules §9, Decree 63/2010 Art. 15 as amended by 92/2017): a province's decision at least 5 working
 * days, a minister's at least 20, before the latest legal basis takes effect; working days of the 2026 calendar in the
 * digest (Tết Bính Ngọ 16-20/2, the make-up Saturday 10/1, Giỗ Tổ 27/4, 30/4-1/5). Expected verdicts counted by hand.
 */
class PublicationTimelinessTests extends IntegrationTest {

    @Autowired
    PublicationTimeliness timeliness;
    @Autowired
    ProcedureCatalog catalog;
    @Autowired
    WorkingCalendar calendar;

    @ParameterizedTest(name = "{0}: decided {1} by {2}, basis in force {3} → {4}")
    @CsvSource(nullValues = "-", textBlock = """
            five working days before (Mon 2/3 → Mon 9/3),        2026-03-02, Chủ tịch UBND tỉnh Lâm Đồng, 2026-03-09, true
            four (Tue 3/3 → Mon 9/3),                             2026-03-03, Chủ tịch UBND tỉnh Lâm Đồng, 2026-03-09, false
            the same day,                                         2026-03-09, Chủ tịch UBND tỉnh Lâm Đồng, 2026-03-09, false
            after the basis took effect,                          2026-03-10, Chủ tịch UBND tỉnh Lâm Đồng, 2026-03-09, false
            Tết in between: 9/2 → 23/2 is 5 working days,         2026-02-09, Chủ tịch UBND tỉnh Lâm Đồng, 2026-02-23, true
            Tết in between: 10/2 → 23/2 is 4,                     2026-02-10, Chủ tịch UBND tỉnh Lâm Đồng, 2026-02-23, false
            30/4-1/5 in between: 24/4 → 5/5 is 4 (27/4 off too),  2026-04-24, Chủ tịch UBND tỉnh Lâm Đồng, 2026-05-05, false
            30/4-1/5 in between: 23/4 → 5/5 is 5,                 2026-04-23, Chủ tịch UBND tỉnh Lâm Đồng, 2026-05-05, true
            the make-up Saturday 10/1 counts: 7/1 → 13/1 is 5,    2026-01-07, Chủ tịch UBND tỉnh Lâm Đồng, 2026-01-13, true
            a minister: 20 working days (9/2 → 16/3),             2026-02-09, Bộ trưởng Bộ Tư pháp, 2026-03-16, true
            a minister: 19 (10/2 → 16/3),                         2026-02-10, Bộ trưởng Bộ Tư pháp, 2026-03-16, false
            a ministry as issuer,                                 2026-02-10, Bộ Tư pháp, 2026-03-16, false
            """)
    void aDecisionIsOnTimeWhenItLeavesTheLeadTimeBeforeTheBasisTakesEffect(String name, LocalDate decided, String issuer, LocalDate effective,
                                                                           boolean onTime) {
        assertThat(timeliness.onTime(version(decided, issuer, effective, null))).as(name).isEqualTo(onTime);
    }

    @org.junit.jupiter.api.Test
    void theCalendarHasTheDigestsDaysOff() {
        // the cases above count on these (vn-rules §5, 2026): a precondition, not the rule under test
        for (String off : List.of("2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-04-27", "2026-04-30", "2026-05-01")) {
            assertThat(calendar.isWorkingDay(LocalDate.parse(off))).as(off).isFalse();
        }
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-01-10"))).as("make-up Saturday").isTrue();
    }

    @org.junit.jupiter.api.Test
    void onlyDecisionsOfThePeriodThatCanBeJudgedAreCounted() {
        var onTime = version(LocalDate.parse("2026-03-02"), "Chủ tịch UBND tỉnh", LocalDate.parse("2026-03-09"), null);
        var late = version(LocalDate.parse("2026-03-05"), "Chủ tịch UBND tỉnh", LocalDate.parse("2026-03-09"), null);
        var noDate = version(LocalDate.parse("2026-03-05"), "Chủ tịch UBND tỉnh", null, null);
        var otherMonth = version(LocalDate.parse("2026-04-01"), "Chủ tịch UBND tỉnh", LocalDate.parse("2026-05-01"), null);
        var older = version(LocalDate.parse("2026-03-02"), "Chủ tịch UBND tỉnh", LocalDate.parse("2026-03-04"), LocalDate.parse("2026-03-20"));
        var counts = timeliness.count(List.of(onTime, late, noDate, otherMonth, older), LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"));
        // "older": its latest basis takes effect 20/3, 14 working days after the decision: on time
        assertThat(counts).isEqualTo(new PublicationTimeliness.Counts(2, 3, 4, 5));
    }

    /** A real procedure's record with the given decision and legal bases taking effect on the given days. */
    private ProcedureVersion version(LocalDate decided, String issuer, @Nullable LocalDate effective, @Nullable LocalDate laterEffective) {
        var real = catalog.inForce("3.000334", LocalDate.now());
        var r = real.record();
        var bases = new java.util.ArrayList<LegalBasis>();
        bases.add(new LegalBasis("Nghị định số 01/2026/NĐ-CP", "01/2026/NĐ-CP", decided.minusDays(30), "Chính phủ", effective));
        if (laterEffective != null) {
            bases.add(new LegalBasis("Thông tư số 02/2026/TT-BTP", "02/2026/TT-BTP", decided.minusDays(20), "Bộ Tư pháp", laterEffective));
        }
        var record = new ProcedureRecord(r.code(), r.localCode(), r.name(), r.field(), r.levels(), r.type(), r.applicants(), r.implementingAgency(),
                r.competentAgency(), r.authorisedAgency(), r.coordinatingAgency(), r.steps(), r.channels(), r.onlineLevel(), r.locationIndependent(),
                r.documents(), r.results(), bases, r.conditions(), r.sourceUrl(), r.dossierNotes());
        return new ProcedureVersion(real.code(), 1, decided, null, "1/QĐ-UBND", decided, issuer, record);
    }
}
