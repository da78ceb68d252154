package vn.motcua.catalog;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The catalog's tables. A version's content is stored whole as JSON; the columns searched and filtered on sit beside it. */
@Repository
class CatalogStore {

    private static final String VERSION_COLUMNS = """
            v.id, v.code, v.version_no, v.valid_from, v.valid_to, v.record::text as record,
            d.number as decision_number, d.decided_on, d.issuer, d.source_file,
            c.number as closed_number, c.decided_on as closed_on, c.issuer as closed_issuer, c.source_file as closed_file,
            c.effective_date as closed_effective, ci.change as closed_change, ci.replaced_by as closed_replaced_by""";
    /** A version with the decision that published it and the one that closed it (if any). */
    private static final String VERSION_JOINS = " from catalog.procedure_version v join catalog.decision d on d.id = v.decision_id"
            + " left join catalog.decision c on c.id = v.closed_by"
            + " left join catalog.decision_item ci on ci.decision_id = c.id and ci.code = v.code ";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CatalogStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The open (current) version of a procedure. */
    record OpenVersion(UUID id, int versionNo, LocalDate validFrom, ProcedureRecord record) {
    }

    void insertDecision(Decision d, Instant now) {
        jdbc.sql("""
                        insert into catalog.decision (id, number, decided_on, issuer, effective_date, source, source_file, created_at)
                        values (:id, :number, :decidedOn, :issuer, :effective, :source, :file, :now)""")
                .param("id", d.id()).param("number", d.number()).param("decidedOn", date(d.decidedOn()))
                .param("issuer", d.issuer()).param("effective", Date.valueOf(d.effectiveDate())).param("source", d.source())
                .param("file", d.sourceFile()).param("now", Timestamp.from(now)).update();
        insertItems(d);
    }

    private void insertItems(Decision d) {
        int position = 0;
        for (var item : d.items()) {
            jdbc.sql("""
                            insert into catalog.decision_item (decision_id, position, code, change, replaced_by, record)
                            values (:id, :position, :code, :change, :replacedBy, cast(:record as jsonb))""")
                    .param("id", d.id()).param("position", position++).param("code", item.code()).param("change", item.change().name())
                    .param("replacedBy", item.replacedBy())
                    .param("record", item.record() == null ? null : json.writeValueAsString(item.record()))
                    .update();
        }
    }

    void markApplied(UUID decisionId, Instant at, String by) {
        jdbc.sql("update catalog.decision set applied_at = :at, applied_by = :by where id = :id")
                .param("at", Timestamp.from(at)).param("by", by).param("id", decisionId).update();
    }

    List<UUID> recentDecisionIds(int limit) {
        return jdbc.sql("select id from catalog.decision order by applied_at desc nulls first, created_at desc limit :limit")
                .param("limit", limit).query(UUID.class).list();
    }

    /** Decisions matching a word of their number or issuer or a procedure code, drafts first, newest first; one page. */
    List<UUID> decisionIds(@Nullable String q, @Nullable Boolean applied, int limit, int offset) {
        return jdbc.sql("select id from catalog.decision d where " + DECISION_FILTER
                        + " order by applied_at desc nulls first, created_at desc, id limit :limit offset :offset")
                .params(decisionFilter(q, applied)).param("limit", limit).param("offset", offset).query(UUID.class).list();
    }

    long countDecisions(@Nullable String q, @Nullable Boolean applied) {
        return jdbc.sql("select count(*) from catalog.decision d where " + DECISION_FILTER).params(decisionFilter(q, applied))
                .query(Long.class).single();
    }

    private static final String DECISION_FILTER = """
            (cast(:q as text) is null or d.number ilike :like escape '\\' or d.issuer ilike :like escape '\\'
                or exists (select 1 from catalog.decision_item i where i.decision_id = d.id and i.code = :q))
            and (cast(:applied as boolean) is null or (d.applied_at is not null) = cast(:applied as boolean))""";

