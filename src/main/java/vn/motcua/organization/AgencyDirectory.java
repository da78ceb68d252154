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
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The front door to the province's agencies and their units. Reads come from the in-memory snapshot
 * ({@link OrganizationMemory}); inside a read-write transaction they come from the tables, so a writer sees
 * what it has just written.
 */
@Service
public class AgencyDirectory {

    private final Agencies agencies;
    private final Units units;
    private final OrganizationStore store;
    private final OrganizationMemory memory;
    private final Province province;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AgencyDirectory(Agencies agencies, Units units, OrganizationStore store, OrganizationMemory memory, Province province,
                    ApplicationEventPublisher events, Clock clock) {
        this.agencies = agencies;
        this.units = units;
        this.store = store;
        this.memory = memory;
        this.province = province;
        this.events = events;
        this.clock = clock;
    }

    /** Every agency, current and closed, in the order of their electronic IDs (parents before children). */
    public List<AgencyView> all() {
        var snapshot = memory.snapshotOutsideWrites();
        if (snapshot != null) {
            return snapshot.agencies();
        }
        return store.agencies().stream().sorted(Comparator.comparing(AgencyView::electronicId, ElectronicId.ORDER)).toList();
    }

    public AgencyView get(UUID id) {
        var snapshot = memory.snapshotOutsideWrites();
        var found = snapshot != null ? snapshot.agency(id) : Optional.ofNullable(store.agency(id));
        return found.orElseThrow(() -> OrganizationProblem.agencyNotFound(id));
    }

    public Optional<AgencyView> findByElectronicId(String electronicId) {
        String wanted = electronicId.strip().toUpperCase(java.util.Locale.ROOT);
        var snapshot = memory.snapshotOutsideWrites();
        return snapshot != null ? snapshot.agencyByElectronicId(wanted) : Optional.ofNullable(store.agencyByElectronicId(wanted));
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
        return all().stream().filter(a -> a.activeOn(today)).count();
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
        store.addFirstElectronicId(agency.id(), id.value(), draft.validFrom());
        events.publishEvent(new OrganizationChanged("AGENCY_CREATED", "agency:" + id, "Thêm cơ quan " + draft.name().strip()));
        return Objects.requireNonNull(store.agency(agency.id()));
    }

    /** Revises an agency; {@code expectedVersion} is the version the editor saw (optimistic locking). */
    @Transactional
    public AgencyView update(UUID agencyId, AgencyDraft draft, int expectedVersion) {
        var agency = agencies.findById(agencyId).orElseThrow(() -> OrganizationProblem.agencyNotFound(agencyId));
        if (agency.version() != expectedVersion) {
            throw new org.springframework.dao.OptimisticLockingFailureException("agency " + agencyId + " changed");
        }
        var id = checkedId(draft);
        agencies.findByElectronicId(id.value()).filter(other -> !other.id().equals(agencyId))
                .ifPresent(other -> { throw OrganizationProblem.electronicIdTaken(id.value()); });
        checkParent(agencyId, draft.parentId());
        checkDates(draft.validFrom(), draft.validTo());
        String before = agency.electronicId();
        boolean reissued = agency.revise(id, draft.name().strip(), draft.type(), draft.parentId(), draft.validFrom(), draft.validTo());
        agencies.save(agency);
        if (reissued) {
            store.reissueElectronicId(agencyId, id.value(), LocalDate.now(clock));
        }
        String summary = before.equals(id.value()) ? "Sửa thông tin cơ quan " + draft.name().strip()
                : "Cấp lại mã định danh " + before + " → " + id + " cho " + draft.name().strip();
        events.publishEvent(new OrganizationChanged("AGENCY_UPDATED", "agency:" + id, summary));
        return Objects.requireNonNull(store.agency(agencyId));
    }

    /** Closes an agency from {@code lastDay} on; it stays in history with its staff and dossiers. */
    @Transactional
    public AgencyView deactivate(UUID agencyId, LocalDate lastDay) {
        var agency = agencies.findById(agencyId).orElseThrow(() -> OrganizationProblem.agencyNotFound(agencyId));
        agency.close(lastDay);
        agencies.save(agency);
        events.publishEvent(new OrganizationChanged("AGENCY_DEACTIVATED", "agency:" + agency.electronicId(),
                "Ngừng hoạt động cơ quan từ sau ngày " + lastDay));
        return Objects.requireNonNull(store.agency(agencyId));
    }

    /** Imports agencies from CSV, all or nothing: one bad row and nothing is applied. */
    @Transactional
    public ImportReport importCsv(Reader csv) throws IOException {
        AgencyCsvImport.Parsed parsed;
        try {
            parsed = AgencyCsvImport.parse(csv, province, eid -> Optional.ofNullable(store.agencyByElectronicId(eid)));
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
            var existing = store.agencyByElectronicId(row.electronicId().value());
            if (existing == null) {
                create(draft);
                created++;
            } else if (row.sameAs(existing, parentId)) {
                unchanged++;
            } else {
                update(existing.id(), draft, existing.version());
                updated++;
            }
        }
        return new ImportReport(created, updated, unchanged, List.of());
    }

    /**
     * Where a scope reaches, in words, as the home page and a refusal name it: each agency reached whole, "Sở Tư pháp
     * (H36.10)", and each unit reached alone with its agency, "Phòng Hành chính tư pháp, Sở Tư pháp (H36.10)".
     */
    public List<String> places(AccessScope scope) {
        if (scope.wholeProvince()) {
            return List.of("toàn tỉnh " + province.name());
        }
        var out = new java.util.ArrayList<String>();
        for (var agency : all()) {
            if (scope.agencies().contains(agency.id())) {
                out.add(agency.name() + " (" + agency.electronicId() + ")");
            } else if (scope.units().containsKey(agency.id())) {
                scope.units().get(agency.id()).stream().map(this::unit).map(UnitView::name).sorted()
                        .forEach(unit -> out.add(unit + ", " + agency.name() + " (" + agency.electronicId() + ")"));
            }
        }
        return out;
    }

    /** The agency's units by name. */
    public List<UnitView> units(UUID agencyId) {
        var snapshot = memory.snapshotOutsideWrites();
        return snapshot != null ? snapshot.units(agencyId) : store.units("agency_id = :agency", Map.of("agency", agencyId));
    }

    public UnitView unit(UUID unitId) {
        var snapshot = memory.snapshotOutsideWrites();
        var found = snapshot != null ? snapshot.unit(unitId) : store.units("id = :id", Map.of("id", unitId)).stream().findFirst();
        return found.orElseThrow(() -> OrganizationProblem.unitNotFound(unitId));
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
