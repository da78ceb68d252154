package vn.motcua.dossier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.catalog.ProcedureCatalog;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.platform.AuditableEvent;
import vn.motcua.platform.DomainProblem;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Historical import (issue 12): dossiers with their whole histories from a previous vendor's system, one JSON line
 * each ({@link HistoryLine}, {@code docs/history-import.md}), become dossiers of this module with their history,
 * journal and events, so that the public lookup shows them and oversight counts them.
 *
 * <ul>
 *   <li>Bounded: the request ({@code motcua.history-import.max-bytes}), a line ({@code max-line-bytes}) and the lines
 *   ({@code max-lines}); a request over a bound is refused whole (4xx) before any line is imported.</li>
 *   <li>Idempotent: a line whose dossier was imported from the same content is "already imported" and changes
 *   nothing; a line for an existing code with other content, or for a dossier made here, is refused.</li>
 *   <li>Never half a dossier: a line is checked whole before anything is written, and a chunk of lines is one
 *   transaction (dossier rows, history, journal, projection and audit in JDBC batches); when a chunk fails in the
 *   database each of its lines is retried in its own transaction, so one bad line refuses only itself.</li>
 *   <li>A job with counts (done, imported, already imported, refused) and the refused lines with their line number,
 *   stable code and reason in Vietnamese.</li>
 * </ul>
 */
@Service
public class HistoryImports {

    private static final Logger log = LoggerFactory.getLogger(HistoryImports.class);

    private final HistoryImportStore store;
    private final ProcedureCatalog catalog;
    private final CommittedOrganisation organisation;
    private final JsonMapper json;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Limits limits;
    private final int chunk;
    private final java.time.Duration stalledAfter;

    HistoryImports(HistoryImportStore store, ProcedureCatalog catalog, CommittedOrganisation organisation, JsonMapper json,
                   TransactionTemplate tx, ApplicationEventPublisher events, Clock clock,
                   @Value("${motcua.history-import.max-bytes:20MB}") org.springframework.util.unit.DataSize maxBytes,
                   @Value("${motcua.history-import.max-line-bytes:65536}") int maxLineBytes,
                   @Value("${motcua.history-import.max-lines:100000}") int maxLines,
                   @Value("${motcua.history-import.chunk:500}") int chunk,
                   @Value("${motcua.history-import.stalled-after:10m}") java.time.Duration stalledAfter) {
        this.stalledAfter = stalledAfter;
        this.store = store;
        this.catalog = catalog;
        this.organisation = organisation;
        this.json = json;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
        this.limits = new Limits(maxBytes.toBytes(), maxLineBytes, maxLines);
        this.chunk = Math.max(1, chunk);
    }

    /** The bounds of one import. */
    public record Limits(long maxBytes, int maxLineBytes, int maxLines) {
    }

    /** An import and where it stands: RUNNING, DONE or FAILED (the failure in words). */
    public record Job(UUID id, String startedBy, Instant startedAt, @Nullable Instant finishedAt, String fileName, String sha256,
                      int totalLines, int doneLines, int imported, int already, int rejected, String state, @Nullable String failure) {
        public boolean running() {
            return "RUNNING".equals(state);
        }

        public int percent() {
            return totalLines == 0 ? 100 : (int) (100L * doneLines / totalLines);
        }
    }

    /** A refused line: its number in the file (from 1), the stable code, the reason and the dossier code when it had one. */
    public record Reject(int line, String code, String message, @Nullable String dossierCode) {
    }

    /** Audited when an import ends, with its counts. */
    public record Finished(UUID importId, String fileName, int imported, int already, int rejected, String state) implements AuditableEvent {
        public String action() {
            return "DOSSIER_HISTORY_IMPORT_FINISHED";
        }

        public String target() {
            return "history-import:" + importId;
        }

        public String summary() {
            return "Kết thúc nhập lịch sử hồ sơ " + (fileName.isBlank() ? "" : "(" + fileName + ") ") + ": " + imported + " hồ sơ mới, "
                    + already + " đã có, " + rejected + " dòng bị từ chối" + ("DONE".equals(state) ? "" : " (lỗi)");
        }
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Takes the file (refused whole, with a 4xx problem, when it breaks a bound) and imports it: in the background, or
     * before returning when {@code wait} (the benchmark generator's and the tests' way).
     */
    public Job start(String fileName, InputStream body, String by, boolean wait) {
        Path file;
        Received received;
        try {
            file = Files.createTempFile("motcua-history-", ".jsonl");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean kept = false;
        try {
            received = receive(body, file);
            kept = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!kept) {
                delete(file); // a file refused for a bound, or cut off: nothing of it stays on disk
            }
        }
        UUID id = UUID.randomUUID();
        String name = fileName.length() > 200 ? fileName.substring(0, 200) : fileName;
        store.createJob(id, by, clock.instant(), name, received.sha256(), received.lines());
        if (wait) {
            run(id, name, file);
        } else {
            Thread.ofVirtual().name("history-import-" + id).start(() -> run(id, name, file));
        }
        return store.job(id).orElseThrow();
    }