    private static Map<String, @Nullable Object> decisionFilter(@Nullable String q, @Nullable Boolean applied) {
        var params = new java.util.HashMap<String, @Nullable Object>();
        String term = q == null || q.isBlank() ? null : q.strip();
        params.put("q", term);
        params.put("like", term == null ? null : "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        params.put("applied", applied);
        return params;
    }

    Optional<Decision> decision(UUID id) {
        var items = jdbc.sql("select code, change, replaced_by, record::text as record from catalog.decision_item where decision_id = :id order by position")
                .param("id", id)
                .query((rs, n) -> new Decision.Item(rs.getString("code"), Decision.Change.valueOf(rs.getString("change")),
                        rs.getString("record") == null ? null : json.readValue(rs.getString("record"), ProcedureRecord.class),
                        rs.getString("replaced_by")))
                .list();
        return jdbc.sql("select * from catalog.decision where id = :id").param("id", id)
                .query((rs, n) -> new Decision(id, rs.getString("number"), localDate(rs.getDate("decided_on")), rs.getString("issuer"),
                        rs.getDate("effective_date").toLocalDate(), rs.getString("source"), rs.getTimestamp("applied_at") != null, items,
                        rs.getString("source_file"), rs.getInt("revision")))
                .optional();
    }

    /** Whether, when and by whom a decision was applied, read under a row lock. */
    record DecisionLock(boolean applied, @Nullable String by, @Nullable Instant at) {
    }

    /**
     * Locks a decision's row until the end of the transaction (a second officer applying the same draft waits here,
     * then sees it applied).
     */
    Optional<DecisionLock> lockDecision(UUID id) {
        return jdbc.sql("select applied_at, applied_by from catalog.decision where id = :id for update").param("id", id)
                .query((rs, n) -> new DecisionLock(rs.getTimestamp("applied_at") != null, rs.getString("applied_by"),
                        rs.getTimestamp("applied_at") == null ? null : rs.getTimestamp("applied_at").toInstant()))
                .optional();
    }

    /** One publishing change at a time in the whole catalog (applying a decision, an import), until the transaction ends. */
    void lockPublishing() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('catalog.publishing'))").query().singleRow();
    }

    /** Rewrites a draft's header and items; false when it is no longer a draft. */
    boolean rewriteDraft(Decision d) {
        int updated = jdbc.sql("""
                        update catalog.decision set number = :number, decided_on = :decidedOn, issuer = :issuer, effective_date = :effective,
                               revision = revision + 1
                         where id = :id and applied_at is null""")
                .param("id", d.id()).param("number", d.number()).param("decidedOn", date(d.decidedOn())).param("issuer", d.issuer())
                .param("effective", Date.valueOf(d.effectiveDate())).update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql("delete from catalog.decision_item where decision_id = :id").param("id", d.id()).update();
        insertItems(d);
        return true;
    }

    /** Keeps an uploaded catalog file until its officer confirms or cancels the preview; drops uploads older than a day. */
    void stage(UUID id, String fileName, String sha256, byte[] content, String by, Instant now) {
        jdbc.sql("delete from catalog.staged_import where staged_at < :before").param("before", Timestamp.from(now.minusSeconds(86_400))).update();
        jdbc.sql("""
                        insert into catalog.staged_import (id, file_name, sha256, content, staged_by, staged_at)
                        values (:id, :name, :sha, :content, :by, :now)""")
                .param("id", id).param("name", fileName).param("sha", sha256).param("content", content).param("by", by)
                .param("now", Timestamp.from(now)).update();
    }

    record Staged(String fileName, String sha256, byte[] content, String by) {
    }

    Optional<Staged> staged(UUID id) {
        return jdbc.sql("select file_name, sha256, content, staged_by from catalog.staged_import where id = :id").param("id", id)
                .query((rs, n) -> new Staged(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getString(4))).optional();
    }

    boolean unstage(UUID id) {
        return jdbc.sql("delete from catalog.staged_import where id = :id").param("id", id).update() > 0;
    }

    Optional<OpenVersion> openVersion(String code) {
        return jdbc.sql("select id, version_no, valid_from, record::text as record from catalog.procedure_version where code = :code and valid_to is null")
                .param("code", code)
                .query((rs, n) -> new OpenVersion(rs.getObject("id", UUID.class), rs.getInt("version_no"),
                        rs.getDate("valid_from").toLocalDate(), json.readValue(rs.getString("record"), ProcedureRecord.class)))
                .optional();
    }

    /** Every open version's record, by code: what an import compares itself with. */
    Map<String, OpenVersion> openVersions() {
        return jdbc.sql("select id, code, version_no, valid_from, record::text as record from catalog.procedure_version where valid_to is null")
                .query((rs, n) -> Map.entry(rs.getString("code"), new OpenVersion(rs.getObject("id", UUID.class), rs.getInt("version_no"),
                        rs.getDate("valid_from").toLocalDate(), json.readValue(rs.getString("record"), ProcedureRecord.class))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    int lastVersionNo(String code) {
        return jdbc.sql("select coalesce(max(version_no), 0) from catalog.procedure_version where code = :code")
                .param("code", code).query(Integer.class).single();
    }

    /** Closes an open version on its last day; false when another transaction closed it first. */
    boolean close(UUID versionId, LocalDate lastDay, UUID closedBy) {
        return jdbc.sql("update catalog.procedure_version set valid_to = :to, closed_by = :by where id = :id and valid_to is null")
                .param("to", Date.valueOf(lastDay)).param("by", closedBy).param("id", versionId).update() > 0;
    }

    void insertVersion(String code, int versionNo, UUID decisionId, LocalDate validFrom, ProcedureRecord record) {
        jdbc.sql("""
                        insert into catalog.procedure_version (id, code, version_no, decision_id, valid_from, name, field, levels, online_level, record)
                        values (:id, :code, :no, :decision, :from, :name, :field, :levels, :online, cast(:record as jsonb))""")
                .param("id", UUID.randomUUID()).param("code", code).param("no", versionNo).param("decision", decisionId)
                .param("from", Date.valueOf(validFrom)).param("name", record.name()).param("field", record.field())
                .param("levels", record.levels().stream().map(Enum::name).collect(Collectors.joining(",")))
                .param("online", record.onlineLevel().name()).param("record", json.writeValueAsString(record))
                .update();
    }

    /** The version in force on a day: the newest one whose period covers it. */
    Optional<ProcedureVersion> versionOn(String code, LocalDate day) {
        return jdbc.sql("select " + VERSION_COLUMNS + VERSION_JOINS + """
                        where v.code = :code and v.valid_from <= :day and (v.valid_to is null or v.valid_to >= :day)
                        order by v.version_no desc limit 1""")
                .param("code", code).param("day", Date.valueOf(day))
                .query((rs, n) -> version(rs)).optional();
    }

    List<ProcedureVersion> history(String code) {
        return jdbc.sql("select " + VERSION_COLUMNS + VERSION_JOINS + """
                        where v.code = :code order by v.version_no""")
                .param("code", code).query((rs, n) -> version(rs)).list();
    }

    /** Every version in force on a day. */
    List<ProcedureVersion> inForce(LocalDate day) {
        return jdbc.sql("select " + VERSION_COLUMNS + VERSION_JOINS + """
                        where v.valid_from <= :day and (v.valid_to is null or v.valid_to >= :day)
                          and v.version_no = (select max(x.version_no) from catalog.procedure_version x
                                              where x.code = v.code and x.valid_from <= :day and (x.valid_to is null or x.valid_to >= :day))""")
                .param("day", Date.valueOf(day)).query((rs, n) -> version(rs)).list();
    }

    /** Applied decisions effective in [from, to] with how many procedures each changed in which way. */
    List<Map<String, Object>> decisionCounts(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select coalesce(d.number, '(' || d.source_file || ')', '(không được nêu trong nguồn)') as number,
                               d.decided_on, d.effective_date, coalesce(d.issuer, '(không được nêu trong nguồn)') as issuer, i.change,
                               count(*) as n
                        from catalog.decision d join catalog.decision_item i on i.decision_id = d.id
                        where d.applied_at is not null and d.effective_date between :from and :to
                        group by d.id, d.number, d.source_file, d.decided_on, d.effective_date, d.issuer, i.change
                        order by d.effective_date, d.number""")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).query().listOfRows();
    }

    /** Changes whenever any decision is applied, on any node: the count of applied decisions and the last time. */
    String appliedDecisionsMark() {
        return jdbc.sql("select count(*) || '/' || coalesce(max(applied_at)::text, '') from catalog.decision where applied_at is not null")
                .query(String.class).single();
    }

    /** How many procedures in force on a day, grouped by one column (field, online_level or levels). */
    Map<String, Long> countInForce(LocalDate day, String column) {
        if (!List.of("field", "online_level", "levels").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        return jdbc.sql("select " + column + " as k, count(*) as n from catalog.procedure_version v "
                        + "where v.valid_from <= :day and (v.valid_to is null or v.valid_to >= :day) group by " + column + " order by n desc")
                .param("day", Date.valueOf(day))
                .query((rs, n) -> Map.entry(rs.getString("k"), rs.getLong("n"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, java.util.LinkedHashMap::new));
    }

    /**
     * The channels of every version created by an AMENDED item of a decision effective in [from, to], each with the
     * channels of the version before it, in one query (only the channels are read, not whole records).
     */
    List<List<List<Channel>>> amendedChannels(LocalDate from, LocalDate to) {
        var channels = new TypeReference<List<Channel>>() { };
        return jdbc.sql("""
                        select p.record -> 'channels' as before, v.record -> 'channels' as after
                        from catalog.procedure_version v
                        join catalog.decision d on d.id = v.decision_id
                        join catalog.decision_item i on i.decision_id = d.id and i.code = v.code and i.change = 'AMENDED'
                        join lateral (select x.record from catalog.procedure_version x
                                      where x.code = v.code and x.version_no < v.version_no
                                      order by x.version_no desc limit 1) p on true
                        where d.effective_date between :from and :to""")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> List.of(json.readValue(rs.getString("before"), channels), json.readValue(rs.getString("after"), channels)))
                .list();
    }

    /** Procedures in force on a day counted by field, by online level and by levels, in one query. */
    record InForceCounts(Map<String, Long> byField, Map<String, Long> byOnlineLevel, Map<String, Long> byLevels) {
    }

    InForceCounts countsInForce(LocalDate day) {
        var counts = new InForceCounts(new java.util.LinkedHashMap<>(), new java.util.LinkedHashMap<>(), new java.util.LinkedHashMap<>());
        jdbc.sql("""
                        select grouping(field) = 0 as by_field, grouping(online_level) = 0 as by_online, field, online_level, levels,
                               count(*) as n
                        from catalog.procedure_version v
                        where v.valid_from <= :day and (v.valid_to is null or v.valid_to >= :day)
                        group by grouping sets ((field), (online_level), (levels))
                        order by n desc""")
                .param("day", Date.valueOf(day))
                .query(rs -> {
                    var into = rs.getBoolean("by_field") ? counts.byField() : rs.getBoolean("by_online") ? counts.byOnlineLevel() : counts.byLevels();
                    String key = rs.getBoolean("by_field") ? rs.getString("field") : rs.getBoolean("by_online") ? rs.getString("online_level")
                            : rs.getString("levels");
                    into.merge(key, rs.getLong("n"), Long::sum);
                });
        return counts;
    }

    private ProcedureVersion version(ResultSet rs) throws SQLException {
        ProcedureVersion.Ending ending = rs.getString("closed_change") == null ? null : new ProcedureVersion.Ending(
                rs.getString("closed_number"), localDate(rs.getDate("closed_on")), rs.getString("closed_issuer"), rs.getString("closed_file"),
                rs.getDate("closed_effective").toLocalDate(), Decision.Change.valueOf(rs.getString("closed_change")),
                rs.getString("closed_replaced_by"));
        return new ProcedureVersion(rs.getString("code"), rs.getInt("version_no"), rs.getDate("valid_from").toLocalDate(),
                localDate(rs.getDate("valid_to")), rs.getString("decision_number"), localDate(rs.getDate("decided_on")), rs.getString("issuer"),
                json.readValue(rs.getString("record"), ProcedureRecord.class), rs.getString("source_file"), ending);
    }

    private static @Nullable LocalDate localDate(@Nullable Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static @Nullable Date date(@Nullable LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    static List<ProcedureLevel> levels(@Nullable String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(ProcedureLevel::valueOf).toList();
    }
}
