package vn.motcua.oversight;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.ProcedureCatalog;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.organization.AccessScope;
import vn.motcua.organization.AgencyDirectory;
import vn.motcua.organization.AgencyView;
import vn.motcua.organization.StaffDirectory;
import vn.motcua.platform.CurrentUser;
import vn.motcua.platform.TimeConfiguration;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The front door of oversight: handling figures for an agency tree and a period, and the 766 index. A caller sees the
 * agencies of its own scope; the whole province only with a province-wide scope.
 */
@Service
public class Oversight {

    public enum GroupBy { NONE, AGENCY, PROCEDURE, CHANNEL, FIELD }

    private final FactStore facts;
    private final AgencyDirectory agencies;
    private final StaffDirectory staff;
    private final ProcedureCatalog catalog;
    private final IndexDefinitions definitions = IndexDefinitions.shipped();
    private final java.time.Clock clock;
    private final ProvinceTargets targets;
    private final DeskFigures desk;
    private final ProcedureIndex procedureIndex;
    private final PublicationTimeliness publication;

    Oversight(FactStore facts, AgencyDirectory agencies, StaffDirectory staff, ProcedureCatalog catalog,
              java.time.Clock clock, ProvinceTargets targets, DeskFigures desk, ProcedureIndex procedureIndex,
              PublicationTimeliness publication) {
        this.publication = publication;
        this.procedureIndex = procedureIndex;
        this.clock = clock;
        this.targets = targets;
        this.desk = desk;
        this.facts = facts;
        this.agencies = agencies;
        this.staff = staff;
        this.catalog = catalog;
    }

    /** Figures for dossiers handled by {@code agency} and the agencies under it (null: the province), {@code from}..{@code to} inclusive. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ) // its statements count one moment
    public List<HandlingFigures> handling(@Nullable String agency, LocalDate from, LocalDate to, GroupBy groupBy) {
        if (to.isBefore(from)) {
            throw new OversightProblem(HttpStatus.BAD_REQUEST, "oversight.period-invalid", "Ngày kết thúc kỳ phải sau hoặc bằng ngày bắt đầu");
        }
        var tree = tree(agency);
        Instant start = from.atStartOfDay(TimeConfiguration.VIETNAM).toInstant();
        Instant end = until(to.plusDays(1));
        if (groupBy == GroupBy.CHANNEL) {
            return named(facts.figures(tree, start, end, FactStore.Key.CHANNEL), Oversight::channel);
        }
        return handling(facts.cube(tree, start, end), to, groupBy);
    }

    /** The figures of a period's cube grouped as asked (any grouping but the channel, which the cube does not keep). */
    private List<HandlingFigures> handling(FactStore.Cube cube, LocalDate to, GroupBy groupBy) {
        return switch (groupBy) {
            case NONE -> named(cube.by(FactStore.Key.ALL), k -> "Tổng số");
            case CHANNEL -> throw new IllegalArgumentException("the cube is not kept by channel");
            case AGENCY -> {
                Map<String, String> names = agencies.all().stream().collect(Collectors.toMap(a -> a.id().toString(), AgencyView::name, (a, b) -> a));
                yield named(cube.by(FactStore.Key.AGENCY), k -> names.getOrDefault(k, k));
            }
            case PROCEDURE -> {
                var procedures = procedures(to);
                yield named(cube.by(FactStore.Key.PROCEDURE), k -> procedures.containsKey(k) ? procedures.get(k).record().name() : k);
            }
            case FIELD -> {
                var procedures = procedures(to);
                var byField = new LinkedHashMap<String, List<FactStore.Counts>>();
                for (var c : cube.by(FactStore.Key.PROCEDURE)) {
                    String field = procedures.containsKey(c.key()) ? procedures.get(c.key()).record().field() : "Không rõ lĩnh vực";
                    byField.computeIfAbsent(field, f -> new ArrayList<>()).add(c);
                }
                var rows = new ArrayList<HandlingFigures>();
                byField.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(e -> rows.add(figures(e.getKey(), e.getKey(), sum(e.getValue()))));
                yield rows;
            }
        };
    }

