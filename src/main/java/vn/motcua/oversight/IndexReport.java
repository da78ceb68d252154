package vn.motcua.oversight;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.List;

/**
 * The 766 index of one scope (the province, an agency) for one period, as the rules of the period's last day score
 * it. {@code total} is the sum of the group scores; indicators that are not applicable are left out of the score
 * and of {@code scoredMax}, and the band is read from {@code normalised} (= total × 100 / scoredMax), so that points
 * the system cannot hold yet neither count as zero nor as earned (decision recorded in docs/oversight.md).
 */
public record IndexReport(String scope, String period, BigDecimal total, BigDecimal scoredMax, @Nullable BigDecimal normalised,
                          @Nullable String band, @Nullable String bandLabel, List<GroupScore> groups) {

    public record GroupScore(String code, String name, BigDecimal score, BigDecimal max, BigDecimal scoredMax,
                             List<IndicatorScore> indicators) {
    }

    /**
     * One indicator: the counts behind it, the ratio (4 decimals, = percent with 2), the target, the score (2
     * decimals) out of {@code max}; status {@code NOT_APPLICABLE} with the reason when the denominator is zero or the
     * data is not held. {@code provinceTarget} is the province's own yearly target, when the reform officer set one.
     */
    public record IndicatorScore(String code, String metricKey, String name, @Nullable Long numerator, @Nullable Long denominator,
                                 @Nullable BigDecimal ratio, BigDecimal target, @Nullable BigDecimal score, BigDecimal max,
                                 Status status, @Nullable String reason, @Nullable BigDecimal provinceTarget) {
    }

    public enum Status { SCORED, NOT_APPLICABLE }
}
