package vn.motcua.catalog;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which of the seven mandatory components (Decree 63/2010 Art. 8(2)) each procedure in force states, for the catalog
 * officer: indicator 1.3 of the Decision 766/QĐ-TTg index counts procedures published with all of them. A gap is
 * closed the lawful way, by an amending publishing decision, never by editing a version in place.
 */
@Service
public class CatalogCompleteness {

    private final CatalogStore store;
    private final PublishingDecisions decisions;
    private final Clock clock;

    CatalogCompleteness(CatalogStore store, PublishingDecisions decisions, Clock clock) {
        this.store = store;
        this.decisions = decisions;
        this.clock = clock;
    }

    /** One procedure in force and what it lacks. */
    public record Row(String code, String name, String field, Set<MandatoryComponent> missing, boolean timeUnitMissing,
                      boolean detailsPublished) {
    }

    /** What to list: procedures missing a component (null: any), only incomplete ones, only times without a unit, one field. */
    public record Filter(@Nullable MandatoryComponent missing, boolean incompleteOnly, boolean timeUnitMissingOnly, @Nullable String field) {
    }

    /**
     * @param present  how many procedures in force state each component
     * @param rows     the page of procedures matching the filter, incomplete ones first, then by code
     * @param matching how many procedures match the filter
     */
    public record View(LocalDate day, int total, int complete, int timeUnitMissing, Map<MandatoryComponent, Integer> present, List<Row> rows,
                       int matching) {
    }

    public View view(Filter filter, int limit, int offset) {
        LocalDate today = LocalDate.now(clock);
        var all = store.inForce(today).stream().map(v -> {
            var r = v.record();
            return new Row(v.code(), r.name(), r.field(), r.missingComponents(), r.timeUnitMissing(), r.detailsPublished());
        }).toList();
        var present = new EnumMap<MandatoryComponent, Integer>(MandatoryComponent.class);
        for (var c : MandatoryComponent.values()) {
            present.put(c, (int) all.stream().filter(r -> !r.missing().contains(c)).count());
        }
        var matching = all.stream()
                .filter(r -> filter.missing() == null || r.missing().contains(filter.missing()))
                .filter(r -> !filter.incompleteOnly() || !r.missing().isEmpty())
                .filter(r -> !filter.timeUnitMissingOnly() || r.timeUnitMissing())
                .filter(r -> filter.field() == null || filter.field().equals(r.field()))
                .sorted(Comparator.comparing((Row r) -> -r.missing().size()).thenComparing(Row::code))
                .toList();
        return new View(today, all.size(), (int) all.stream().filter(r -> r.missing().isEmpty()).count(),
                (int) all.stream().filter(Row::timeUnitMissing).count(), present,
                matching.stream().skip(Math.max(0, offset)).limit(Math.max(0, limit)).toList(), matching.size());
    }

    /** An unapplied decision that already amends the procedure, if any (a second draft would only confuse). */
    public Optional<Decision> openDraftFor(String code) {
        return decisions.recent(500).stream().filter(d -> !d.applied())
                .filter(d -> d.items().stream().anyMatch(i -> i.code().equals(code))).findFirst();
    }

    /**
     * Starts an amending decision for one procedure: a draft whose single item carries the version in force, for the
     * officer to complete and apply. The Chairman of the provincial People's Committee publishes (Decree 63/2010 Art. 13).
     */
    public Decision draftAmendment(String code, String number) {
        String base = ProcedureCode.parse(code).map(ProcedureCode::base).orElseThrow(() -> CatalogProblem.notFound(code));
        var open = store.openVersion(base).orElseThrow(() -> CatalogProblem.notFound(code));
        LocalDate today = LocalDate.now(clock);
        LocalDate effective = open.validFrom().isAfter(today) ? open.validFrom() : today;
        return decisions.draft(number, today, "Chủ tịch Ủy ban nhân dân tỉnh", effective,
                List.of(new Decision.Item(base, Decision.Change.AMENDED, open.record(), null)));
    }
}