    /**
     * The agency a page opens on when none is asked for: null (the province) for a province-wide scope, else the
     * caller's topmost agency (one whose parent is outside the scope), the first by name.
     */
    public @Nullable String defaultAgency() {
        AccessScope scope = staff.scopeOf(CurrentUser.name());
        if (scope.wholeProvince()) {
            return null;
        }
        return agencies.all().stream().filter(a -> scope.agencies().contains(a.id()))
                .filter(a -> a.parentId() == null || !scope.agencies().contains(a.parentId()))
                .sorted(java.util.Comparator.comparing(AgencyView::name)).map(AgencyView::electronicId).findFirst().orElse("");
    }

    /** The periodic handling report of {@code agency}'s tree (null: the province) for a month, quarter or year. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public HandlingReport report(@Nullable String agency, ReportingPeriod period) {
        LocalDate to = period.lastDay();
        var cube = facts.cube(tree(agency), period.from().atStartOfDay(TimeConfiguration.VIETNAM).toInstant(), until(period.until()));
        var byField = handling(cube, to, GroupBy.FIELD);
        var byAgency = handling(cube, to, GroupBy.AGENCY);
        var all = handling(cube, to, GroupBy.NONE);
        var total = all.isEmpty() ? figures("ALL", "Tổng số", sum(List.of())) : all.getFirst();
        String scope = agency == null || agency.isBlank() ? "Toàn tỉnh" : root(agency, agencies.all()).name();
        return new HandlingReport(scope, period.text(), label(period), byField, byAgency, total);
    }

    /** The leader's dashboard of {@code agency}'s tree (null: the province, with a province-wide scope) for a period. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Dashboard dashboard(@Nullable String agency, ReportingPeriod period) {
        var tree = tree(agency);
        var all = agencies.all();
        Map<String, AgencyView> byId = all.stream().collect(Collectors.toMap(a -> a.id().toString(), a -> a, (a, b) -> a));
        Instant start = period.from().atStartOfDay(TimeConfiguration.VIETNAM).toInstant();
        Instant end = until(period.until());
        var cube = facts.cube(tree, start, end); // counted once, added up per grouping
        var total = figures("ALL", "Tổng số", sum(cube.by(FactStore.Key.ALL)));
        // the trend: the twelve months up to the period's last
        var trend = new ArrayList<Dashboard.Point>();
        var last = java.time.YearMonth.from(period.lastDay());
        var windows = new ArrayList<Instant[]>();
        for (int i = 11; i >= 0; i--) {
            var month = last.minusMonths(i);
            windows.add(new Instant[]{month.atDay(1).atStartOfDay(TimeConfiguration.VIETNAM).toInstant(), until(month.plusMonths(1).atDay(1))});
        }
        var counted = facts.trend(tree, windows); // one query for the twelve months
        for (int i = 0; i < 12; i++) {
            var month = last.minusMonths(11 - i);
            long[] c = counted.getOrDefault(windows.get(i)[0], new long[]{0, 0});
            trend.add(new Dashboard.Point(month.toString(), c[0], HandlingFigures.rate(c[1], c[0])));
        }
        var agencyRows = cube.by(FactStore.Key.AGENCY).stream()
                .map(c -> {
                    var a = byId.get(c.key());
                    return row(a == null ? c.key() : a.electronicId(), a == null ? c.key() : a.name(), figures(c.key(), "", c));
                })
                .sorted(java.util.Comparator.comparingLong(Disclosure.Row::received).reversed()).toList();
        var procedures = procedures(period.lastDay());
        var late = cube.by(FactStore.Key.PROCEDURE).stream()
                .map(c -> figures(c.key(), procedures.containsKey(c.key()) ? procedures.get(c.key()).record().name() : c.key(), c))
                .filter(f -> f.resolvedLate() + f.inProgressOverdue() > 0)
                .sorted(java.util.Comparator.comparingLong((HandlingFigures f) -> f.resolvedLate() + f.inProgressOverdue()).reversed())
                .limit(10).toList();
        // field × agency: procedures grouped into their fields
        var cells = new java.util.TreeMap<String, Map<String, List<FactStore.Counts>>>();
        var columns = new java.util.TreeSet<String>();
        for (var c : cube.by(FactStore.Key.PROCEDURE_AND_AGENCY)) {
            String[] key = c.key().split("\\|", 2);
            String field = procedures.containsKey(key[0]) ? procedures.get(key[0]).record().field() : "Không rõ lĩnh vực";
            var a = byId.get(key[1]);
            String column = a == null ? key[1] : a.electronicId() + " " + a.name();
            columns.add(column);
            cells.computeIfAbsent(field, f -> new HashMap<>()).computeIfAbsent(column, x -> new ArrayList<>()).add(c);
        }
        var columnList = List.copyOf(columns);
        var grid = cells.values().stream().map(row -> columnList.stream().map(col -> {
            var s = sum(row.getOrDefault(col, List.of()));
            return new Dashboard.Cell(s.received(), HandlingFigures.rate(s.onTime(), s.received()));
        }).toList()).toList();
        var units = facts.lateUnits(tree, start, end, 10).stream().map(u -> {
            var a = byId.get(u.agencyId().toString());
            return new Dashboard.LateUnit(a == null ? u.agencyId().toString() : a.name(), u.unit() == null ? "(cơ quan)" : u.unit(),
                    u.lateHandOvers(), Math.round(u.lateMinutes() / 60.0));
        }).toList();
        String scope = agency == null || agency.isBlank() ? "Toàn tỉnh" : root(agency, all).name();
        return new Dashboard(scope, period.text(), label(period), total, trend, agencyRows, late,
                new Dashboard.HeatMap(List.copyOf(cells.keySet()), columnList, grid), units);
    }

    /** The 766 index of {@code agency}'s tree (null: the province) for a month, quarter or year. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public IndexReport index766(@Nullable String agency, ReportingPeriod period) {
        var tree = tree(agency);
        Instant start = period.from().atStartOfDay(TimeConfiguration.VIETNAM).toInstant();
        Instant end = until(period.until());
        var cube = facts.cube(tree, start, end); // counted once, added up per grouping
        var measures = new HashMap<String, Measure>();
        var all = cube.by(FactStore.Key.ALL);
        var total = all.isEmpty() ? null : all.getFirst();
        measures.put("2.1", total == null ? new Measure.Counted(0, 0) : new Measure.Counted(total.onTime(), total.received()));
        var quality = facts.quality(tree, start, end, cube);
        // 2.2: minutes taken (receipt to the end, less the supplement interval) over minutes the law gave (receipt to the appointment)
        measures.put("2.2", new Measure.Counted(Math.max(0, quality.takenMinutes()), quality.timed() == 0 ? 0 : Math.max(1, quality.legalMinutes())));
        // 5.4: 100 % − (late % + dissatisfied %) over the same dossiers as 2.1, never below 0
        measures.put("5.4", new Measure.Counted(Math.max(0, quality.counted() - quality.late() - quality.dissatisfied()), quality.counted()));
        var procedures = procedures(period.lastDay());
        long eligible = 0;
        long online = 0;
        long allNew = 0;
        long allOnline = 0;
        for (var c : cube.by(FactStore.Key.PROCEDURE)) {
            long fresh = c.newDirect() + c.newOnline() + c.newPostal();
            allNew += fresh;
            allOnline += c.newOnline();
            var version = procedures.get(c.key());
            if (version != null && version.record().onlineLevel() == OnlineLevel.FULL) {
                eligible += fresh;
                online += c.newOnline();
            }
        }
        measures.put("3.x", new Measure.Counted(online, eligible));
        measures.put("3.3", new Measure.Counted(allOnline, allNew));
        long inForce = procedures.size();
        long offered = procedures.values().stream().filter(v -> v.record().onlineLevel() != OnlineLevel.NONE).count();
        long full = procedures.values().stream().filter(v -> v.record().onlineLevel() == OnlineLevel.FULL).count();
        measures.put("3.1", new Measure.Counted(offered, inForce));
        // group 1: whether a decision came in time needs the date the legal basis takes effect (1.1: judged where the
        // catalog has it), and the day the record went public on the national database (1.2), which only the exchange
        // with the national portal knows
        var published = publication.count(procedures.values(), period.from(), period.lastDay());
        measures.put("1.1", published.withEffectiveDates() == 0
                ? new Measure.Unavailable("Căn cứ pháp lý của TTHC trong danh mục chưa ghi ngày có hiệu lực (0/" + published.procedures()
                        + " TTHC có), nên chưa so được với ngày quyết định công bố")
                : new Measure.Counted(published.onTime(), published.judged()));
        measures.put("1.2", new Measure.Unavailable("Chưa có ngày công khai trên Cơ sở dữ liệu quốc gia về TTHC: hệ thống chưa kết nối "
                + "trao đổi dữ liệu với Cổng Dịch vụ công quốc gia"));
        measures.put("3.2", new Measure.Unavailable("Danh mục chỉ ghi mức độ đang cung cấp, chưa ghi TTHC đủ điều kiện toàn trình (" + full
                + " TTHC đang cung cấp toàn trình)"));
        // 1.3 as the catalog's completeness page counts it (the procedures in force today with every mandatory
        // component), from the procedures oversight keeps for a minute rather than the whole catalog read again
        var inForceToday = procedureIndex.on(LocalDate.now(clock.withZone(TimeConfiguration.VIETNAM))).values();
        measures.put("1.3", new Measure.Counted(inForceToday.stream().filter(v -> v.record().missingComponents().isEmpty()).count(),
                inForceToday.size()));
        String scope = agency == null ? "Toàn tỉnh" : agency;
        var rules = rulesOn(period.lastDay());
        return IndexScoring.score(scope, period, rules, measures, targets.of(period.lastDay().getYear()).targets());
    }

    /**
     * The public disclosure of a period: per handling agency of {@code agency}'s tree (null: the province), largest
     * first. Public figures, so no scope applies; an unknown agency is a 404 problem.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Disclosure disclosure(@Nullable String agency, ReportingPeriod period) {
        var all = agencies.all();
        @Nullable Set<UUID> tree = agency == null || agency.isBlank() ? null : subtree(root(agency, all), all);
        Instant start = period.from().atStartOfDay(TimeConfiguration.VIETNAM).toInstant();
        Instant end = until(period.until());
        var cube = facts.cube(tree, start, end); // counted once, added up per grouping
        Map<String, AgencyView> byId = all.stream().collect(Collectors.toMap(a -> a.id().toString(), a -> a, (a, b) -> a));
        var rows = cube.by(FactStore.Key.AGENCY).stream()
                .map(c -> {
                    var a = byId.get(c.key());
                    return row(a == null ? c.key() : a.electronicId(), a == null ? c.key() : a.name(), figures(c.key(), "", c));
                })
                .sorted(java.util.Comparator.comparingLong(Disclosure.Row::received).reversed().thenComparing(Disclosure.Row::agencyName))
                .toList();
        var total = row("", "Tổng số", figures("", "", sum(cube.by(FactStore.Key.ALL))));
        return new Disclosure(period.text(), label(period), rows, total);
    }

    /**
     * The dossiers behind one figure of {@code agency}'s tree (null: the province) from {@code from} to {@code to}
     * inclusive, as the figures count them, newest receipt first, {@code size} a page ({@code page} from 1).
     *
     * @param measure a figure of {@link HandlingFigures} ({@code resolvedLate}, {@code inProgressOverdue}, …), {@code late},
     *                {@code new}, {@code dissatisfied}, {@code timed} (2.2), or {@code fullOnlineNew}/{@code fullOnlineOnline} (3.x)
     */
    @Transactional(readOnly = true)
    public DossierList dossiers(@Nullable String agency, boolean exact, LocalDate from, LocalDate to, String measure, @Nullable String procedure,
                                @Nullable String field, int page, int size) {
        if (to.isBefore(from)) {
            throw new OversightProblem(HttpStatus.BAD_REQUEST, "oversight.period-invalid", "Ngày kết thúc kỳ phải sau hoặc bằng ngày bắt đầu");
        }
        var figure = DrillDown.figure(measure);
        if (page < 1 || size < 1 || size > 200) {
            throw new OversightProblem(HttpStatus.BAD_REQUEST, "oversight.page-invalid", "Trang phải từ 1, mỗi trang từ 1 đến 200 hồ sơ");
        }
        var tree = tree(agency);
        var all = agencies.all();
        if (exact && agency != null && !agency.isBlank()) {
            tree = Set.of(root(agency, all).id()); // the agency's own dossiers, as a row of the figures by agency counts them
        }
        Instant start = from.atStartOfDay(TimeConfiguration.VIETNAM).toInstant();
        Instant end = until(to.plusDays(1));
        var procedures = procedures(to);
        java.util.Collection<String> codes = null;
        if (field != null && !field.isBlank()) {
            // as the figures by field group them: the field of the version in force on the last day, "Không rõ lĩnh vực" for none
            String wanted = field.strip();
            var inField = procedures.values().stream().filter(v -> wanted.equals(v.record().field())).map(ProcedureVersion::code).toList();
            codes = wanted.equals("Không rõ lĩnh vực") ? null : inField;
            if (codes == null) {
                throw new OversightProblem(HttpStatus.BAD_REQUEST, "oversight.field-unknown", "Không liệt kê được hồ sơ không rõ lĩnh vực theo lĩnh vực");
            }
        }
        if (DrillDown.fullOnlineOnly(measure)) {
            var full = procedures.values().stream().filter(v -> v.record().onlineLevel() == OnlineLevel.FULL).map(ProcedureVersion::code).toList();
            codes = codes == null ? full : codes.stream().filter(full::contains).toList();
        }
        if (procedure != null && !procedure.isBlank()) {
            String only = procedure.strip();
            codes = codes == null || codes.contains(only) ? List.of(only) : List.of();
        }
        var found = facts.list(tree, start, end, figure, codes, size, (page - 1) * size);
        Map<String, AgencyView> byId = all.stream().collect(Collectors.toMap(a -> a.id().toString(), a -> a, (a, b) -> a));
        var rows = found.rows().stream().map(r -> {
            var a = byId.get(r.agencyId().toString());
            var v = procedures.get(r.procedureCode());
            return new DossierList.Row(r.code(), r.procedureCode(), v == null ? r.procedureCode() : v.record().name(),
                    a == null ? r.agencyId().toString() : a.name(), channel(r.channel()), r.receivedAt(), r.originalDueAt(), r.dueAt(),
                    r.endedAt(), DrillDown.state(r.state(), r.endKind()), r.late());
        }).toList();
        String scope = agency == null || agency.isBlank() ? "Toàn tỉnh" : root(agency, all).name();
        return new DossierList(scope, from, to, DrillDown.canonical(measure), DrillDown.label(measure), procedure, field, found.total(), page,
                size, rows);
    }

