package vn.motcua.catalog;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.organization.AgencyDirectory;
import vn.motcua.organization.AgencyView;
import vn.motcua.organization.OrganizationProblem;
import vn.motcua.organization.Role;
import vn.motcua.platform.AuditableEvent;
import vn.motcua.platform.DomainProblem;
import vn.motcua.platform.DomainProblem.InvalidParam;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Internal processes with step budgets. A process is refused when its steps end after the legal time of the procedure
 * version in force on the day it applies, both counted by the working calendar in the office hours of the agency
 * that follows it (the default hours for a province-wide process), for a dossier received when that day's office
 * opens. A new version for the same procedure and agency closes the previous one the day before; an agency's own
 * process beats the province-wide one. Agencies are named by their stable id, never by their electronic ID.
 */
@Service
public class InternalProcesses {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final CatalogStore catalog;
    private final ApplicationEventPublisher events;
    private final WorkingCalendar calendar;
    private final AgencyDirectory agencies;
    private final Clock clock;

    InternalProcesses(JdbcClient jdbc, JsonMapper json, CatalogStore catalog, ApplicationEventPublisher events,
                      WorkingCalendar calendar, AgencyDirectory agencies, Clock clock) {
        this.calendar = calendar;
        this.agencies = agencies;
        this.jdbc = jdbc;
        this.json = json;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    /** Something an approved process changed, for the audit trail. */
    public record ProcessApproved(String action, String target, String summary) implements AuditableEvent {
    }

    /**
     * A process's steps laid on the working calendar: from {@code start} (the opening of the first working day the
     * process applies) its steps end at {@code stepsEnd}; the law's time ends at {@code legalDue}.
     */
    public record Budget(LocalDateTime start, LocalDateTime stepsEnd, LocalDateTime legalDue) {

        public boolean fits() {
            return !stepsEnd.isAfter(legalDue);
        }
    }

    /**
     * The stable id of an agency given as its id or as the electronic ID it holds now (resolved once, at the time of
     * the request: the process keeps the id, so a re-issued electronic ID does not detach it).
     */
    public UUID agencyIdOf(String agency) {
        try {
            UUID id = UUID.fromString(agency);
            try {
                return agencies.get(id).id();
            } catch (OrganizationProblem notFound) {
                throw CatalogProblem.unknownAgency(agency);
            }
        } catch (IllegalArgumentException notAnId) {
            return agencies.findByElectronicId(agency).map(AgencyView::id).orElseThrow(() -> CatalogProblem.unknownAgency(agency));
        }
    }

    @Transactional
    public InternalProcess approve(String code, @Nullable UUID agencyId, String decisionNumber, LocalDate decisionDate,
                                   LocalDate validFrom, List<ProcessStep> steps) {
        String base = ProcedureCode.parse(code).map(ProcedureCode::base).orElseThrow(() -> CatalogProblem.notFound(code));
        var procedure = catalog.versionOn(base, validFrom).orElseThrow(() -> CatalogProblem.notInForce(base, validFrom));
        if (agencyId != null) {
            agencyIdOf(agencyId.toString());
        }
        var problems = new ArrayList<InvalidParam>();
        if (decisionNumber.isBlank()) {
            problems.add(new InvalidParam("decisionNumber", "cần số quyết định phê duyệt"));
        }
        if (steps.isEmpty()) {
            problems.add(new InvalidParam("steps", "quy trình cần ít nhất một bước"));
        }
        for (int i = 0; i < steps.size(); i++) {
            var step = steps.get(i);
            if (step.name().isBlank()) {
                problems.add(new InvalidParam("steps[" + i + "].name", "cần tên bước"));
            }
            if (step.duration() <= 0) {
                problems.add(new InvalidParam("steps[" + i + "].duration", "thời gian phải lớn hơn 0"));
            }
            if (step.timeUnit() == null || !step.timeUnit().countsWorkingTime()) {
                problems.add(new InvalidParam("steps[" + i + "].timeUnit", "đơn vị là WORKING_DAY hoặc WORKING_HOUR"));
            }
            if (java.util.Arrays.stream(Role.values()).noneMatch(r -> r.name().equals(step.role()))) {
                problems.add(new InvalidParam("steps[" + i + "].role", "vai trò '" + step.role() + "' không có"));
            }
        }
        if (problems.isEmpty()) {
            budget(procedure.record(), agencyId, validFrom, steps).ifPresentOrElse(budget -> {
                if (!budget.fits()) {
                    problems.add(new InvalidParam("steps", "các bước kết thúc lúc " + budget.stepsEnd().format(SHOWN)
                            + ", sau thời hạn giải quyết " + budget.legalDue().format(SHOWN) + " (" + describe(procedure.record())
                            + ") của hồ sơ nhận lúc " + budget.start().format(SHOWN)));
                }
            }, () -> problems.add(new InvalidParam("steps", "thủ tục chưa ghi thời hạn giải quyết có đơn vị; sửa thủ tục trước")));
        }
        if (!problems.isEmpty()) {
            throw new InvalidProcess(base, problems);
        }
        var open = openVersion(base, agencyId);
        open.ifPresent(v -> {
            if (!validFrom.isAfter(v.validFrom())) {
                throw new InvalidProcess(base, List.of(new InvalidParam("validFrom", "phải sau ngày áp dụng của quy trình hiện hành "
                        + v.validFrom())));
            }
            jdbc.sql("""
                            update catalog.internal_process set valid_to = :to
                            where code = :code and version_no = :no and agency_id is not distinct from :agency and legacy_electronic_id is null""")
                    .param("to", Date.valueOf(validFrom.minusDays(1))).param("code", base).param("no", v.versionNo())
                    .param("agency", agencyId).update();
        });
        int versionNo = open.map(InternalProcess::versionNo).orElse(0) + 1;
        jdbc.sql("""
                        insert into catalog.internal_process (id, code, agency_id, version_no, decision_number, decision_date,
                            valid_from, steps, created_at)
                        values (:id, :code, :agency, :no, :number, :date, :from, cast(:steps as jsonb), :now)""")
                .param("id", UUID.randomUUID()).param("code", base).param("agency", agencyId).param("no", versionNo)
                .param("number", decisionNumber).param("date", Date.valueOf(decisionDate)).param("from", Date.valueOf(validFrom))
                .param("steps", json.writeValueAsString(steps)).param("now", Timestamp.from(clock.instant())).update();
        events.publishEvent(new ProcessApproved("INTERNAL_PROCESS_APPROVED", "procedure:" + base,
                "Quy trình nội bộ phiên bản " + versionNo + (agencyId == null ? "" : " cho cơ quan " + agencyId)
                        + " theo " + decisionNumber + ", " + steps.size() + " bước"));
        return new InternalProcess(base, agencyId, versionNo, decisionNumber, decisionDate, validFrom, null, List.copyOf(steps));
    }

    /** The process an agency follows for a procedure on a day: its own if it has one, else the province-wide one. */
    public Optional<InternalProcess> inForce(String code, @Nullable UUID agencyId, LocalDate day) {
        String base = ProcedureCode.parse(code).map(ProcedureCode::base).orElse(code);
        var own = agencyId == null ? Optional.<InternalProcess>empty() : versionOn(base, agencyId, day);
        return own.isPresent() ? own : versionOn(base, null, day);
    }

    public List<InternalProcess> history(String code) {
        String base = ProcedureCode.parse(code).map(ProcedureCode::base).orElse(code);
        return jdbc.sql("""
                        select * from catalog.internal_process where code = :code and legacy_electronic_id is null
                        order by agency_id nulls first, version_no""")
                .param("code", base).query((rs, n) -> map(rs)).list();
    }

    /** Where the steps of an approved process end against the legal time, on the day it applies. */
    public Optional<Budget> budget(InternalProcess process) {
        return catalog.versionOn(process.code(), process.validFrom())
                .flatMap(v -> budget(v.record(), process.agencyId(), process.validFrom(), process.steps()));
    }

    /**
     * The steps and the shortest legal time over the procedure's channels, both laid on the working calendar of the
     * agency from the opening of the first working day on or after {@code from}; empty when no channel states a unit.
     * Sequential steps follow each other; the steps of a parallel group all start when the group's first step would,
     * and the next step starts when the longest of them ends.
     */
    Optional<Budget> budget(ProcedureRecord record, @Nullable UUID agencyId, LocalDate from, List<ProcessStep> steps) {
        LocalDateTime start = calendar.due(from.atStartOfDay(), 0, DurationUnit.WORKING_HOUR, agencyId).start();
        var legal = record.channels().stream().filter(c -> c.timeAmount() != null && c.timeUnit() != null)
                .map(c -> calendar.due(start, c.timeAmount(), c.timeUnit(), agencyId).due())
                .min(LocalDateTime::compareTo);
        if (legal.isEmpty()) {
            return Optional.empty();
        }
        LocalDateTime t = start;
        Set<String> groupsDone = new java.util.HashSet<>();
        for (var step : steps) {
            String group = step.parallelGroup() == null || step.parallelGroup().isBlank() ? null : step.parallelGroup();
            if (group == null) {
                t = end(t, step, agencyId);
            } else if (groupsDone.add(group)) {
                LocalDateTime groupStart = t;
                t = steps.stream().filter(s -> group.equals(s.parallelGroup())).map(s -> end(groupStart, s, agencyId))
                        .max(LocalDateTime::compareTo).orElseThrow();
            }
        }
        return Optional.of(new Budget(start, t, legal.get()));
    }

    private LocalDateTime end(LocalDateTime start, ProcessStep step, @Nullable UUID agencyId) {
        return calendar.due(start, step.duration(), java.util.Objects.requireNonNull(step.timeUnit()), agencyId).due();
    }

    private static String describe(ProcedureRecord record) {
        return record.channels().stream().filter(c -> c.timeAmount() != null && c.timeUnit() != null)
                .map(Channel::timeText).distinct().collect(Collectors.joining(", "));
    }

    private Optional<InternalProcess> openVersion(String code, @Nullable UUID agency) {
        return jdbc.sql("""
                        select * from catalog.internal_process where code = :code and agency_id is not distinct from :agency
                        and legacy_electronic_id is null and valid_to is null""")
                .param("code", code).param("agency", agency).query((rs, n) -> map(rs)).optional();
    }

    private Optional<InternalProcess> versionOn(String code, @Nullable UUID agency, LocalDate day) {
        return jdbc.sql("""
                        select * from catalog.internal_process where code = :code and agency_id is not distinct from :agency
                        and legacy_electronic_id is null and valid_from <= :day and (valid_to is null or valid_to >= :day)
                        order by version_no desc limit 1""")
                .param("code", code).param("agency", agency).param("day", Date.valueOf(day)).query((rs, n) -> map(rs)).optional();
    }

    private InternalProcess map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new InternalProcess(rs.getString("code"), rs.getObject("agency_id", UUID.class), rs.getInt("version_no"),
                rs.getString("decision_number"), rs.getDate("decision_date").toLocalDate(), rs.getDate("valid_from").toLocalDate(),
                rs.getDate("valid_to") == null ? null : rs.getDate("valid_to").toLocalDate(),
                json.readValue(rs.getString("steps"), new TypeReference<List<ProcessStep>>() { }));
    }

    /** An internal process that cannot be approved as it stands. */
    static final class InvalidProcess extends DomainProblem {
        InvalidProcess(String code, List<InvalidParam> problems) {
            super("catalog.invalid-internal-process", HttpStatus.UNPROCESSABLE_CONTENT,
                    "Quy trình nội bộ của thủ tục " + code + " chưa được phê duyệt: " + problems.getFirst().reason(), problems);
        }
    }
}
