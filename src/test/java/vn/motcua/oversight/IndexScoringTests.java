package vn.motcua.oversight;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The 766 scoring rule (vn-rules §7.2) on cases computed by hand, and the shipped definitions (§7.3). */
class IndexScoringTests {

    static final IndexDefinitions SHIPPED = IndexDefinitions.shipped();

    @ParameterizedTest(name = "{0}/{1} at {2} points, target {3} → {4}")
    @CsvSource({
            // numerator, denominator, max, target, expected score (worked by hand)
            "45, 50, 20, 1, 18.00",     // 0.9 × 20
            "50, 50, 20, 1, 20.00",     // target reached
            "0, 50, 20, 1, 0.00",
            "1, 3, 6, 1, 2.00",         // 6 / 3
            "2, 3, 4, 0.8, 3.33",       // 0.6667 × 4 / 0.8 = 3.3333
            "9, 10, 4, 0.8, 4.00",      // 0.9 ≥ 0.8: full points
            "8, 10, 4, 0.8, 4.00",      // exactly the target
            "1, 7, 2, 0.8, 0.36",       // 0.142857 × 2 / 0.8 = 0.357143
            "27, 100, 6, 0.3, 5.40",    // 0.27 × 6 / 0.3
            "1, 16, 2, 1, 0.13",        // 0.125: half up
            "17, 20, 6, 0.9, 5.67",     // 0.85 × 6 / 0.9 = 5.6667
    })
    void anIndicatorScoresItsShareOfTheTarget(long numerator, long denominator, BigDecimal max, BigDecimal target, String expected) {
        var indicator = new IndexDefinitions.Indicator("t", "T", "thử", max, target, IndexSource.DOSSIER);
        var scored = IndexScoring.score(indicator, new Measure.Counted(numerator, denominator), null);
        assertThat(scored.status()).isEqualTo(IndexReport.Status.SCORED);
        assertThat(scored.score()).isEqualByComparingTo(expected);
        assertThat(scored.score().scale()).isEqualTo(2);
    }

    @Test
    void aZeroDenominatorIsNotApplicableNeverZero() {
        var indicator = new IndexDefinitions.Indicator("2.1", "ON_TIME", "đúng hạn", BigDecimal.valueOf(20), BigDecimal.ONE, IndexSource.DOSSIER);
        var scored = IndexScoring.score(indicator, new Measure.Counted(0, 0), null);
        assertThat(scored.status()).isEqualTo(IndexReport.Status.NOT_APPLICABLE);
        assertThat(scored.score()).isNull();
        assertThat(scored.reason()).contains("mẫu số bằng 0");
    }

    @Test
    void anIndicatorWhoseDataIsNotHeldSaysWhy() {
        var version = SHIPPED.on(LocalDate.of(2026, 11, 30));
        var report = IndexScoring.score("H36", ReportingPeriod.parse("2026-11"), version, Map.of(), Map.of());
        var payment = indicator(report, "3.6");
        assertThat(payment.status()).isEqualTo(IndexReport.Status.NOT_APPLICABLE);
        assertThat(payment.reason()).contains("thanh toán trực tuyến");
        assertThat(indicator(report, "5.2").reason()).contains("phản ánh, kiến nghị");
        assertThat(report.total()).isEqualByComparingTo("0");
        assertThat(report.scoredMax()).isEqualByComparingTo("0");
        assertThat(report.normalised()).isNull();
        assertThat(report.band()).isNull();
    }

