package vn.motcua.oversight;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the province publishes about dossier handling (Decree 118/2025: publicity of handling results): per handling
 * agency, for a period, the dossiers received, those resolved on time (early included) and late, those still open
 * past their appointment, and the apology letters issued. Public: no names of people, no dossier codes.
 */
public record Disclosure(String period, String periodLabel, List<Row> rows, Row total) {

    public record Row(String agency, String agencyName, long received, long resolved, long resolvedOnTime, long resolvedLate,
                      long inProgress, long inProgressOverdue, long apologies, @Nullable BigDecimal onTimeRate) {

        /** Bar widths in percent of {@code scale} (the largest agency's received), for the page's chart. */
        public double width(long part, long scale) {
            return scale == 0 ? 0 : Math.round(1000.0 * part / scale) / 10.0;
        }
    }
}