    public Optional<Job> job(UUID id) {
        return store.job(id);
    }

    public List<Reject> rejects(UUID id, int limit) {
        return store.rejects(id, Math.max(1, Math.min(limit, 10_000)));
    }

    public List<Job> recent(int limit) {
        return store.recent(Math.max(1, Math.min(limit, 100)));
    }

    // --- receiving the file -------------------------------------------------------------------------------------

    private record Received(int lines, String sha256) {
    }

    private Received receive(InputStream body, Path file) throws IOException {
        MessageDigest digest = sha256();
        int lines = 0;
        long bytes = 0;
        try (var in = new LineReader(body, limits.maxLineBytes()); OutputStream out = Files.newOutputStream(file)) {
            byte[] line;
            while ((line = in.next()) != null) {
                bytes += line.length + 1;
                if (bytes > limits.maxBytes()) {
                    throw problem("too-large", HttpStatus.CONTENT_TOO_LARGE, "Tệp nhập quá lớn: tối đa "
                            + org.springframework.util.unit.DataSize.ofBytes(limits.maxBytes()).toMegabytes() + " MB; chia tệp thành nhiều lần nhập.");
                }
                if (isBlank(line)) {
                    continue;
                }
                if (++lines > limits.maxLines()) {
                    throw problem("history-import.too-many-lines", HttpStatus.CONTENT_TOO_LARGE, "Tệp có hơn " + limits.maxLines()
                            + " dòng hồ sơ: chia tệp thành nhiều lần nhập.");
                }
                digest.update(line);
                digest.update((byte) '\n');
                out.write(line);
                out.write('\n');
            }
        } catch (LineReader.TooLong e) {
            throw problem("history-import.line-too-long", HttpStatus.BAD_REQUEST, "Dòng " + e.line + " dài hơn " + limits.maxLineBytes()
                    + " byte: mỗi dòng là một hồ sơ với lịch sử của nó.");
        }
        if (lines == 0) {
            throw problem("history-import.empty", HttpStatus.BAD_REQUEST, "Tệp không có dòng hồ sơ nào (JSON Lines: mỗi dòng một hồ sơ).");
        }
        return new Received(lines, HexFormat.of().formatHex(digest.digest()));
    }

    // --- importing ---------------------------------------------------------------------------------------------------

    private void run(UUID id, String fileName, Path file) {
        String failure = null;
        var lookups = new Lookups();
        try (var in = new LineReader(Files.newInputStream(file), limits.maxLineBytes())) {
            var lines = new ArrayList<Raw>(chunk);
            int number = 0;
            byte[] line;
            while ((line = in.next()) != null) {
                if (isBlank(line)) {
                    continue;
                }
                lines.add(new Raw(++number, line));
                if (lines.size() == chunk) {
                    chunk(id, List.copyOf(lines), lookups);
                    lines.clear();
                }
            }
            if (!lines.isEmpty()) {
                chunk(id, List.copyOf(lines), lookups);
            }
        } catch (RuntimeException | IOException e) {
            // the last line of a background job: nobody waits for it to throw, so the fault is logged once and the
            // job ends FAILED with what was imported kept (chunks commit one by one)
            log.error("Historical import {} stopped", id, e);
            failure = "Lỗi khi nhập, các dòng đã nhập được giữ nguyên; gửi lại cùng tệp để nhập tiếp: " + e.getClass().getSimpleName();
        } finally {
            delete(file);
        }
        String outcome = failure;
        tx.executeWithoutResult(s -> {
            store.finish(id, clock.instant(), outcome);
            var job = store.job(id).orElseThrow();
            events.publishEvent(new Finished(id, fileName, job.imported(), job.already(), job.rejected(), job.state()));
        });
    }