    /** The centre manager's view of {@code agency}'s desks (null: the province) on {@code day}, queues as of now. */
    @Transactional(readOnly = true)
    public CentreView centre(@Nullable String agency, LocalDate day) {
        var tree = tree(agency);
        var all = agencies.all();
        Instant start = day.atStartOfDay(TimeConfiguration.VIETNAM).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(TimeConfiguration.VIETNAM).toInstant();
        String scope = agency == null || agency.isBlank() ? "Toàn tỉnh" : root(agency, all).name();
        return desk.view(scope, tree, day, start, end, clock.instant());
    }

    private static Disclosure.Row row(String agency, String name, HandlingFigures f) {
        return new Disclosure.Row(agency, name, f.received(), f.resolved(), f.resolvedEarly() + f.resolvedOnTime(), f.resolvedLate(),
                f.inProgress(), f.inProgressOverdue(), f.apologies(), f.onTimeRate());
    }

    private static String label(ReportingPeriod p) {
        return switch (p.kind()) {
            case MONTH -> "Tháng " + p.from().getMonthValue() + "/" + p.from().getYear();
            case QUARTER -> "Quý " + ((p.from().getMonthValue() + 2) / 3) + "/" + p.from().getYear();
            case YEAR -> "Năm " + p.from().getYear();
        };
    }