    /**
     * A province whose figures cover groups 2 and 3 and indicator 1.3 and 5.4, worked by hand:
     * 1.3: 90/100 of 2 → 1.80; 2.1: 820/1000 of 20 → 16.40; 2.2 tracked → 0; 3.x: 300/1200 of 12 → 3.00;
     * 3.3 tracked → 0; 5.4: 850/1000 at target 0.9 of 6 → 0.85 × 6 / 0.9 = 5.666… → 5.67.
     * Total 1.80 + 16.40 + 3.00 + 5.67 = 26.87 of 2 + 20 + 12 + 6 = 40 scored points → 67.18 of 100: "Trung bình".
     */
    @Test
    void aReportAddsIndicatorsIntoGroupsAndBandsTheShareOfScoredPoints() {
        var measures = new HashMap<String, Measure>();
        measures.put("1.3", new Measure.Counted(90, 100));
        measures.put("2.1", new Measure.Counted(820, 1000));
        measures.put("2.2", new Measure.Counted(9, 10));
        measures.put("3.x", new Measure.Counted(300, 1200));
        measures.put("3.3", new Measure.Counted(300, 1500));
        measures.put("5.4", new Measure.Counted(850, 1000));
        var report = IndexScoring.score("H36", ReportingPeriod.parse("2026-Q3"), SHIPPED.on(LocalDate.of(2026, 9, 30)), measures,
                Map.of("2.1", new BigDecimal("0.95")));
        assertThat(group(report, "1").score()).isEqualByComparingTo("1.80");
        assertThat(group(report, "1").max()).isEqualByComparingTo("18");
        assertThat(group(report, "1").scoredMax()).isEqualByComparingTo("2");
        assertThat(group(report, "2").score()).isEqualByComparingTo("16.40");
        assertThat(group(report, "3").score()).isEqualByComparingTo("3.00");
        assertThat(group(report, "3b").scoredMax()).isEqualByComparingTo("0");
        assertThat(group(report, "5").score()).isEqualByComparingTo("5.67");
        assertThat(report.total()).isEqualByComparingTo("26.87");
        assertThat(report.scoredMax()).isEqualByComparingTo("40");
        assertThat(report.normalised()).isEqualByComparingTo("67.18");
        assertThat(report.band()).isEqualTo("AVERAGE");
        assertThat(report.bandLabel()).isEqualTo("Trung bình");
        var onTime = indicator(report, "2.1");
        assertThat(onTime.ratio()).isEqualByComparingTo("0.8200");
        assertThat(onTime.provinceTarget()).isEqualByComparingTo("0.95");
        assertThat(indicator(report, "2.2").score()).isEqualByComparingTo("0");
        assertThat(indicator(report, "2.2").max()).isEqualByComparingTo("0");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"100, GOOD", "80, GOOD", "79.99, FAIR", "70, FAIR", "69.99, AVERAGE", "50, AVERAGE", "49.99, WEAK", "0, WEAK"})
    void bandsFollowTheDigest(BigDecimal score, String band) {
        assertThat(SHIPPED.on(LocalDate.of(2026, 12, 1)).band(score).code()).isEqualTo(band);
    }

    /** §7.1 and §7.3: 18 + 20 + 12 + 10 + 22 + 18 points, group 3 split into online services and online payment. */
    @Test
    void theShippedIndexHasTheDigestsGroupsAndPoints() {
        var version = SHIPPED.on(LocalDate.of(2026, 12, 1));
        assertThat(version.groups()).extracting(IndexDefinitions.Group::code).containsExactly("1", "2", "3", "3b", "4", "5");
        assertThat(version.groups()).extracting(g -> g.maxPoints().intValue()).containsExactly(18, 20, 12, 10, 22, 18);
        var payment = version.groups().get(3).indicators();
        assertThat(payment).extracting(IndexDefinitions.Indicator::code).containsExactly("3.5", "3.5b", "3.6");
        assertThat(payment).extracting(i -> i.maxPoints().intValue()).containsExactly(2, 2, 6);
        assertThat(payment).extracting(i -> i.target().doubleValue()).containsExactly(0.8, 0.8, 0.3);
        assertThat(version.groups().get(5).indicators().get(2).target()).isEqualByComparingTo("0.9"); // 5.4
    }

    /** A new version from a later date scores the periods that end after it; the earlier ones keep their rules. */
    @Test
    void aNewVersionAppliesFromItsDateAndEarlierPeriodsKeepTheirRules() throws Exception {
        String header = "valid_from,valid_to,group,group_name,group_max,code,metric_key,name,max_points,target,source\n";
        String old = "2022-06-23,2026-06-30,A,Nhóm A,60,a1,A1,Chỉ tiêu a1,60,1,DOSSIER\n"
                + "2022-06-23,2026-06-30,B,Nhóm B,40,b1,B1,Chỉ tiêu b1,40,1,DOSSIER\n";
        String next = "2026-07-01,,A,Nhóm A,50,a1,A1,Chỉ tiêu a1,50,0.5,DOSSIER\n"
                + "2026-07-01,,B,Nhóm B,50,b1,B1,Chỉ tiêu b1,50,1,DOSSIER\n";
        var definitions = IndexDefinitions.read(new StringReader(header + old + next), new StringReader(bands()));
        var measures = Map.<String, Measure>of("a1", new Measure.Counted(1, 4), "b1", new Measure.Counted(1, 2));
        // Q2 (last day 30/06): a1 0.25 × 60 = 15.00, b1 0.5 × 40 = 20.00 → 35.00
        var q2 = ReportingPeriod.parse("2026-Q2");
        assertThat(IndexScoring.score("X", q2, definitions.on(q2.lastDay()), measures, Map.of()).total()).isEqualByComparingTo("35.00");
        // Q3: a1 0.25 × 50 / 0.5 = 25.00, b1 0.5 × 50 = 25.00 → 50.00
        var q3 = ReportingPeriod.parse("2026-Q3");
        assertThat(IndexScoring.score("X", q3, definitions.on(q3.lastDay()), measures, Map.of()).total()).isEqualByComparingTo("50.00");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "2026-03 | MONTH   | 2026-03-01 | 2026-04-01",
            "2026-q4 | QUARTER | 2026-10-01 | 2027-01-01",
            "2024    | YEAR    | 2024-01-01 | 2025-01-01",
            "1990-01 | MONTH   | 1990-01-01 | 1990-02-01",
            "2100    | YEAR    | 2100-01-01 | 2101-01-01"})
    void aPeriodIsReadAsThePortalWritesIt(String text, ReportingPeriod.Kind kind, LocalDate from, LocalDate until) {
        var p = ReportingPeriod.parse(text);
        assertThat(p.kind()).isEqualTo(kind);
        assertThat(p.from()).isEqualTo(from);
        assertThat(p.until()).isEqualTo(until);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"0000-01", "1989-12", "2101", "9999-Q1", "2026-13", "2026-Q5", "26-03", "2026/03", ""})
    void aPeriodOutsideTheFormsOrTheYearsIsRefusedInWords(String text) {
        assertThatThrownBy(() -> ReportingPeriod.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Kỳ đánh giá").hasMessageContaining("không hợp lệ");
    }

    @Test
    void aVersionThatDoesNotAddUpIsRefusedWhenRead() {
        String header = "valid_from,valid_to,group,group_name,group_max,code,metric_key,name,max_points,target,source\n";
        assertThatThrownBy(() -> IndexDefinitions.read(new StringReader(header
                        + "2022-06-23,,A,Nhóm A,60,a1,A1,a1,50,1,DOSSIER\n2022-06-23,,B,Nhóm B,40,b1,B1,b1,40,1,DOSSIER\n"), new StringReader(bands())))
                .hasMessageContaining("Nhóm A").hasMessageContaining("50");
        assertThatThrownBy(() -> IndexDefinitions.read(new StringReader(header
                        + "2022-06-23,,A,Nhóm A,60,a1,A1,a1,60,1,DOSSIER\n2022-06-23,,B,Nhóm B,30,b1,B1,b1,30,1,DOSSIER\n"), new StringReader(bands())))
                .hasMessageContaining("90");
        assertThatThrownBy(() -> IndexDefinitions.read(new StringReader(header
                        + "2022-06-23,,A,Nhóm A,100,a1,A1,a1,100,1.5,DOSSIER\n"), new StringReader(bands())))
                .hasMessageContaining("dòng 1").hasMessageContaining("1.5");
        assertThatThrownBy(() -> IndexDefinitions.read(new StringReader(header
                        + "2022-06-23,,A,Nhóm A,100,a1,A1,a1,100,1,SOMEWHERE\n"), new StringReader(bands())))
                .hasMessageContaining("dòng 1");
    }

    @Test
    void aDayBeforeAnyVersionHasNoIndex() {
        assertThatThrownBy(() -> SHIPPED.on(LocalDate.of(2022, 6, 22))).hasMessageContaining("2022-06-22");
    }

    @ParameterizedTest(name = "{0} → {1} .. {2}")
    @CsvSource({"2026-03, 2026-03-01, 2026-04-01, MONTH", "2026-12, 2026-12-01, 2027-01-01, MONTH",
            "2026-Q1, 2026-01-01, 2026-04-01, QUARTER", "2026-q4, 2026-10-01, 2027-01-01, QUARTER",
            "2026, 2026-01-01, 2027-01-01, YEAR"})
    void periodsAreWrittenAsThePortalWritesThem(String text, LocalDate from, LocalDate until, ReportingPeriod.Kind kind) {
        var period = ReportingPeriod.parse(text);
        assertThat(period.from()).isEqualTo(from);
        assertThat(period.until()).isEqualTo(until);
        assertThat(period.kind()).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource({"2026-13", "2026-00", "2026-Q5", "2026-Q0", "26", "2026-1", "tháng 3", "''"})
    void aMalformedPeriodIsRefusedWithTheFormsItAccepts(String text) {
        assertThatThrownBy(() -> ReportingPeriod.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-Q1");
    }

    private static String bands() {
        return "valid_from,valid_to,band,label,min_score\n2022-06-23,,GOOD,Tốt,80\n2022-06-23,,WEAK,Yếu,0\n";
    }

    private static IndexReport.GroupScore group(IndexReport report, String code) {
        return report.groups().stream().filter(g -> g.code().equals(code)).findFirst().orElseThrow();
    }

    private static IndexReport.IndicatorScore indicator(IndexReport report, String code) {
        return report.groups().stream().flatMap(g -> g.indicators().stream()).filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }
}
