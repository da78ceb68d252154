package vn.motcua.dossier;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The tables of historical imports, and the batched writes of a chunk of imported dossiers: their rows, history,
 * journal and the hash of each line, one JDBC batch per table.
 */
@Repository
class HistoryImportStore {

    private final JdbcTemplate jdbc;
    private final JdbcClient client;
    private final JsonMapper json;
    private final DossierJournal journal;

    HistoryImportStore(JdbcTemplate jdbc, JdbcClient client, JsonMapper json, DossierJournal journal) {
        this.jdbc = jdbc;
        this.client = client;
        this.json = json;
        this.journal = journal;
    }

    record Line(int line, String hash, HistoryReader.Planned planned) {
    }

    void createJob(UUID id, String by, Instant at, String fileName, String sha256, int lines) {
        client.sql("""
                        insert into dossier.history_import (id, started_by, started_at, file_name, file_sha256, total_lines, state,
                            progress_at)
                        values (:id, :by, :at, :name, :sha, :lines, 'RUNNING', :at)""")
                .param("id", id).param("by", by).param("at", Timestamp.from(at)).param("name", fileName).param("sha", sha256)
                .param("lines", lines).update();
    }

    void count(UUID id, int done, int imported, int already, int rejected, Instant at) {
        client.sql("""
                        update dossier.history_import set done_lines = done_lines + :done, imported = imported + :imported,
                            already = already + :already, rejected = rejected + :rejected, progress_at = :at where id = :id""")
                .param("id", id).param("done", done).param("imported", imported).param("already", already).param("rejected", rejected)
                .param("at", Timestamp.from(at)).update();
    }

    /** Marks FAILED, with {@code failure}, the running jobs that have not moved on since {@code before}; returns their ids. */
    List<UUID> failStalled(Instant before, Instant at, String failure) {
        return client.sql("""
                        update dossier.history_import set state = 'FAILED', finished_at = :at, failure = :failure
                        where state = 'RUNNING' and progress_at < :before returning id""")
                .param("before", Timestamp.from(before)).param("at", Timestamp.from(at)).param("failure", failure)
                .query(UUID.class).list();
    }

    void finish(UUID id, Instant at, @Nullable String failure) {
        client.sql("update dossier.history_import set finished_at = :at, state = :state, failure = :failure where id = :id")
                .param("id", id).param("at", Timestamp.from(at)).param("state", failure == null ? "DONE" : "FAILED")
                .param("failure", failure).update();
    }

    Optional<HistoryImports.Job> job(UUID id) {
        return client.sql("select * from dossier.history_import where id = :id").param("id", id).query(this::jobRow).optional();
    }

    List<HistoryImports.Job> recent(int limit) {
        return client.sql("select * from dossier.history_import order by started_at desc limit :n").param("n", limit).query(this::jobRow).list();
    }

    List<HistoryImports.Reject> rejects(UUID id, int limit) {
        return client.sql("select * from dossier.history_import_reject where import_id = :id order by line limit :n")
                .param("id", id).param("n", limit)
                .query((rs, n) -> new HistoryImports.Reject(rs.getInt("line"), rs.getString("code"), rs.getString("message"),
                        rs.getString("dossier_code")))
                .list();
    }

