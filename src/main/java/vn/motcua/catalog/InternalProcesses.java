package vn.motcua.catalog;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.organization.Role;
import vn.motcua.platform.AuditableEvent;
import vn.motcua.platform.DomainProblem;
import vn.motcua.platform.DomainProblem.InvalidParam;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Internal processes with step budgets. A process is refused when its steps take longer than the legal time of
 * the procedure version in force on the day it applies. A new version for the same procedure and agency closes
 * the previous one the day before; an agency's own process beats the province-wide one.
 */
@Service
public class InternalProcesses {

    /** Step budgets count a working day as 8 working hours (peer practice, rules digest §4.2). */
    public static final int HOURS_PER_DAY = 8;
    private static final Set<String> STEP_UNITS = Set.of("WORKING_DAY", "WORKING_HOUR");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final CatalogStore catalog;
    private final ApplicationEventPublisher events;
    private final vn.motcua.calendar.WorkingCalendar calendar;
    private final Clock clock;

    InternalProcesses(JdbcClient jdbc, JsonMapper json, CatalogStore catalog, ApplicationEventPublisher events,
                      vn.motcua.calendar.WorkingCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.json = json;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    /** Something an approved process changed, for the audit trail. */
    public record ProcessApproved(String action, String target, String summary) implements AuditableEvent {
    }

    @Transactional
    public InternalProcess approve(String code, @Nullable String agencyElectronicId, String decisionNumber, LocalDate decisionDate,
                                   LocalDate validFrom, List<ProcessStep> steps) {
        String base = ProcedureCode.parse(code).map(ProcedureCode::base).orElseThrow(() -> CatalogProblem.notFound(code));
        var procedure = catalog.versionOn(base, validFrom).orElseThrow(() -> CatalogProblem.notInForce(base, validFrom));
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
            if (!STEP_UNITS.contains(step.timeUnit())) {
                problems.add(new InvalidParam("steps[" + i + "].timeUnit", "đơn vị là WORKING_DAY hoặc WORKING_HOUR"));
            }
            if (java.util.Arrays.stream(Role.values()).noneMatch(r -> r.name().equals(step.role()))) {
                problems.add(new InvalidParam("steps[" + i + "].role", "vai trò '" + step.role() + "' không có"));
            }
        }
        if (problems.isEmpty()) {
            legalHours(procedure.record(), validFrom).ifPresentOrElse(legal -> {
                int total = totalHours(steps);
                if (total > legal) {
                    problems.add(new InvalidParam("steps", "tổng thời gian các bước " + total + " giờ làm việc vượt thời hạn giải quyết "
                            + legal + " giờ (" + describe(procedure.record()) + ")"));
                }
            }, () -> problems.add(new InvalidParam("steps", "thủ tục chưa ghi thời hạn giải quyết có đơn vị; sửa thủ tục trước")));
        }
        if (!problems.isEmpty()) {
            throw new InvalidProcess(base, problems);
        }
        var open = openVersion(base, agencyElectronicId);
        open.ifPresent(v -> {
            if (!validFrom.isAfter(v.validFrom())) {
                throw new InvalidProcess(base, List.of(new InvalidParam("validFrom", "phải sau ngày áp dụng của quy trình hiện hành "
                        + v.validFrom())));
            }
            jdbc.sql("update catalog.internal_process set valid_to = :to where code = :code and version_no = :no and "
                            + "agency_electronic_id is not distinct from :agency")
                    .param("to", Date.valueOf(validFrom.minusDays(1))).param("code", base).param("no", v.versionNo())
                    .param("agency", agencyElectronicId).update();
        });
        int versionNo = open.map(InternalProcess::versionNo).orElse(0) + 1;
        jdbc.sql("""
                        insert into catalog.internal_process (id, code, agency_electronic_id, version_no, decision_number, decision_date,
                            valid_from, steps, created_at)
                        values (:id, :code, :agency, :no, :number, :date, :from, cast(:steps as jsonb), :now)""")
                .param("id", UUID.randomUUID()).param("code", base).param("agency", agencyElectronicId).param("no", versionNo)
                .param("number", decisionNumber).param("date", Date.valueOf(decisionDate)).param("from", Date.valueOf(validFrom))
                .param("steps", json.writeValueAsString(steps)).param("now", Timestamp.from(clock.instant())).update();
        events.publishEvent(new ProcessApproved("INTERNAL_PROCESS_APPROVED", "procedure:" + base,
                "Quy trình nội bộ phiên bản " + versionNo + (agencyElectronicId == null ? "" : " cho " + agencyElectronicId)
                        + " theo " + decisionNumber + ", " + steps.size() + " bước, " + totalHours(steps) + " giờ"));
        return new InternalProcess(base, agencyElectronicId, versionNo, decisionNumber, decisionDate, validFrom, null, List.copyOf(steps));
    }

