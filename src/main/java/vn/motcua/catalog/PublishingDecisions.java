package vn.motcua.catalog;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.platform.CurrentUser;
import vn.motcua.platform.DomainProblem.InvalidParam;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publishing decisions: a catalog officer drafts one (on a page or through the API), previews what it will change,
 * then applies it. Applying creates the versions it announces from its effective date and closes the versions it
 * amends, replaces or abolishes the day before; nothing is edited in place, so the catalog can always say which
 * version was in force on any day. Confirming a preview applies exactly what it showed: the preview's digest covers
 * the draft and the versions it closes, and a confirmation whose digest no longer matches is refused.
 */
@Service
public class PublishingDecisions {

    private final CatalogStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JsonMapper json;

    PublishingDecisions(CatalogStore store, ApplicationEventPublisher events, Clock clock, JsonMapper json) {
        this.store = store;
        this.events = events;
        this.clock = clock;
        this.json = json;
    }

    /** Stores a decision without applying it; its items must fit the catalog as it is now. */
    @Transactional
    public Decision draft(String number, LocalDate decidedOn, String issuer, LocalDate effectiveDate, List<Decision.Item> items) {
        var decision = new Decision(UUID.randomUUID(), number.strip(), decidedOn, issuer.strip(), effectiveDate, "MANUAL", false, List.copyOf(items));
        check(decision);
        store.insertDecision(decision, clock.instant());
        drafted(decision);
        return decision;
    }

    /**
     * Starts a draft with its header only, as an officer does on the decisions page before adding items one by one.
     * The number, date and issuer are those of the signed decision, all three required.
     */
    @Transactional
    public Decision start(String number, @Nullable LocalDate decidedOn, String issuer, @Nullable LocalDate effectiveDate) {
        var decision = new Decision(UUID.randomUUID(), number.strip(), decidedOn, issuer.strip(),
                effectiveDate != null ? effectiveDate : LocalDate.now(clock), "MANUAL", false, List.of());
        checkHeader(number, decidedOn, issuer, effectiveDate);
        store.insertDecision(decision, clock.instant());
        drafted(decision);
        return decision;
    }

    /** Changes a draft's number, date, issuer and effective date. */
    @Transactional
    public Decision editHeader(UUID id, String number, @Nullable LocalDate decidedOn, String issuer, @Nullable LocalDate effectiveDate) {
        var d = draftOf(id);
        checkHeader(number, decidedOn, issuer, effectiveDate);
        return rewrite(new Decision(id, number.strip(), decidedOn, issuer.strip(), effectiveDate, d.source(), false, d.items(), null, d.revision()));
    }

