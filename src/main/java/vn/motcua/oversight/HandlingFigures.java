package vn.motcua.oversight;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How the dossiers of one group (an agency, a procedure, a channel, or all) were handled in a period, as the
 * periodic report counts them. Every dossier received before the period's end that had not ended before its start
 * is counted exactly once in {@code received} and once in exactly one of resolved (early, on time, late), in
 * progress (on time, overdue) or stopped, so the columns add up:
 * {@code received = carriedOver + newDirect + newOnline + newPostal = resolved + inProgress + stopped}.
 * Refusals on the merits are results: counted in resolved and shown again in {@code refused}.
 * {@code onTimeRate} is indicator 2.1: on time (resolved early or on time, or open within time) over all counted,
 * stopped ones included (their end is judged like any other, vn-rules §7.3); null when nothing was counted.
 */
public record HandlingFigures(String key, String label, long received, long carriedOver, long newDirect, long newOnline, long newPostal,
                              long resolved, long resolvedEarly, long resolvedOnTime, long resolvedLate, long refused,
                              long inProgress, long inProgressOnTime, long inProgressOverdue, long stopped, long onTime,
                              long apologies, @Nullable BigDecimal onTimeRate) {

    /** The values of {@link HandlingReport#COLUMNS}, in their order (the rate empty when nothing was counted). */
    public java.util.List<Object> reportValues() {
        return java.util.List.of(received, carriedOver, newDirect, newOnline, newPostal, resolved, resolvedEarly, resolvedOnTime,
                resolvedLate, refused, inProgress, inProgressOnTime, inProgressOverdue, stopped, apologies, onTimeRate == null ? "" : onTimeRate);
    }

    static @Nullable BigDecimal rate(long numerator, long denominator) {
        return denominator == 0 ? null : BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
    }
}
