package vn.motcua.oversight;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Map;

/**
 * The scoring rule of the 766 index (vn-rules §7.2), pure: R = numerator / denominator; a zero denominator makes the
 * indicator not applicable (left out, never scored 0); score = max when R reaches the target, else R × max / target;
 * each indicator's score rounded to 2 decimals (half up), a group is the sum of its indicators, the total the sum of
 * the groups.
 */
public final class IndexScoring {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext EXACT_ENOUGH = MathContext.DECIMAL128;

    private IndexScoring() {
    }

    /**
     * @param measures       by indicator code; a code without a measure is not applicable for its source's reason
     * @param provinceTargets the province's own targets by indicator code (ratios), shown next to the actual
     */
    public static IndexReport score(String scope, ReportingPeriod period, IndexDefinitions.Version rules, Map<String, Measure> measures,
                                    Map<String, BigDecimal> provinceTargets) {
        var groups = new ArrayList<IndexReport.GroupScore>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal scoredMax = BigDecimal.ZERO;
        for (var group : rules.groups()) {
            var indicators = new ArrayList<IndexReport.IndicatorScore>();
            BigDecimal groupScore = BigDecimal.ZERO;
            BigDecimal groupScoredMax = BigDecimal.ZERO;
            for (var indicator : group.indicators()) {
                var scored = score(indicator, measures.get(indicator.code()), provinceTargets.get(indicator.code()));
                indicators.add(scored);
                if (scored.status() == IndexReport.Status.SCORED) {
                    groupScore = groupScore.add(scored.score());
                    groupScoredMax = groupScoredMax.add(indicator.maxPoints());
                }
            }
            groups.add(new IndexReport.GroupScore(group.code(), group.name(), groupScore, group.maxPoints(), groupScoredMax, indicators));
            total = total.add(groupScore);
            scoredMax = scoredMax.add(groupScoredMax);
        }
        BigDecimal normalised = scoredMax.signum() == 0 ? null : total.multiply(HUNDRED).divide(scoredMax, 2, RoundingMode.HALF_UP);
        var band = normalised == null ? null : rules.band(normalised);
        return new IndexReport(scope, period.text(), total, scoredMax, normalised, band == null ? null : band.code(),
                band == null ? null : band.label(), groups);
    }

    static IndexReport.IndicatorScore score(IndexDefinitions.Indicator indicator, @Nullable Measure measure, @Nullable BigDecimal provinceTarget) {
        Measure m = measure == null ? new Measure.Unavailable(indicator.source().notHeldReason()) : measure;
        return switch (m) {
            case Measure.Unavailable(String reason) -> notApplicable(indicator, null, null, reason, provinceTarget);
            case Measure.Counted(long numerator, long denominator) when denominator == 0 ->
                    notApplicable(indicator, numerator, denominator, "Không có đối tượng để tính trong kỳ (mẫu số bằng 0)", provinceTarget);
            case Measure.Counted(long numerator, long denominator) -> {
                var n = BigDecimal.valueOf(numerator);
                var d = BigDecimal.valueOf(denominator);
                BigDecimal score = n.compareTo(indicator.target().multiply(d)) >= 0
                        ? indicator.maxPoints()
                        : n.multiply(indicator.maxPoints()).divide(d.multiply(indicator.target()), EXACT_ENOUGH);
                yield new IndexReport.IndicatorScore(indicator.code(), indicator.metricKey(), indicator.name(), numerator, denominator,
                        n.divide(d, 4, RoundingMode.HALF_UP), indicator.target(), score.setScale(2, RoundingMode.HALF_UP),
                        indicator.maxPoints(), IndexReport.Status.SCORED, null, provinceTarget);
            }
        };
    }

    private static IndexReport.IndicatorScore notApplicable(IndexDefinitions.Indicator indicator, @Nullable Long numerator,
                                                           @Nullable Long denominator, String reason, @Nullable BigDecimal provinceTarget) {
        return new IndexReport.IndicatorScore(indicator.code(), indicator.metricKey(), indicator.name(), numerator, denominator, null,
                indicator.target(), null, indicator.maxPoints(), IndexReport.Status.NOT_APPLICABLE, reason, provinceTarget);
    }
}
