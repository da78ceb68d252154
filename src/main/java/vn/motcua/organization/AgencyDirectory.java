package vn.motcua.organization;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The front door to the province's agencies and their units. */
@Service
@Transactional(readOnly = true)
public class AgencyDirectory {

    private final Agencies agencies;
    private final Units units;
    private final Province province;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AgencyDirectory(Agencies agencies, Units units, Province province, ApplicationEventPublisher events, Clock clock) {
        this.agencies = agencies;
        this.units = units;
        this.province = province;
        this.events = events;
        this.clock = clock;
    }

    /** Every agency, current and closed, in the order of their electronic IDs (parents before children). */
    public List<AgencyView> all() {
        return agencies.findAll().stream().map(Agency::view)
                .sorted(Comparator.comparing(AgencyView::electronicId, ElectronicId.ORDER))
                .toList();
    }

    public AgencyView get(UUID id) {
        return agencies.findById(id).map(Agency::view).orElseThrow(() -> OrganizationProblem.agencyNotFound(id));
    }

    public Optional<AgencyView> findByElectronicId(String electronicId) {
        return agencies.findByElectronicId(electronicId.strip().toUpperCase(java.util.Locale.ROOT)).map(Agency::view);
    }

    /** The agency that held {@code electronicId} on {@code day}, following re-issued IDs. */
    public Optional<AgencyView> heldOn(String electronicId, LocalDate day) {
        String wanted = electronicId.strip().toUpperCase(java.util.Locale.ROOT);
        return all().stream()
                .filter(a -> a.history().stream().anyMatch(p -> p.electronicId().equals(wanted) && p.covers(day)))
                .findFirst();
    }

    public long countActive() {
        LocalDate today = LocalDate.now(clock);
        return agencies.findAll().stream().filter(a -> a.activeOn(today)).count();
    }

    @Transactional
    public AgencyView create(AgencyDraft draft) {
        var id = checkedId(draft);
        if (agencies.findByElectronicId(id.value()).isPresent()) {
            throw OrganizationProblem.electronicIdTaken(id.value());
        }
        checkParent(null, draft.parentId());
        checkDates(draft.validFrom(), draft.validTo());
        var agency = agencies.save(Agency.create(id, draft.name().strip(), draft.type(), draft.parentId(), draft.validFrom(), draft.validTo()));
        events.publishEvent(new OrganizationChanged("AGENCY_CREATED", "agency:" + id, "Thêm cơ quan " + draft.name().strip()));
        return agency.view();
    }

    /** Revises an agency; {@code expectedVersion} is the version the editor saw (optimistic locking). */
    @Transactional
    public AgencyView update(UUID agencyId, AgencyDraft draft, int expectedVersion) {
        var agency = agencies.findById(agencyId).orElseThrow(() -> OrganizationProblem.agencyNotFound(agencyId));
        if (agency.view().version() != expectedVersion) {
            throw new org.springframework.dao.OptimisticLockingFailureException("agency " + agencyId + " changed");
        }
        var id = checkedId(draft);
        agencies.findByElectronicId(id.value()).filter(other -> !other.id().equals(agencyId))
                .ifPresent(other -> { throw OrganizationProblem.electronicIdTaken(id.value()); });
        checkParent(agencyId, draft.parentId());
        checkDates(draft.validFrom(), draft.validTo());
        String before = agency.electronicId();
        agency.revise(id, draft.name().strip(), draft.type(), draft.parentId(), draft.validFrom(), draft.validTo(), LocalDate.now(clock));
        var saved = agencies.save(agency);
        String summary = before.equals(id.value()) ? "Sửa thông tin cơ quan " + draft.name().strip()
                : "Cấp lại mã định danh " + before + " → " + id + " cho " + draft.name().strip();
        events.publishEvent(new OrganizationChanged("AGENCY_UPDATED", "agency:" + id, summary));
        return saved.view();
    }

    /** Closes an agency from {@code lastDay} on; it stays in history with its staff and dossiers. */
    @Transactional
    public AgencyView deactivate(UUID agencyId, LocalDate lastDay) {
        var agency = agencies.findById(agencyId).orElseThrow(() -> OrganizationProblem.agencyNotFound(agencyId));
        agency.close(lastDay);
        var saved = agencies.save(agency);
        events.publishEvent(new OrganizationChanged("AGENCY_DEACTIVATED", "agency:" + agency.electronicId(),
                "Ngừng hoạt động cơ quan từ sau ngày " + lastDay));
        return saved.view();
    }

