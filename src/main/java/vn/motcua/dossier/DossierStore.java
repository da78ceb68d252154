package vn.motcua.dossier;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.organization.SqlFilter;
import vn.motcua.platform.database.PendingWrites;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The dossier module's tables. Writes that need no answer (history rows, slips) go through {@link PendingWrites}. */
@Repository
class DossierStore {

    private static final TypeReference<List<Dossier.Document>> DOCUMENTS = new TypeReference<>() { };
    private static final TypeReference<List<Dossier.MissingItem>> MISSING = new TypeReference<>() { };
    /** The columns {@link #row} maps (the applicant's search columns are copies of what its JSON holds). */
    static final String ROW = """
            id, code, code_from_portal, channel, state, national_status, procedure_code, procedure_name, procedure_version,
            procedure_decision, receiving_agency_id, receiving_agency_eid, receiving_agency_name, handling_agency_id,
            handling_agency_eid, handling_agency_name, applicant, documents, missing, time_amount, time_unit, time_text,
            submitted_at, received_at, due_at, decided_at, decided_by, note, version, process_ref, plan, policy, step_index,
            step_name, step_role, step_agency_id, step_unit_id, step_unit_name, step_assignee, step_started_at, step_due_at,
            clock_start, original_due_at, index_due_at, extended, extension_reason, stopped_clock_at, resume_state,
            supplement_requested_at, supplement_received_at, supplement_count, waited_minutes, open_consultations, proposal,
            proposal_reason, approved_at, approved_by, result, result_ready_at, returned_at, returned, stopped_at""";

    private final JdbcClient jdbc;
    private final PendingWrites writes;
    private final JsonMapper json;
    private final ProcessingStore processing;