    /**
     * Marks FAILED the jobs still "running" that have not written a chunk for {@code motcua.history-import.stalled-after}
     * (a chunk takes about a second): the process that ran them stopped (a restart, a crash), and the admin page would
     * otherwise show them running for ever. What they imported is kept; sending the same file again goes on from there.
     */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${motcua.history-import.stalled-check-ms:300000}",
            initialDelayString = "${motcua.history-import.stalled-check-ms:300000}")
    public int failStalled() {
        Instant now = clock.instant();
        Integer failed = tx.execute(s -> {
            var ids = store.failStalled(now.minus(stalledAfter), now,
                    "Bị gián đoạn (không tiến triển từ " + stalledAfter.toMinutes() + " phút: hệ thống đã khởi động lại hoặc dừng); "
                            + "các dòng đã nhập được giữ nguyên, gửi lại cùng tệp để nhập tiếp");
            for (UUID id : ids) {
                var job = store.job(id).orElseThrow();
                events.publishEvent(new Finished(id, job.fileName(), job.imported(), job.already(), job.rejected(), job.state()));
            }
            return ids.size();
        });
        return failed == null ? 0 : failed;
    }

    private record Raw(int number, byte[] bytes) {
    }

    /** The lines of a chunk as read: each ready to write (planned), already there, or refused. */
    private sealed interface Outcome permits Ready, Refused {
        int line();
    }

    private record Ready(int line, String hash, HistoryReader.Planned planned) implements Outcome {
    }

    private record Refused(int line, Reject reject) implements Outcome {
    }

    private void chunk(UUID id, List<Raw> raws, Lookups lookups) {
        var outcomes = raws.stream().map(r -> read(r, lookups)).toList();
        try {
            tx.executeWithoutResult(s -> write(id, outcomes));
        } catch (DataAccessException e) {
            if (outcomes.size() == 1) {
                log.warn("Historical import {}: line {} not written", id, outcomes.getFirst().line(), e);
                tx.executeWithoutResult(s -> write(id, List.of(new Refused(outcomes.getFirst().line(), new Reject(outcomes.getFirst().line(),
                        "history-import.not-written", "Không ghi được hồ sơ này vào cơ sở dữ liệu (mã hồ sơ trùng khi đang nhập?).",
                        outcomes.getFirst() instanceof Ready r ? r.planned().dossier().code() : null)))));
                return;
            }
            for (Raw raw : raws) {
                chunk(id, List.of(raw), lookups);
            }
        }
    }