    /** Adds an item to a draft, or replaces the draft's item for the same procedure. */
    @Transactional
    public Decision putItem(UUID id, Decision.Item item) {
        var d = draftOf(id);
        var problems = new ArrayList<InvalidParam>();
        if (!ProcedureCode.isBase(item.code())) {
            problems.add(new InvalidParam("code", "mã thủ tục '" + item.code() + "' không đúng dạng d.dddddd (ví dụ 1.001193)"));
        }
        if (item.change() == Decision.Change.REPLACED && (item.replacedBy() == null || !ProcedureCode.isBase(item.replacedBy()))) {
            problems.add(new InvalidParam("replacedBy", "cần mã thủ tục thay thế, dạng d.dddddd"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDecision(d.label(), problems);
        }
        var items = new ArrayList<>(d.items().stream().filter(i -> !i.code().equals(item.code())).toList());
        items.add(item);
        return rewrite(new Decision(id, d.number(), d.decidedOn(), d.issuer(), d.effectiveDate(), d.source(), false, items, null, d.revision()));
    }

    /** Takes a procedure out of a draft. */
    @Transactional
    public Decision removeItem(UUID id, String code) {
        var d = draftOf(id);
        var items = d.items().stream().filter(i -> !i.code().equals(code)).toList();
        return rewrite(new Decision(id, d.number(), d.decidedOn(), d.issuer(), d.effectiveDate(), d.source(), false, items, null, d.revision()));
    }

    private Decision rewrite(Decision d) {
        if (!store.rewriteDraft(d)) {
            throw CatalogProblem.notADraft(d.label());
        }
        return get(d.id());
    }

    private Decision draftOf(UUID id) {
        var d = get(id);
        if (d.applied()) {
            throw CatalogProblem.notADraft(d.label());
        }
        return d;
    }

    private void drafted(Decision decision) {
        events.publishEvent(new DecisionDrafted("DECISION_DRAFTED", "decision:" + decision.label(),
                "Soạn quyết định " + decision.label() + " hiệu lực " + decision.effectiveDate() + ", " + decision.items().size() + " thủ tục"));
    }

    /** A decision drafted (not yet applied), for the audit trail. */
    public record DecisionDrafted(String action, String target, String summary) implements vn.motcua.platform.AuditableEvent {
    }

    /** The newest decisions first, drafts and applied, with their items. */
    public List<Decision> recent(int limit) {
        return store.recentDecisionIds(limit).stream().map(this::get).toList();
    }

    /** One page of decisions: {@code q} a word of the number or issuer, or a procedure code; {@code applied} null for all. */
    public List<Decision> page(@Nullable String q, @Nullable Boolean applied, int limit, int offset) {
        return store.decisionIds(q, applied, limit, offset).stream().map(this::get).toList();
    }

    public long count(@Nullable String q, @Nullable Boolean applied) {
        return store.countDecisions(q, applied);
    }

    public Decision get(UUID id) {
        return store.decision(id).orElseThrow(() -> CatalogProblem.decisionNotFound(id));
    }

    /** The procedure in force now that an item would change (null for a NEW item, or a code not published). */
    public @Nullable ProcedureRecord current(String code) {
        return ProcedureCode.isBase(code) ? store.openVersion(code).map(CatalogStore.OpenVersion::record).orElse(null) : null;
    }

    /**
     * What applying the decision now would do, item by item, what stands in its way, and the digest a confirmation
     * must carry. Changes nothing.
     */
    @Transactional(readOnly = true)
    public DecisionPreview preview(UUID id) {
        var decision = get(id);
        var open = new HashMap<String, CatalogStore.OpenVersion>();
        var problems = decision.applied() ? List.of(new InvalidParam("decision", "quyết định đã được áp dụng"))
                : problems(decision, open);
        var items = new ArrayList<DecisionPreview.ItemPreview>();
        for (var item : decision.items()) {
            var current = open.get(item.code());
            items.add(new DecisionPreview.ItemPreview(item.code(), item.change(),
                    current == null ? null : current.record().name(), item.record() == null ? null : item.record().name(),
                    current == null ? null : current.versionNo(), current == null ? null : current.validFrom(),
                    current == null || item.record() == null ? List.of() : DecisionPreview.changedComponents(current.record(), item.record()),
                    item.replacedBy()));
        }
        return new DecisionPreview(decision, items, problems, digest(decision, open));
    }

    /** Applies a drafted decision, once; every item is checked first and nothing applies if one is wrong. */
    @Transactional
    public Decision apply(UUID id) {
        return apply(id, null);
    }

    /**
     * Applies a drafted decision exactly as previewed: refused, with nothing applied, when the digest of the
     * {@linkplain #preview preview} no longer matches the draft and the catalog (another officer applied it, edited it,
     * or changed a procedure it touches). Applications are serialised, so of two officers confirming at once the second
     * is told the decision is already applied.
     */
    @Transactional
    public Decision apply(UUID id, @Nullable String expectedDigest) {
        store.lockPublishing();
        var lock = store.lockDecision(id).orElseThrow(() -> CatalogProblem.decisionNotFound(id));
        var decision = get(id);
        if (lock.applied()) {
            throw CatalogProblem.alreadyApplied(decision.label(), lock.by(), lock.at());
        }
        var open = check(decision);
        if (expectedDigest != null && !expectedDigest.equals(digest(decision, open))) {
            throw CatalogProblem.previewOutdated(decision.label());
        }
        applyChecked(decision, open);
        return get(id);
    }

    /** Drafts and applies in one go (imports, which hold the publishing lock). */
    @Transactional
    Decision record(Decision decision) {
        var open = check(decision);
        store.insertDecision(decision, clock.instant());
        applyChecked(decision, open);
        return decision;
    }

    /** @param open the versions in force of the decision's procedures, as {@link #check} read them */
    private void applyChecked(Decision decision, Map<String, CatalogStore.OpenVersion> open) {
        LocalDate effective = decision.effectiveDate();
        var counts = new EnumMap<Decision.Change, Integer>(Decision.Change.class);
        for (var item : decision.items()) {
            var current = open.get(item.code());
            if (current != null && !store.close(current.id(), effective.minusDays(1), decision.id())) {
                throw CatalogProblem.previewOutdated(decision.label());
            }
            if (item.change() == Decision.Change.NEW || item.change() == Decision.Change.AMENDED) {
                // a procedure published again after being abolished continues its numbering
                int last = current != null ? current.versionNo() : store.lastVersionNo(item.code());
                store.insertVersion(item.code(), last + 1, decision.id(), effective, item.record());
            }
            counts.merge(item.change(), 1, Integer::sum);
        }
        store.markApplied(decision.id(), clock.instant(), CurrentUser.name());
        events.publishEvent(new CatalogChanged("DECISION_APPLIED", "decision:" + decision.label(),
                "Áp dụng quyết định " + decision.label() + " hiệu lực " + effective + ": " + counts,
                decision.items().stream().map(Decision.Item::code).toList()));
    }

    /** Refuses the decision unless every item fits the catalog; returns the versions in force it will close. */
    private Map<String, CatalogStore.OpenVersion> check(Decision decision) {
        var found = new HashMap<String, CatalogStore.OpenVersion>();
        var problems = problems(decision, found);
        if (!problems.isEmpty()) {
            throw new InvalidDecision(decision.label(), problems);
        }
        return found;
    }

    /** What stands in the way of applying the decision now; fills {@code found} with the versions in force it touches. */
    private List<InvalidParam> problems(Decision decision, Map<String, CatalogStore.OpenVersion> found) {
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
                        problems.add(new InvalidParam(where, "thủ tục " + item.code() + " đã được công bố: dùng AMENDED (sửa đổi, bổ sung)"));
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
        if (decision.number() == null || decision.number().isBlank()) {
            if (!decision.imported()) {
                problems.add(new InvalidParam("number", "cần số quyết định"));
            }
        }
        if (decision.items().isEmpty()) {
            problems.add(new InvalidParam("items", "quyết định chưa có thủ tục nào"));
        }
        return problems;
    }

    private static void checkHeader(String number, @Nullable LocalDate decidedOn, String issuer, @Nullable LocalDate effectiveDate) {
        var problems = new ArrayList<InvalidParam>();
        if (number.isBlank()) {
            problems.add(new InvalidParam("number", "cần số quyết định, ví dụ 1234/QĐ-UBND"));
        }
        if (decidedOn == null) {
            problems.add(new InvalidParam("decidedOn", "cần ngày ký quyết định (dd/MM/yyyy)"));
        }
        if (issuer.isBlank()) {
            problems.add(new InvalidParam("issuer", "cần cơ quan, người ban hành, ví dụ Chủ tịch UBND tỉnh Lâm Đồng"));
        }
        if (effectiveDate == null) {
            problems.add(new InvalidParam("effectiveDate", "cần ngày có hiệu lực (dd/MM/yyyy)"));
        } else if (decidedOn != null && effectiveDate.isBefore(decidedOn)) {
            problems.add(new InvalidParam("effectiveDate", "ngày có hiệu lực không thể trước ngày ký"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDecision(number.isBlank() ? "mới" : number.strip(), problems);
        }
    }

    /** What a confirmation must match: the draft as it stands and the versions in force it would close. */
    private String digest(Decision decision, Map<String, CatalogStore.OpenVersion> open) {
        var text = new StringBuilder().append(decision.id()).append('|').append(decision.revision()).append('|')
                .append(decision.number()).append('|').append(decision.effectiveDate()).append('\n');
        for (var item : decision.items()) {
            var current = open.get(item.code());
            text.append(item.code()).append('|').append(item.change()).append('|').append(item.replacedBy()).append('|')
                    .append(current == null ? "-" : current.id()).append('|')
                    .append(item.record() == null ? "" : json.writeValueAsString(item.record())).append('\n');
        }
        return Digests.sha256(text.toString());
    }

    /** A decision that cannot be applied as it stands. */
    static final class InvalidDecision extends vn.motcua.platform.DomainProblem {
        InvalidDecision(String number, List<InvalidParam> problems) {
            super("catalog.invalid-decision", org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
                    "Quyết định " + number + " có " + problems.size() + " mục không hợp lệ; chưa áp dụng.", problems);
        }
    }
}