    DossierStore(JdbcClient jdbc, PendingWrites writes, JsonMapper json, ProcessingStore processing) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.json = json;
        this.processing = processing;
    }

    void insert(Dossier d) {
        var p = new HashMap<String, @Nullable Object>();
        p.put("id", d.id());
        p.put("code", d.code());
        p.put("fromPortal", d.codeFromPortal());
        p.put("channel", d.channel().name());
        p.put("state", d.state().name());
        p.put("national", d.nationalStatus());
        p.put("pcode", d.procedure().code());
        p.put("pname", d.procedure().name());
        p.put("pversion", d.procedure().version());
        p.put("pdecision", d.procedure().decision());
        p.put("rid", d.receivingAgency().id());
        p.put("reid", d.receivingAgency().electronicId());
        p.put("rname", d.receivingAgency().name());
        p.put("hid", d.handlingAgency().id());
        p.put("heid", d.handlingAgency().electronicId());
        p.put("hname", d.handlingAgency().name());
        p.put("applicant", json.writeValueAsString(d.applicant()));
        p.put("aname", d.applicant().fullName());
        p.put("afolded", DossierWords.folded(d.applicant().fullName()));
        p.put("aid", d.applicant().idNumber());
        p.put("atax", d.applicant().taxCode());
        p.put("aphone", d.applicant().phone());
        p.put("documents", json.writeValueAsString(d.documents()));
        p.put("missing", json.writeValueAsString(d.missing()));
        p.put("tamount", d.processingTime().amount());
        p.put("tunit", d.processingTime().unit());
        p.put("ttext", d.processingTime().text());
        p.put("submitted", ts(d.submittedAt()));
        p.put("received", ts(d.receivedAt()));
        p.put("due", ts(d.dueAt()));
        p.put("decided", ts(d.decidedAt()));
        p.put("by", d.decidedBy());
        p.put("note", d.note());
        jdbc.sql("""
                        insert into dossier.dossier (id, code, code_from_portal, channel, state, national_status, procedure_code,
                            procedure_name, procedure_version, procedure_decision, receiving_agency_id, receiving_agency_eid,
                            receiving_agency_name, handling_agency_id, handling_agency_eid, handling_agency_name, applicant,
                            applicant_name, applicant_name_folded, applicant_id_number, applicant_tax_code, applicant_phone,
                            documents, missing, time_amount, time_unit, time_text, submitted_at, received_at, due_at,
                            decided_at, decided_by, note)
                        values (:id, :code, :fromPortal, :channel, :state, :national, :pcode, :pname, :pversion, :pdecision,
                            :rid, :reid, :rname, :hid, :heid, :hname, cast(:applicant as jsonb), :aname, :afolded, :aid, :atax,
                            :aphone, cast(:documents as jsonb), cast(:missing as jsonb), :tamount, :tunit, :ttext, :submitted,
                            :received, :due, :decided, :by, :note)""")
                .params(p).update();
    }

    /** Moves a dossier on from the state and version the caller read; false when someone else moved it first. */
    boolean decide(UUID id, int expectedVersion, DossierState to, @Nullable Instant receivedAt, @Nullable Instant dueAt,
                   Instant decidedAt, String decidedBy, String note, List<Dossier.MissingItem> missing) {
        var p = new HashMap<String, @Nullable Object>();
        p.put("id", id);
        p.put("version", expectedVersion);
        p.put("state", to.name());
        p.put("national", to.nationalCode());
        p.put("received", ts(receivedAt));
        p.put("due", ts(dueAt));
        p.put("decided", ts(decidedAt));
        p.put("by", decidedBy);
        p.put("note", note);
        p.put("missing", json.writeValueAsString(missing));
        return jdbc.sql("""
                        update dossier.dossier set state = :state, national_status = :national, received_at = :received,
                            due_at = :due, decided_at = :decided, decided_by = :by, note = :note, missing = cast(:missing as jsonb),
                            version = version + 1
                        where id = :id and version = :version""")
                .params(p).update() == 1;
    }

    /** Queued with the transaction's other pending writes (and its audit record): no round trip of its own. */
    void addHistory(UUID dossierId, Instant at, String actor, @Nullable DossierState from, DossierState to, String publicNote,
                    String note) {
        String action = switch (to) {
            case SUBMITTED -> "SUBMIT";
            case RECEIVED -> from == null ? "RECEIVE" : "ACCEPT";
            case AWAITING_INTAKE_SUPPLEMENT -> "REQUEST_SUPPLEMENT";
            case REFUSED_AT_INTAKE -> "REFUSE";
            default -> to.name();
        };
        addHistory(dossierId, at, actor, from, to, publicNote, note, action, null);
    }

    void addHistory(UUID dossierId, Instant at, String actor, @Nullable DossierState from, DossierState to, String publicNote,
                    String note, String action, @Nullable String step) {
        var p = new HashMap<String, @Nullable Object>();
        p.put("dossier", dossierId);
        p.put("at", ts(at));
        p.put("actor", actor);
        p.put("from", from == null ? null : from.name());
        p.put("to", to.name());
        p.put("national", to.nationalCode());
        p.put("public", publicNote);
        p.put("note", note);
        p.put("action", action);
        p.put("step", step);
        writes.add("""
                insert into dossier.history (dossier_id, at, actor, from_state, to_state, national_status, public_note, note, action, step)
                values (:dossier, :at, :actor, :from, :to, :national, :public, :note, :action, :step)""", p, 1);
    }

    void addSlip(UUID id, UUID dossierId, String form, String number, Instant issuedAt, Object content) {
        writes.add("""
                        insert into dossier.slip (id, dossier_id, form, number, issued_at, content)
                        values (:id, :dossier, :form, :number, :at, cast(:content as jsonb))""",
                Map.of("id", id, "dossier", dossierId, "form", form, "number", number, "at", ts(issuedAt),
                        "content", json.writeValueAsString(content)), 1);
    }

    Optional<Dossier> byCode(String code) {
        return jdbc.sql("select " + ROW + " from dossier.dossier where code = :code").param("code", code)
                .query(this::row).optional().map(this::withHistoryAndSlips);
    }

    Optional<Dossier> byCodeForUpdate(String code) {
        return jdbc.sql("select " + ROW + " from dossier.dossier where code = :code for update").param("code", code)
                .query(this::row).optional();
    }

    /** The newest dossier of an applicant with this ID number or tax code, for filling in a returning applicant. */
    Optional<Applicant> latestApplicant(String idOrTaxCode) {
        return jdbc.sql("""
                        (select applicant, decided_at from dossier.dossier where applicant_id_number = :n order by decided_at desc limit 1)
                        union all
                        (select applicant, decided_at from dossier.dossier where applicant_tax_code = :n order by decided_at desc limit 1)
                        order by decided_at desc limit 1""")
                .param("n", idOrTaxCode).query((rs, i) -> json.readValue(rs.getString("applicant"), Applicant.class)).optional();
    }

    <T> Optional<T> slipContent(UUID dossierId, String form, Class<T> type) {
        return jdbc.sql("select content from dossier.slip where dossier_id = :d and form = :f order by issued_at desc limit 1")
                .param("d", dossierId).param("f", form)
                .query((rs, i) -> json.readValue(rs.getString("content"), type)).optional();
    }

    /**
     * Dossiers in the caller's scope (receiving or handling agency), newest decision first, one page; {@code q} is a
     * code, an ID number, a tax code, a phone number or a name typed with or without diacritics.
     */
    List<Dossier> search(SqlFilter receiving, SqlFilter handling, @Nullable Instant from, @Nullable Instant to,
                         @Nullable String q, @Nullable String decidedBy, int limit, long offset) {
        var where = new StringBuilder("(" + receiving.predicate() + " or " + handling.predicate() + ")");
        var params = new HashMap<String, @Nullable Object>();
        params.putAll(receiving.params());
        params.putAll(handling.params());
        if (from != null) {
            where.append(" and decided_at >= :from");
            params.put("from", ts(from));
        }
        if (to != null) {
            where.append(" and decided_at < :to");
            params.put("to", ts(to));
        }
        if (decidedBy != null) {
            where.append(" and decided_by = :by");
            params.put("by", decidedBy);
        }
        String source = "dossier.dossier";
        if (q != null && !q.isBlank()) {
            String term = q.strip();
            String folded = DossierWords.folded(term);
            String matches = "(code = :q or applicant_id_number = :q or applicant_tax_code = :q or applicant_phone = :q"
                    + " or applicant_name_folded like :name escape '\\')";
            params.put("q", term);
            params.put("name", "%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            if (folded.length() >= 3) {
                // the dossiers that match first, by their indexes (the name by its trigrams, V7), then the scope: kept
                // apart (offset 0) so that a generic plan never intersects them with every dossier of a large scope
                source = "(select * from dossier.dossier where " + matches + " offset 0) d";
            } else {
                where.append(" and ").append(matches); // no trigram in one or two letters: the scope's rows are read
            }
        }
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("select " + ROW + " from " + source + " where " + where + " order by decided_at desc, code limit :limit offset :offset")
                .params(params).query(this::row).list();
    }

    /** Dossiers in scope decided in {@code [from, to)}: the header of the desk's list of the day. */
    long count(SqlFilter receiving, SqlFilter handling, Instant from, Instant to) {
        var params = new HashMap<String, Object>();
        params.putAll(receiving.params());
        params.putAll(handling.params());
        params.put("from", Timestamp.from(from));
        params.put("to", Timestamp.from(to));
        return jdbc.sql("select count(*) from dossier.dossier where (" + receiving.predicate() + " or " + handling.predicate()
                        + ") and decided_at >= :from and decided_at < :to")
                .params(params).query(Long.class).single();
    }

    /** Online and postal dossiers waiting for the desk of these agencies, oldest first. */
    List<Dossier> waiting(SqlFilter receiving, int limit, long offset) {
        return jdbc.sql("select " + ROW + " from dossier.dossier where state = 'SUBMITTED' and " + receiving.predicate()
                        + " order by submitted_at, code limit :limit offset :offset")
                .params(receiving.params()).param("limit", limit).param("offset", offset).query(this::row).list();
    }

    long waitingCount(SqlFilter receiving) {
        return jdbc.sql("select count(*) from dossier.dossier where state = 'SUBMITTED' and " + receiving.predicate())
                .params(receiving.params()).query(Long.class).single();
    }

    /** Claims an Idempotency-Key; waits while another transaction holds the same key. Empty when this one claimed it. */
    Optional<Claimed> claim(String username, String key, String requestHash, Instant at) {
        int inserted = jdbc.sql("""
                        insert into dossier.idempotency (username, key, request_hash, created_at) values (:u, :k, :h, :at)
                        on conflict do nothing""")
                .param("u", username).param("k", key).param("h", requestHash).param("at", ts(at)).update();
        if (inserted == 1) {
            return Optional.empty();
        }
        return jdbc.sql("select request_hash, dossier_code from dossier.idempotency where username = :u and key = :k")
                .param("u", username).param("k", key)
                .query((rs, i) -> new Claimed(rs.getString("request_hash"), rs.getString("dossier_code"))).optional();
    }

    void completeClaim(String username, String key, String code) {
        writes.add("update dossier.idempotency set dossier_code = :c where username = :u and key = :k",
                Map.of("c", code, "u", username, "k", key), 1);
    }

    record Claimed(String requestHash, @Nullable String dossierCode) {
    }

    private Dossier withHistoryAndSlips(Dossier d) {
        var history = jdbc.sql("select * from dossier.history where dossier_id = :id order by id").param("id", d.id())
                .query((rs, i) -> new Dossier.HistoryEntry(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("from_state") == null ? null : DossierState.valueOf(rs.getString("from_state")),
                        DossierState.valueOf(rs.getString("to_state")), rs.getInt("national_status"),
                        rs.getString("public_note"), rs.getString("note"), rs.getString("action"), rs.getString("step")))
                .list();
        var slips = jdbc.sql("select id, form, number, issued_at from dossier.slip where dossier_id = :id order by issued_at, form")
                .param("id", d.id())
                .query((rs, i) -> new Dossier.SlipIssued(rs.getObject("id", UUID.class), rs.getString("form"), rs.getString("number"),
                        rs.getTimestamp("issued_at").toInstant()))
                .list();
        var consultations = d.progress().plan().isEmpty() ? List.<Progress.Consultation>of() : processing.consultations(d.id());
        var handovers = d.progress().plan().isEmpty() ? List.<Progress.Handover>of() : processing.handovers(d.id());
        return new Dossier(d.id(), d.code(), d.codeFromPortal(), d.channel(), d.state(), d.nationalStatus(), d.procedure(),
                d.receivingAgency(), d.handlingAgency(), d.applicant(), d.documents(), d.missing(), d.processingTime(),
                d.submittedAt(), d.receivedAt(), d.dueAt(), d.decidedAt(), d.decidedBy(), d.note(), d.version(), history, slips,
                ProcessingStore.withLists(d.progress(), consultations, handovers, d.state()));
    }

    Dossier row(ResultSet rs, int n) throws SQLException {
        return new Dossier(rs.getObject("id", UUID.class), rs.getString("code"), rs.getBoolean("code_from_portal"),
                Channel.valueOf(rs.getString("channel")), DossierState.valueOf(rs.getString("state")), rs.getInt("national_status"),
                new Dossier.Procedure(rs.getString("procedure_code"), rs.getString("procedure_name"), rs.getInt("procedure_version"),
                        rs.getString("procedure_decision")),
                new Dossier.Agency(rs.getObject("receiving_agency_id", UUID.class), rs.getString("receiving_agency_eid"),
                        rs.getString("receiving_agency_name")),
                new Dossier.Agency(rs.getObject("handling_agency_id", UUID.class), rs.getString("handling_agency_eid"),
                        rs.getString("handling_agency_name")),
                json.readValue(rs.getString("applicant"), Applicant.class),
                ParsedOnRead.of(json, rs.getString("documents"), DOCUMENTS), ParsedOnRead.of(json, rs.getString("missing"), MISSING),
                new Dossier.ProcessingTime((Integer) rs.getObject("time_amount"), rs.getString("time_unit"), rs.getString("time_text")),
                instant(rs, "submitted_at"), instant(rs, "received_at"), instant(rs, "due_at"),
                rs.getTimestamp("decided_at").toInstant(), rs.getString("decided_by"), rs.getString("note"), rs.getInt("version"),
                List.of(), List.of(), processing.progress(rs));
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static @Nullable Timestamp ts(@Nullable Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