    /** Imports agencies from CSV, all or nothing: one bad row and nothing is applied. */
    @Transactional
    public ImportReport importCsv(Reader csv) throws IOException {
        AgencyCsvImport.Parsed parsed;
        try {
            parsed = AgencyCsvImport.parse(csv, province, this::findByElectronicId);
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException | IOException unreadable) {
            return new ImportReport(0, 0, 0, List.of(new ImportReport.RejectedRow(1, "",
                    "Không đọc được tệp CSV (" + unreadable.getMessage() + "). Lưu lại từ Excel bằng \"CSV UTF-8\" rồi nhập lại.")));
        }
        if (!parsed.rejected().isEmpty()) {
            return new ImportReport(0, 0, 0, parsed.rejected());
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (var row : parsed.rowsParentsFirst()) {
            @Nullable UUID parentId = row.parentElectronicId() == null ? null
                    : agencies.findByElectronicId(row.parentElectronicId()).map(Agency::id).orElseThrow();
            var draft = new AgencyDraft(row.electronicId().value(), row.name(), row.type(), parentId, row.validFrom(), row.validTo());
            var existing = agencies.findByElectronicId(row.electronicId().value());
            if (existing.isEmpty()) {
                create(draft);
                created++;
            } else if (row.sameAs(existing.get().view(), parentId)) {
                unchanged++;
            } else {
                update(existing.get().id(), draft, existing.get().view().version());
                updated++;
            }
        }
        return new ImportReport(created, updated, unchanged, List.of());
    }

    public List<UnitView> units(UUID agencyId) {
        return units.findByAgencyIdOrderByName(agencyId).stream().map(Unit::view).toList();
    }

    public UnitView unit(UUID unitId) {
        return units.findById(unitId).map(Unit::view).orElseThrow(() -> OrganizationProblem.unitNotFound(unitId));
    }

    @Transactional
    public UnitView createUnit(UUID agencyId, String name) {
        var agency = get(agencyId);
        if (name.isBlank()) {
            throw OrganizationProblem.invalid("name", "Cần nhập tên đơn vị.");
        }
        var unit = units.save(Unit.create(agencyId, name.strip()));
        events.publishEvent(new OrganizationChanged("UNIT_CREATED", "agency:" + agency.electronicId(), "Thêm đơn vị " + name.strip()));
        return unit.view();
    }

    @Transactional
    public UnitView renameUnit(UUID unitId, String name) {
        var unit = units.findById(unitId).orElseThrow(() -> OrganizationProblem.unitNotFound(unitId));
        if (name.isBlank()) {
            throw OrganizationProblem.invalid("name", "Cần nhập tên đơn vị.");
        }
        unit.rename(name.strip());
        events.publishEvent(new OrganizationChanged("UNIT_RENAMED", "unit:" + unitId, "Đổi tên đơn vị thành " + name.strip()));
        return units.save(unit).view();
    }

    @Transactional
    public UnitView deactivateUnit(UUID unitId) {
        var unit = units.findById(unitId).orElseThrow(() -> OrganizationProblem.unitNotFound(unitId));
        unit.deactivate();
        events.publishEvent(new OrganizationChanged("UNIT_DEACTIVATED", "unit:" + unitId, "Ngừng hoạt động đơn vị " + unit.view().name()));
        return units.save(unit).view();
    }

    /** Each agency id mapped to the ids of all agencies under it, itself included. */
    Map<UUID, List<UUID>> subtrees() {
        var all = agencies.findAll();
        var children = all.stream().filter(a -> a.parentId() != null)
                .collect(Collectors.groupingBy(Agency::parentId, Collectors.mapping(Agency::id, Collectors.toList())));
        return all.stream().collect(Collectors.toMap(Agency::id, a -> descendants(a.id(), children)));
    }

    private static List<UUID> descendants(UUID root, Map<UUID, List<UUID>> children) {
        var out = new java.util.ArrayList<UUID>();
        var stack = new java.util.ArrayDeque<UUID>(List.of(root));
        while (!stack.isEmpty()) {
            UUID next = stack.pop();
            if (!out.contains(next)) {
                out.add(next);
                stack.addAll(children.getOrDefault(next, List.of()));
            }
        }
        return out;
    }

    private ElectronicId checkedId(AgencyDraft draft) {
        var id = new ElectronicId(draft.electronicId());
        AgencyCsvImport.checkBelongsToProvince(id, draft.type(), province)
                .ifPresent(reason -> { throw OrganizationProblem.invalid("electronicId", reason); });
        return id;
    }

    private void checkParent(@Nullable UUID self, @Nullable UUID parentId) {
        if (parentId == null) {
            return;
        }
        Map<UUID, Agency> byId = agencies.findAll().stream().collect(Collectors.toMap(Agency::id, Function.identity()));
        if (!byId.containsKey(parentId)) {
            throw OrganizationProblem.invalid("parentId", "Cơ quan cấp trên không tồn tại.");
        }
        for (UUID p = parentId; p != null; p = byId.get(p).parentId()) {
            if (p.equals(self)) {
                throw OrganizationProblem.invalid("parentId", "Cơ quan cấp trên không thể là chính nó hoặc cơ quan cấp dưới của nó.");
            }
        }
    }

    private static void checkDates(LocalDate from, @Nullable LocalDate to) {
        if (to != null && to.isBefore(from)) {
            throw OrganizationProblem.invalid("validTo", "Ngày hết hiệu lực phải sau ngày có hiệu lực.");
        }
    }
}