    private static AgencyView root(String agency, List<AgencyView> all) {
        return all.stream().filter(a -> a.electronicId().equals(agency.strip()) || a.id().toString().equals(agency.strip()))
                .findFirst().orElseThrow(() -> new OversightProblem(HttpStatus.NOT_FOUND, "oversight.agency-unknown",
                        "Không có cơ quan mã \"" + agency + "\""));
    }

    private static Set<UUID> subtree(AgencyView root, List<AgencyView> all) {
        var children = all.stream().filter(a -> a.parentId() != null).collect(Collectors.groupingBy(AgencyView::parentId));
        var tree = new java.util.HashSet<UUID>();
        var stack = new java.util.ArrayDeque<UUID>(List.of(root.id()));
        while (!stack.isEmpty()) {
            UUID id = stack.pop();
            if (tree.add(id)) {
                children.getOrDefault(id, List.of()).forEach(c -> stack.push(c.id()));
            }
        }
        return tree;
    }

    /**
     * The end of a period as the figures see it: the start of the day after it, or now when that is still to come, so
     * that an open dossier of a period not over yet is judged as of now, never as of a day that has not come.
     */
    private Instant until(LocalDate dayAfter) {
        Instant end = dayAfter.atStartOfDay(TimeConfiguration.VIETNAM).toInstant();
        Instant now = clock.instant();
        return end.isAfter(now) ? now : end;
    }