    void reject(UUID id, List<HistoryImports.Reject> rejects) {
        if (rejects.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                        insert into dossier.history_import_reject (import_id, line, code, message, dossier_code) values (?, ?, ?, ?, ?)
                        on conflict do nothing""",
                rejects.stream().map(r -> new Object[]{id, r.line(), r.code(), r.message(), r.dossierCode()}).toList());
    }

    /** The hash of the line each of these codes was imported from; codes of dossiers made here map to "". */
    Map<String, String> known(List<String> codes) {
        var known = new HashMap<String, String>();
        if (codes.isEmpty()) {
            return known;
        }
        String[] array = codes.toArray(String[]::new);
        client.sql("select d.code, coalesce(i.content_hash, '') as hash from dossier.dossier d "
                        + "left join dossier.imported_dossier i on i.code = d.code where d.code = any(:codes)")
                .param("codes", array).query((rs, n) -> known.put(rs.getString("code"), rs.getString("hash"))).list();
        return known;
    }

    /** Writes the dossiers of a chunk: rows, history and journal, one batch per table. */
    void write(UUID importId, List<Line> lines) {
        var dossiers = new ArrayList<Object[]>(lines.size());
        var history = new ArrayList<Object[]>();
        var events = new ArrayList<Object[]>();
        var hashes = new ArrayList<Object[]>(lines.size());
        for (Line l : lines) {
            var p = l.planned();
            var d = p.dossier();
            var a = d.applicant();
            var pr = d.progress();
            dossiers.add(new Object[]{d.id(), d.code(), d.channel().name(), d.state().name(), d.nationalStatus(), d.procedure().code(),
                    d.procedure().name(), d.procedure().version(), d.procedure().decision(), d.receivingAgency().id(),
                    d.receivingAgency().electronicId(), d.receivingAgency().name(), d.handlingAgency().id(), d.handlingAgency().electronicId(),
                    d.handlingAgency().name(), json.writeValueAsString(a), a.fullName(), DossierWords.folded(a.fullName()), a.idNumber(),
                    a.taxCode(), a.phone(), ts(d.submittedAt()), ts(d.receivedAt()), ts(d.dueAt()), ts(d.decidedAt()), d.decidedBy(),
                    pr.processRef(), ts(pr.clockStart()), ts(pr.originalDueAt()), ts(pr.indexDueAt()), pr.extended(),
                    ts(pr.supplementRequestedAt()), ts(pr.supplementReceivedAt()), pr.supplementCount(),
                    pr.result() == null ? null : json.writeValueAsString(pr.result()), ts(pr.resultReadyAt()), ts(pr.returnedAt()),
                    ts(pr.stoppedAt())});
            for (var h : p.history()) {
                history.add(new Object[]{d.id(), ts(h.at()), h.actor(), h.from() == null ? null : h.from().name(), h.to().name(),
                        h.to().nationalCode(), h.publicNote(), h.action(), h.step()});
            }
            for (var e : p.events()) {
                events.add(new Object[]{e.code(), ts(e.at()), DossierJournal.kind(e), journal.payload(e)});
            }
            hashes.add(new Object[]{d.code(), l.hash(), importId, l.line()});
        }
        jdbc.batchUpdate("""
                insert into dossier.dossier (id, code, code_from_portal, channel, state, national_status, procedure_code, procedure_name,
                    procedure_version, procedure_decision, receiving_agency_id, receiving_agency_eid, receiving_agency_name,
                    handling_agency_id, handling_agency_eid, handling_agency_name, applicant, applicant_name, applicant_name_folded,
                    applicant_id_number, applicant_tax_code, applicant_phone, documents, submitted_at, received_at, due_at, decided_at,
                    decided_by, process_ref, clock_start, original_due_at, index_due_at, extended, supplement_requested_at,
                    supplement_received_at, supplement_count, result, result_ready_at, returned_at, stopped_at)
                values (?, ?, true, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, '[]'::jsonb, ?, ?, ?, ?, ?, ?,
                    ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)""", dossiers);
        jdbc.batchUpdate("""
                insert into dossier.history (dossier_id, at, actor, from_state, to_state, national_status, public_note, action, step)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", history);
        jdbc.batchUpdate("insert into dossier.event_journal (code, at, kind, payload) values (?, ?, ?, cast(? as jsonb))", events);
        jdbc.batchUpdate("insert into dossier.imported_dossier (code, content_hash, import_id, line) values (?, ?, ?, ?)", hashes);
    }

    private HistoryImports.Job jobRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new HistoryImports.Job(rs.getObject("id", UUID.class), rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), rs.getString("file_name"), rs.getString("file_sha256"), rs.getInt("total_lines"),
                rs.getInt("done_lines"), rs.getInt("imported"), rs.getInt("already"), rs.getInt("rejected"), rs.getString("state"),
                rs.getString("failure"));
    }

    private static @Nullable Timestamp ts(@Nullable Instant t) {
        return t == null ? null : Timestamp.from(t);
    }
}