    /** The process an agency follows for a procedure on a day: its own if it has one, else the province-wide one. */
    public Optional<InternalProcess> inForce(String code, @Nullable String agencyElectronicId, LocalDate day) {
        String base = ProcedureCode.parse(code).map(ProcedureCode::base).orElse(code);
        var own = agencyElectronicId == null ? Optional.<InternalProcess>empty() : versionOn(base, agencyElectronicId, day);
        return own.isPresent() ? own : versionOn(base, null, day);
    }

    public List<InternalProcess> history(String code) {
        String base = ProcedureCode.parse(code).map(ProcedureCode::base).orElse(code);
        return jdbc.sql("select * from catalog.internal_process where code = :code order by agency_electronic_id nulls first, version_no")
                .param("code", base).query((rs, n) -> map(rs)).list();
    }

    static int totalHours(List<ProcessStep> steps) {
        int total = 0;
        Map<String, Integer> groups = new LinkedHashMap<>();
        for (var step : steps) {
            if (step.parallelGroup() == null || step.parallelGroup().isBlank()) {
                total += step.hours();
            } else {
                groups.merge(step.parallelGroup(), step.hours(), Math::max);
            }
        }
        return total + groups.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * The shortest legal time over the procedure's channels, in working hours; empty when no channel states a unit.
     * Calendar days and months hold as many working days as the working calendar counts from {@code from}.
     */
    Optional<Integer> legalHours(ProcedureRecord record, LocalDate from) {
        return record.channels().stream().filter(c -> c.timeAmount() != null && c.timeUnit() != null)
                .map(c -> switch (c.timeUnit()) {
                    case "WORKING_HOUR" -> c.timeAmount();
                    case "WORKING_DAY" -> c.timeAmount() * HOURS_PER_DAY;
                    case "SAME_DAY" -> HOURS_PER_DAY;
                    case "CALENDAR_DAY" -> calendar.countWorkingDays(from, from.plusDays(c.timeAmount())) * HOURS_PER_DAY;
                    case "MONTH" -> calendar.countWorkingDays(from, from.plusMonths(c.timeAmount())) * HOURS_PER_DAY;
                    default -> throw new IllegalStateException("Unknown time unit " + c.timeUnit());
                })
                .min(Integer::compare);
    }

    private static String describe(ProcedureRecord record) {
        return record.channels().stream().filter(c -> c.timeAmount() != null && c.timeUnit() != null)
                .map(Channel::timeText).distinct().collect(Collectors.joining(", "));
    }

    private Optional<InternalProcess> openVersion(String code, @Nullable String agency) {
        return jdbc.sql("select * from catalog.internal_process where code = :code and agency_electronic_id is not distinct from :agency "
                        + "and valid_to is null").param("code", code).param("agency", agency).query((rs, n) -> map(rs)).optional();
    }

    private Optional<InternalProcess> versionOn(String code, @Nullable String agency, LocalDate day) {
        return jdbc.sql("""
                        select * from catalog.internal_process where code = :code and agency_electronic_id is not distinct from :agency
                        and valid_from <= :day and (valid_to is null or valid_to >= :day) order by version_no desc limit 1""")
                .param("code", code).param("agency", agency).param("day", Date.valueOf(day)).query((rs, n) -> map(rs)).optional();
    }

    private InternalProcess map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new InternalProcess(rs.getString("code"), rs.getString("agency_electronic_id"), rs.getInt("version_no"),
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