    private IndexDefinitions.Version rulesOn(LocalDate day) {
        try {
            return definitions.on(day);
        } catch (IllegalStateException e) {
            throw new OversightProblem(HttpStatus.BAD_REQUEST, "oversight.index-not-in-force",
                    "Không có bộ chỉ số Quyết định 766 nào áp dụng cho kỳ kết thúc ngày " + day.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        }
    }

    /** The handling agencies counted: the agency and every agency under it, checked against the caller's scope. */
    private @Nullable Set<UUID> tree(@Nullable String agency) {
        AccessScope scope = staff.scopeOf(CurrentUser.name());
        var all = agencies.all();
        if (agency == null || agency.isBlank()) {
            if (!scope.wholeProvince()) {
                throw new OversightProblem(HttpStatus.FORBIDDEN, "oversight.outside-scope",
                        "Số liệu toàn tỉnh chỉ dành cho người được giao theo dõi toàn tỉnh; hãy chọn cơ quan của mình");
            }
            return null;
        }
        AgencyView root = root(agency, all);
        if (!scope.covers(root.id())) {
            throw new OversightProblem(HttpStatus.FORBIDDEN, "oversight.outside-scope", "Cơ quan " + root.name() + " nằm ngoài phạm vi của bạn");
        }
        return subtree(root, all);
    }

    /** Procedures in force on {@code day}, and for codes not in force then (published later, or ended), today's version. */
    private Map<String, ProcedureVersion> procedures(LocalDate day) {
        return procedureIndex.on(day);
    }

    private static List<HandlingFigures> named(List<FactStore.Counts> counts, Function<String, String> label) {
        return counts.stream().map(c -> figures(c.key(), label.apply(c.key()), c)).toList();
    }

    private static HandlingFigures figures(String key, String label, FactStore.Counts c) {
        long resolvedNotLate = c.resolved() - c.resolvedLate();
        return new HandlingFigures(key, label, c.received(), c.carriedOver(), c.newDirect(), c.newOnline(), c.newPostal(), c.resolved(),
                c.resolvedEarly(), resolvedNotLate - c.resolvedEarly(), c.resolvedLate(), c.refused(),
                c.inProgressOnTime() + c.inProgressOverdue(), c.inProgressOnTime(), c.inProgressOverdue(), c.stopped(), c.onTime(),
                c.apologies(), HandlingFigures.rate(c.onTime(), c.received()));
    }

    private static FactStore.Counts sum(List<FactStore.Counts> rows) {
        return rows.stream().reduce(new FactStore.Counts("", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                (a, b) -> new FactStore.Counts("", a.received() + b.received(), a.carriedOver() + b.carriedOver(), a.newDirect() + b.newDirect(),
                        a.newOnline() + b.newOnline(), a.newPostal() + b.newPostal(), a.resolved() + b.resolved(),
                        a.resolvedEarly() + b.resolvedEarly(), a.resolvedLate() + b.resolvedLate(), a.refused() + b.refused(),
                        a.inProgressOnTime() + b.inProgressOnTime(), a.inProgressOverdue() + b.inProgressOverdue(), a.stopped() + b.stopped(),
                        a.onTime() + b.onTime(), a.apologies() + b.apologies()));
    }

    private static String channel(String key) {
        return switch (key) {
            case "DIRECT" -> "Trực tiếp";
            case "ONLINE" -> "Trực tuyến";
            case "POSTAL" -> "Qua bưu chính";
            default -> key;
        };
    }
}
