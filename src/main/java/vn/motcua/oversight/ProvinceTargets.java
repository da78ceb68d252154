package vn.motcua.oversight;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.platform.AuditableEvent;
import vn.motcua.platform.CurrentUser;
import vn.motcua.platform.DomainProblem;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The province's own yearly targets per indicator of the 766 index (vn-rules §7.4), entered by the Home Affairs
 * reform officer (role OVERSIGHT_VIEWER) or an administrator, audited, shown next to the actual. A year's targets are
 * one set with a version: a save names the version it was made from, so of two concurrent edits the second fails
 * cleanly instead of overwriting the first.
 */
@Service
public class ProvinceTargets {

    /** A year's targets (ratios, 0.95 = 95 %) by indicator code; version 0 and no one when none were ever set. */
    public record Targets(int year, int version, Map<String, BigDecimal> targets, @Nullable String updatedBy, @Nullable Instant updatedAt) {
    }

    /** Audited: who set which targets for which year. */
    public record TargetsSet(int year, int version, Map<String, BigDecimal> targets) implements AuditableEvent {
        public String action() {
            return "OVERSIGHT_TARGETS_SET";
        }

        public String target() {
            return "province-targets:" + year;
        }

        public String summary() {
            return "Đặt chỉ tiêu Chỉ số 766 năm " + year + " (phiên bản " + version + "): " + targets.entrySet().stream()
                    .map(e -> e.getKey() + " = " + e.getValue().movePointRight(2).stripTrailingZeros().toPlainString() + "%")
                    .collect(Collectors.joining(", "));
        }
    }

    /** Targets that cannot be kept: each field at fault with its reason. */
    public static final class Invalid extends DomainProblem {
        Invalid(List<InvalidParam> params) {
            super("oversight.target-invalid", HttpStatus.BAD_REQUEST, "Chỉ tiêu chưa hợp lệ: " + params.size() + " ô cần sửa", params);
        }
    }

    /** Someone saved the year's targets since the version this edit was made from. */
    public static final class Stale extends DomainProblem {
        Stale(int year, int current) {
            super("oversight.target-stale", HttpStatus.CONFLICT, "Chỉ tiêu năm " + year + " vừa được người khác sửa (nay là phiên bản "
                    + current + "); hãy tải lại trang, xem chỉ tiêu mới rồi nhập lại.");
        }
    }

    private static final TypeReference<Map<String, BigDecimal>> MAP = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final IndexDefinitions definitions = IndexDefinitions.shipped();

    ProvinceTargets(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Targets of(int year) {
        return jdbc.sql("select targets::text, version, updated_by, updated_at from oversight.province_target where year = :year")
                .param("year", year)
                .query((rs, n) -> new Targets(year, rs.getInt("version"), new TreeMap<>(json.readValue(rs.getString(1), MAP)),
                        rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant()))
                .optional().orElse(new Targets(year, 0, Map.of(), null, null));
    }

    /** The indicators a year's targets may name: those of the rules in force on its last day. */
    public List<IndexDefinitions.Indicator> indicators(int year) {
        return definitions.on(lastDay(year)).groups().stream().flatMap(g -> g.indicators().stream()).toList();
    }

    /**
     * Replaces the year's targets with {@code targets} (an indicator left out has no target), when the stored version
     * is still {@code version} (0: none stored yet).
     *
     * @throws Invalid a code that is not an indicator of that year, a value outside 0..1 or with more than 4 decimals
     * @throws Stale   the targets were saved by someone else since
     */
    @Transactional
    @PreAuthorize("hasAnyRole('OVERSIGHT_VIEWER', 'ADMIN')")
    public Targets set(int year, int version, Map<String, @Nullable BigDecimal> targets) {
        var problems = new ArrayList<DomainProblem.InvalidParam>();
        if (year < 2022 || year > 2100) {
            problems.add(new DomainProblem.InvalidParam("year", "Năm phải từ 2022 (năm ban hành Quyết định 766) đến 2100"));
            throw new Invalid(problems);
        }
        var known = indicators(year).stream().map(IndexDefinitions.Indicator::code).collect(Collectors.toSet());
        var kept = new LinkedHashMap<String, BigDecimal>();
        targets.forEach((code, value) -> {
            String field = "targets." + code;
            if (!known.contains(code)) {
                problems.add(new DomainProblem.InvalidParam(field, "Không có chỉ tiêu " + code + " trong bộ chỉ số áp dụng năm " + year));
            } else if (value == null) {
                // left empty: no target for this indicator
            } else if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
                problems.add(new DomainProblem.InvalidParam(field, "Chỉ tiêu phải từ 0% đến 100%"));
            } else if (value.stripTrailingZeros().scale() > 4) {
                problems.add(new DomainProblem.InvalidParam(field, "Chỉ tiêu ghi tối đa hai chữ số thập phân của phần trăm (ví dụ 95,25%)"));
            } else {
                kept.put(code, value.stripTrailingZeros());
            }
        });
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        String body = json.writeValueAsString(new TreeMap<>(kept));
        var now = Timestamp.from(clock.instant());
        int rows = version == 0
                ? jdbc.sql("""
                        insert into oversight.province_target (year, targets, version, updated_by, updated_at)
                        values (:year, cast(:targets as jsonb), 1, :by, :at) on conflict (year) do nothing""")
                .param("year", year).param("targets", body).param("by", CurrentUser.name()).param("at", now).update()
                : jdbc.sql("""
                        update oversight.province_target set targets = cast(:targets as jsonb), version = version + 1, updated_by = :by, updated_at = :at
                        where year = :year and version = :version""")
                .param("year", year).param("targets", body).param("by", CurrentUser.name()).param("at", now).param("version", version).update();
        if (rows == 0) {
            throw new Stale(year, of(year).version());
        }
        events.publishEvent(new TargetsSet(year, version + 1, kept));
        return new Targets(year, version + 1, new TreeMap<>(kept), CurrentUser.name(), now.toInstant());
    }

    private static LocalDate lastDay(int year) {
        return LocalDate.of(year, 12, 31);
    }
}
