package vn.motcua.catalog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** The front door to the catalog: search, the version in force on a day, a procedure's history. */
@Service
public class ProcedureCatalog {

    private static final Logger log = LoggerFactory.getLogger(ProcedureCatalog.class);

    private final CatalogStore store;
    private final ProcedureIndex index = new ProcedureIndex();
    private final Clock clock;
    private volatile boolean built;
    private volatile String seenDecisions = "";

    ProcedureCatalog(CatalogStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public SearchResult search(ProcedureSearch search) {
        ensureBuilt();
        return index.search(search);
    }

    /** The version in force on {@code day}. */
    public ProcedureVersion inForce(String code, LocalDate day) {
        String base = ProcedureCode.parse(code).map(ProcedureCode::base).orElseThrow(() -> CatalogProblem.notFound(code));
        return store.versionOn(base, day).orElseThrow(() -> store.history(base).isEmpty()
                ? CatalogProblem.notFound(code) : CatalogProblem.notInForce(code, day));
    }

    /** What the procedure's public page shows on a day, in force or not (404 only for a code never published). */
    public ProcedurePage page(String code, LocalDate day) {
        return ProcedurePage.of(history(code), day);
    }

    public List<ProcedureVersion> history(String code) {
        String base = ProcedureCode.parse(code).map(ProcedureCode::base).orElseThrow(() -> CatalogProblem.notFound(code));
        var versions = store.history(base);
        if (versions.isEmpty()) {
            throw CatalogProblem.notFound(code);
        }
        return versions;
    }

    /** Every procedure in force on a day. */
    public List<ProcedureVersion> allInForce(LocalDate day) {
        return store.inForce(day);
    }

    /** Published procedures on a day by field, online level and level, for the public statistics. */
    public CatalogStatistics statistics(LocalDate day, LocalDate from, LocalDate to) {
        var counts = store.countsInForce(day);
        var byLevel = new java.util.EnumMap<ProcedureLevel, Long>(ProcedureLevel.class);
        counts.byLevels().forEach((levels, n) -> CatalogStore.levels(levels).forEach(l -> byLevel.merge(l, n, Long::sum)));
        var byOnline = new java.util.EnumMap<OnlineLevel, Long>(OnlineLevel.class);
        counts.byOnlineLevel().forEach((k, n) -> byOnline.put(OnlineLevel.valueOf(k), n));
        var byField = counts.byField();
        long total = byField.values().stream().mapToLong(Long::longValue).sum();
        var decisions = new java.util.LinkedHashMap<String, CatalogStatistics.DecisionCount>();
        for (var row : store.decisionCounts(from, to)) {
            String number = (String) row.get("number");
            var count = decisions.computeIfAbsent(number, k -> new CatalogStatistics.DecisionCount(number,
                    ((java.sql.Date) row.get("effective_date")).toLocalDate(), (String) row.get("issuer"), new java.util.EnumMap<>(Decision.Change.class)));
            count.changes().put(Decision.Change.valueOf((String) row.get("change")), ((Number) row.get("n")).longValue());
        }
        long shortened = store.amendedChannels(from, to).stream().filter(pair -> {
            var before = ProcedureRecord.quickest(pair.get(0));
            var after = ProcedureRecord.quickest(pair.get(1));
            return before != null && after != null && java.util.Objects.equals(before.timeUnit(), after.timeUnit())
                    && after.timeAmount() < before.timeAmount();
        }).count();
        return new CatalogStatistics(day, total, byLevel, byOnline, byField, from, to, List.copyOf(decisions.values()), shortened);
    }

    @TransactionalEventListener
    void reindex(CatalogChanged change) {
        if (!built) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        seenDecisions = store.appliedDecisionsMark();
        for (String code : change.codes()) {
            index.update(code, store.versionOn(code, today).map(ProcedureVersion::record).orElse(null));
        }
    }

    /** Versions that take effect today, and versions closed yesterday, enter and leave the index at midnight. */
    @Scheduled(cron = "0 1 0 * * *", zone = "Asia/Ho_Chi_Minh")
    @EventListener(ApplicationReadyEvent.class)
    synchronized void rebuild() {
        seenDecisions = store.appliedDecisionsMark();
        var versions = store.inForce(LocalDate.now(clock));
        index.rebuild(versions);
        built = true;
        log.info("Chỉ mục tìm kiếm TTHC (catalog search index) built: {} procedures in force", versions.size());
    }

    /** Another node applied a decision: this node's index follows within {@code motcua.catalog.refresh-ms} (30 s). */
    @Scheduled(fixedDelayString = "${motcua.catalog.refresh-ms:30000}", initialDelayString = "${motcua.catalog.refresh-ms:30000}")
    void refreshIfChanged() {
        if (built && !store.appliedDecisionsMark().equals(seenDecisions)) {
            rebuild();
        }
    }

    /** Procedures in force today, for home pages. */
    public long countInForce() {
        return fieldCounts().values().stream().mapToLong(Long::longValue).sum();
    }

    /** The fields of the procedures in force today, in Vietnamese alphabetical order (for search filters). */
    public List<String> fields() {
        var collator = java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi"));
        return fieldCounts().keySet().stream().sorted(collator).toList();
    }

    private java.util.Map<String, Long> fieldCounts() {
        return store.countInForce(LocalDate.now(clock), "field");
    }

    private void ensureBuilt() {
        if (!built) {
            rebuild();
        }
    }
}
