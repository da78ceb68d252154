package vn.motcua.catalog;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.platform.DomainProblem.InvalidParam;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import vn.motcua.platform.CurrentUser;

/**
 * Publishing decisions: a catalog officer drafts one, then applies it. Applying creates the versions it announces
 * from its effective date and closes the versions it amends, replaces or abolishes the day before; nothing is
 * edited in place, so the catalog can always say which version was in force on any day.
 */
@Service
public class PublishingDecisions {

    private final CatalogStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PublishingDecisions(CatalogStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Stores a decision without applying it. */
    @Transactional
    public Decision draft(String number, LocalDate decidedOn, String issuer, LocalDate effectiveDate, List<Decision.Item> items) {
        var decision = new Decision(UUID.randomUUID(), number.strip(), decidedOn, issuer.strip(), effectiveDate, "MANUAL", false, List.copyOf(items));
        check(decision);
        store.insertDecision(decision, clock.instant());
        events.publishEvent(new DecisionDrafted("DECISION_DRAFTED", "decision:" + decision.number(),
                "Soạn quyết định " + decision.number() + " hiệu lực " + decision.effectiveDate() + ", " + decision.items().size() + " thủ tục"));
        return decision;
    }

    /** A decision drafted (not yet applied), for the audit trail. */
    public record DecisionDrafted(String action, String target, String summary) implements vn.motcua.platform.AuditableEvent {
    }

    /** The newest decisions first, drafts and applied, with their items. */
    public List<Decision> recent(int limit) {
        return store.recentDecisionIds(limit).stream().map(this::get).toList();
    }

    public Decision get(UUID id) {
        return store.decision(id).orElseThrow(() -> CatalogProblem.decisionNotFound(id));
    }

    /** Applies a drafted decision, once; every item is checked first and nothing applies if one is wrong. */
    @Transactional
    public Decision apply(UUID id) {
        var decision = get(id);
        if (decision.applied()) {
            throw CatalogProblem.invalidDecision("Quyết định " + decision.number() + " đã được áp dụng.", "decision");
        }
        applyChecked(decision, check(decision));
        return get(id);
    }

    /** Drafts and applies in one go (imports). */
    @Transactional
    Decision record(Decision decision) {
        var open = check(decision);
        store.insertDecision(decision, clock.instant());
        applyChecked(decision, open);
        return decision;
    }

    /** @param open the versions in force of the decision's procedures, as {@link #check} read them */
    private void applyChecked(Decision decision, java.util.Map<String, CatalogStore.OpenVersion> open) {
        LocalDate effective = decision.effectiveDate();
        var counts = new EnumMap<Decision.Change, Integer>(Decision.Change.class);
        for (var item : decision.items()) {
            var current = open.get(item.code());
            if (current != null) {
                store.close(current.id(), effective.minusDays(1));
            }
            if (item.change() == Decision.Change.NEW || item.change() == Decision.Change.AMENDED) {
                // a procedure published again after being abolished continues its numbering
                int last = current != null ? current.versionNo() : store.lastVersionNo(item.code());
                store.insertVersion(item.code(), last + 1, decision.id(), effective, item.record());
            }
            counts.merge(item.change(), 1, Integer::sum);
        }
        store.markApplied(decision.id(), clock.instant(), CurrentUser.name());
        events.publishEvent(new CatalogChanged("DECISION_APPLIED", "decision:" + decision.number(),
                "Áp dụng quyết định " + decision.number() + " hiệu lực " + effective + ": " + counts,
                decision.items().stream().map(Decision.Item::code).toList()));
    }

    /** Refuses the decision unless every item fits the catalog; returns the versions in force it will close. */
    private java.util.Map<String, CatalogStore.OpenVersion> check(Decision decision) {
        var found = new java.util.HashMap<String, CatalogStore.OpenVersion>();
        var problems = new ArrayList<InvalidParam>();
        var newCodes = new HashSet<String>();
        var seen = new HashSet<String>();
        int position = 0;
        for (var item : decision.items()) {
            String where = "items[" + position++ + "]";
            if (!ProcedureCode.isBase(item.code())) {
                problems.add(new InvalidParam(where, "mã thủ tục '" + item.code() + "' không đúng dạng d.dddddd"));
                continue;
            }
            if (!seen.add(item.code())) {
                problems.add(new InvalidParam(where, "thủ tục " + item.code() + " có hai lần trong một quyết định"));
            }
            var open = store.openVersion(item.code());
            open.ifPresent(v -> found.put(item.code(), v));
            switch (item.change()) {
                case NEW -> {
                    if (open.isPresent()) {
                        problems.add(new InvalidParam(where, "thủ tục " + item.code() + " đã được công bố: dùng AMENDED"));
                    }
                    newCodes.add(item.code());
                }
                case AMENDED, REPLACED, ABOLISHED -> {
                    if (open.isEmpty()) {
                        problems.add(new InvalidParam(where, "thủ tục " + item.code() + " chưa được công bố hoặc đã bãi bỏ"));
                    } else if (open.get().validFrom().isAfter(decision.effectiveDate())) {
                        problems.add(new InvalidParam(where, "quyết định có hiệu lực trước phiên bản đang áp dụng của " + item.code()));
                    }
                }
            }
            boolean needsRecord = item.change() == Decision.Change.NEW || item.change() == Decision.Change.AMENDED;
            if (needsRecord && (item.record() == null || !item.code().equals(item.record().code()))) {
                problems.add(new InvalidParam(where, "cần nội dung thủ tục " + item.code()));
            }
        }
        for (var item : decision.items()) {
            if (item.change() == Decision.Change.REPLACED && (item.replacedBy() == null
                    || !(newCodes.contains(item.replacedBy()) || store.openVersion(item.replacedBy()).isPresent()))) {
                problems.add(new InvalidParam(item.code(), "cần thủ tục thay thế (công bố mới trong quyết định này hoặc đang áp dụng)"));
            }
        }
        if (decision.number().isBlank()) {
            problems.add(new InvalidParam("number", "cần số quyết định"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDecision(decision.number(), problems);
        }
        return found;
    }


    /** A decision that cannot be applied as it stands. */
    static final class InvalidDecision extends vn.motcua.platform.DomainProblem {
        InvalidDecision(String number, List<InvalidParam> problems) {
            super("catalog.invalid-decision", org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
                    "Quyết định " + number + " có " + problems.size() + " mục không hợp lệ; chưa áp dụng.", problems);
        }
    }
}
