package vn.motcua.oversight;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.motcua.catalog.CatalogChanged;
import vn.motcua.catalog.ProcedureCatalog;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.platform.TimeConfiguration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The procedures oversight names and groups figures by: those in force on a day and, for codes not in force then,
 * today's version. The catalog is read once per day asked and kept for a minute (a page of figures used to read the
 * whole catalog twice per request); a publishing decision applied ({@link CatalogChanged}) clears it at once, the
 * minute bounds what other changes (an import) may leave stale.
 */
@Component
class ProcedureIndex {

    static final Duration KEPT = Duration.ofMinutes(1);

    private record Entry(Map<String, ProcedureVersion> byCode, Instant readAt) {
    }

    private final ProcedureCatalog catalog;
    private final Clock clock;
    private final Map<LocalDate, Entry> cache = new ConcurrentHashMap<>();

    ProcedureIndex(ProcedureCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    Map<String, ProcedureVersion> on(LocalDate day) {
        Instant now = clock.instant();
        var entry = cache.get(day);
        if (entry == null || entry.readAt().plus(KEPT).isBefore(now)) {
            if (cache.size() > 64) {
                cache.clear(); // a handful of days are asked for; never let odd requests grow it
            }
            var byCode = new HashMap<String, ProcedureVersion>();
            LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.VIETNAM));
            catalog.allInForce(today).forEach(v -> byCode.put(v.code(), v));
            if (!day.equals(today)) {
                catalog.allInForce(day).forEach(v -> byCode.put(v.code(), v));
            }
            entry = new Entry(Map.copyOf(byCode), now);
            cache.put(day, entry);
        }
        return entry.byCode();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    void on(CatalogChanged changed) {
        cache.clear();
    }
}
