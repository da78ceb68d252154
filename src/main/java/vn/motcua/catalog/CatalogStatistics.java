package vn.motcua.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a province reports about its catalog: procedures published on a day by level, online level and field,
 * and the decisions of a period with how many procedures each made new, amended, replaced or abolished, and how
 * many amendments shortened a processing time (rules digest §9).
 */
public record CatalogStatistics(LocalDate day, long total, Map<ProcedureLevel, Long> byLevel, Map<OnlineLevel, Long> byOnlineLevel,
                                Map<String, Long> byField, LocalDate from, LocalDate to, List<DecisionCount> decisions,
                                long shortenedTimes) {

    public record DecisionCount(String number, LocalDate effectiveDate, String issuer, Map<Decision.Change, Long> changes) {

        public long count(Decision.Change change) {
            return changes.getOrDefault(change, 0L);
        }
    }

    public long decided(Decision.Change change) {
        return decisions.stream().mapToLong(d -> d.count(change)).sum();
    }

    public long created() {
        return decided(Decision.Change.NEW);
    }

    public long amended() {
        return decided(Decision.Change.AMENDED);
    }

    public long replaced() {
        return decided(Decision.Change.REPLACED);
    }

    public long abolished() {
        return decided(Decision.Change.ABOLISHED);
    }
}