    private Outcome read(Raw raw, Lookups lookups) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw.bytes())).toString();
        } catch (CharacterCodingException e) {
            return refused(raw.number(), "history-import.not-utf8", "Dòng không phải văn bản UTF-8.", null);
        }
        HistoryLine line;
        try {
            line = json.readValue(text, HistoryLine.class);
        } catch (JacksonException e) {
            return refused(raw.number(), "history-import.not-json", notJson(e), null);
        }
        if (line == null) {
            return refused(raw.number(), "history-import.not-json", "Dòng không phải một đối tượng JSON.", null);
        }
        String code = line.maHoSo() == null ? null : line.maHoSo().strip().toUpperCase(java.util.Locale.ROOT);
        try {
            var planned = HistoryReader.read(line, lookups::procedure, lookups::agency, lookups.latest);
            return new Ready(raw.number(), hash(json.writeValueAsString(line)), planned);
        } catch (HistoryReader.Rejected r) {
            return refused(raw.number(), r.code, r.getMessage(), code != null && code.length() <= 60 ? code : null);
        }
    }

    /**
     * Why a line is not the import's JSON, in words for the officer: where in the line (the field, or the column of a
     * broken JSON text), not the parser's English message with Java's class names.
     */
    static String notJson(JacksonException e) {
        String field = e.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + (r.getIndex() + 1) + "]")
                .collect(java.util.stream.Collectors.joining(".")).replace(".[", "[");
        if (!field.isEmpty()) {
            return "Dòng không đúng định dạng nhập: trường " + field + " không đúng kiểu (chuỗi, số hoặc danh sách sự kiện như "
                    + "docs/history-import.md mô tả).";
        }
        var where = e.getLocation();
        return "Dòng không phải một đối tượng JSON hợp lệ" + (where == null || where.getColumnNr() < 1 ? "" : " (lỗi ở ký tự thứ " + where.getColumnNr() + ")")
                + ": kiểm tra dấu ngoặc, dấu phẩy và dấu nháy.";
    }

    private static Refused refused(int line, String code, String message, @Nullable String dossierCode) {
        return new Refused(line, new Reject(line, code, message, dossierCode));
    }

    /** One transaction: classify against what is there, write the new dossiers, count, project, audit. */
    private void write(UUID id, List<Outcome> outcomes) {
        var ready = outcomes.stream().filter(Ready.class::isInstance).map(Ready.class::cast).toList();
        var known = store.known(ready.stream().map(r -> r.planned().dossier().code()).distinct().toList());
        var seen = new HashMap<String, String>();
        var writes = new ArrayList<HistoryImportStore.Line>();
        var rejects = new ArrayList<Reject>();
        int already = 0;
        for (var o : outcomes) {
            if (o instanceof Refused f) {
                rejects.add(f.reject());
                continue;
            }
            var r = (Ready) o;
            String code = r.planned().dossier().code();
            String before = known.containsKey(code) ? known.get(code) : seen.get(code);
            if (before == null) {
                seen.put(code, r.hash());
                writes.add(new HistoryImportStore.Line(r.line(), r.hash(), r.planned()));
            } else if (before.equals(r.hash())) {
                already++;
            } else if (before.isEmpty()) {
                rejects.add(new Reject(r.line(), "history-import.exists", "Hồ sơ " + code
                        + " đã có trong hệ thống (tiếp nhận tại đây, không phải nhập): không ghi đè.", code));
            } else {
                rejects.add(new Reject(r.line(), "history-import.conflict", "Hồ sơ " + code
                        + " đã được nhập với nội dung khác: không ghi đè; sửa ở hệ thống nguồn hoặc bỏ dòng này.", code));
            }
        }
        if (!writes.isEmpty()) {
            store.write(id, writes);
            var published = new ArrayList<DossierEvent>();
            writes.forEach(w -> published.addAll(w.planned().events()));
            events.publishEvent(new DossierHistoryImported(id, outcomes.getFirst().line(), outcomes.getLast().line(), writes.size(),
                    List.copyOf(published)));
        }
        store.reject(id, rejects);
        store.count(id, outcomes.size(), writes.size(), already, rejects.size(), clock.instant());
    }

    /** The catalog and the organisation as the lines of one import need them, asked once each. */
    private final class Lookups {
        /** Nothing imported may have happened after the start of the import (and 10 minutes for the other system's clock). */
        private final Instant latest = clock.instant().plus(java.time.Duration.ofMinutes(10));
        private final Map<String, List<ProcedureVersion>> procedures = new ConcurrentHashMap<>();
        private final Map<String, Optional<Dossier.Agency>> agencies = new ConcurrentHashMap<>();

        Dossier.@Nullable Procedure procedure(String code, LocalDate day) {
            var versions = procedures.computeIfAbsent(code, c -> {
                try {
                    return catalog.history(c).stream().sorted(Comparator.comparing(ProcedureVersion::validFrom)).toList();
                } catch (DomainProblem unknown) {
                    return List.of();
                }
            });
            if (versions.isEmpty()) {
                return null;
            }
            var version = versions.stream().filter(v -> !v.validFrom().isAfter(day) && (v.validTo() == null || !v.validTo().isBefore(day)))
                    .findFirst().orElse(versions.getFirst());
            return new Dossier.Procedure(version.code(), version.record().name(), version.versionNo(),
                    java.util.Objects.requireNonNullElse(version.decisionNumber(), ""));
        }

        Dossier.@Nullable Agency agency(String electronicId, LocalDate day) {
            return agencies.computeIfAbsent(electronicId + "@" + day, k -> organisation.heldOn(electronicId, day)
                            .or(() -> organisation.find(electronicId))
                            .map(a -> new Dossier.Agency(a.id(), a.electronicId(), a.name())))
                    .orElse(null);
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------------

    private static DossierProblem problem(String code, HttpStatus status, String message) {
        return new DossierProblem(code, status, message, List.of());
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static String hash(String canonical) {
        return HexFormat.of().formatHex(sha256().digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}", file, e);
        }
    }

    /** Lines of bytes (without the line feed and a carriage return before it), each at most {@code max} bytes. */
    static final class LineReader implements AutoCloseable {
        static final class TooLong extends IOException {
            final int line;

            TooLong(int line) {
                super("line " + line + " too long");
                this.line = line;
            }
        }

        private final InputStream in;
        private final int max;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);
        private int number;

        LineReader(InputStream in, int max) {
            this.in = new BufferedInputStream(in, 1 << 16);
            this.max = max;
        }

        byte @Nullable [] next() throws IOException {
            buffer.reset();
            int b;
            boolean any = false;
            while ((b = in.read()) != -1) {
                any = true;
                if (b == '\n') {
                    break;
                }
                if (buffer.size() >= max) {
                    throw new TooLong(number + 1);
                }
                buffer.write(b);
            }
            if (!any) {
                return null;
            }
            number++;
            byte[] line = buffer.toByteArray();
            if (line.length > 0 && line[line.length - 1] == '\r') {
                return java.util.Arrays.copyOf(line, line.length - 1);
            }
            return line;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
