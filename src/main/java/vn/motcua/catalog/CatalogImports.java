package vn.motcua.catalog;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.catalog.CatalogImportReport.Line;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.unit.DataSize;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

/**
 * Imports real catalog exports: the national portal's JSON lines (gzipped or not) and provincial CSV lists.
 * Idempotent: a row equal to the version in force changes nothing. Each decision the rows name becomes a publishing
 * decision with the number and issuer its source states ({@link SourceDecision}), no date (no source states one),
 * the file it came from, and in force from the import day, so imported versions have the same history as manual ones.
 * On the page an import is previewed first and applied only when the officer confirms exactly that preview.
 */
@Service
public class CatalogImports {

    private final CatalogStore store;
    private final PublishingDecisions decisions;
    private final JsonMapper json;
    private final Clock clock;

    /** A line of the national export is a few kilobytes; one longer than this is not a procedure. */
    static final int MAX_LINE_CHARS = 1 << 20;
    /** A report lists at most this many rejected rows and as many notes; the rest are counted in a last line. */
    static final int MAX_REPORT_LINES = 5_000;

    private final long maxExpandedBytes;

    CatalogImports(CatalogStore store, PublishingDecisions decisions, JsonMapper json, Clock clock,
                   @Value("${motcua.uploads.catalog-expanded:64MB}") DataSize maxExpanded) {
        this.store = store;
        this.decisions = decisions;
        this.json = json;
        this.clock = clock;
        this.maxExpandedBytes = maxExpanded.toBytes();
    }

    @Transactional
    public CatalogImportReport importFile(String fileName, byte[] content) {
        return importFile(fileName, new ByteArrayInputStream(content));
    }

    /**
     * Imports at once, without a preview (the API, the demo data). Reads the upload as a stream: gunzipped when it is
     * gzip, never more than {@code motcua.uploads.catalog-expanded} once expanded (a gzip bomb stops there), and
     * strictly UTF-8: a file in another encoding is refused, not garbled.
     */
    @Transactional
    public CatalogImportReport importFile(String fileName, InputStream content) {
        store.lockPublishing();
        var plan = plan(fileName, content);
        apply(plan);
        return plan.report();
    }

    /** What importing the file now would do; changes nothing. */
    @Transactional(readOnly = true)
    public CatalogImportPreview preview(String fileName, byte[] content) {
        return plan(fileName, new ByteArrayInputStream(content)).preview(fileName, Digests.sha256(content));
    }

    /**
     * Imports the file exactly as previewed: refused, with nothing imported, when the plan's digest no longer matches
     * (a decision or another import changed the procedures it touches since the preview).
     */
    @Transactional
    public CatalogImportReport importFile(String fileName, byte[] content, String expectedDigest) {
        store.lockPublishing();
        var plan = plan(fileName, new ByteArrayInputStream(content));
        if (!plan.digest().equals(expectedDigest)) {
            throw CatalogProblem.previewOutdated("tệp " + fileName);
        }
        apply(plan);
        return plan.report();
    }

    /** Keeps an upload until its officer confirms the preview (on any node), and previews it. */
    @Transactional
    public CatalogImportPreview stage(String fileName, byte[] content) {
        var preview = preview(fileName, content);
        store.stage(preview.stagedId(), fileName, preview.fileDigest(), content, vn.motcua.platform.CurrentUser.name(), clock.instant());
        return preview;
    }

    /** Imports a staged upload as previewed, then forgets it. */
    @Transactional
    public CatalogImportReport confirm(UUID stagedId, String fileDigest, String expectedDigest) {
        var staged = store.staged(stagedId).orElseThrow(CatalogProblem::stagedImportGone);
        if (!staged.sha256().equals(fileDigest)) {
            throw CatalogProblem.previewOutdated("tệp " + staged.fileName());
        }
        var report = importFile(staged.fileName(), staged.content(), expectedDigest);
        store.unstage(stagedId);
        return report;
    }

    /** Forgets a staged upload: nothing was imported. */
    @Transactional
    public void cancel(UUID stagedId) {
        store.unstage(stagedId);
    }

    private Plan plan(String fileName, InputStream content) {
        try (var in = new BufferedInputStream(expanded(content), 1 << 16)) {
            in.mark(4);
            byte[] head = in.readNBytes(4);
            in.reset();
            CatalogUploads.refuseOtherKinds(head);
            if (ExcelList.isWorkbook(head)) {
                // bounded: the request by motcua.uploads.catalog-file, this stream by .catalog-expanded; its parts are
                // counted before FastExcel inflates them
                byte[] workbook = in.readAllBytes();
                CatalogUploads.requireWorkbook(workbook);
                ExcelList.checkExpandedSize(workbook, maxExpandedBytes);
                return planProvincial(fileName, ExcelList.toCsv(workbook));
            }
            var text = new PushbackReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1);
            int first = skipBomAndSpace(text);
            if (first == '{') {
                return planNational(fileName, text);
            }
            return planProvincial(fileName, readAll(text));
        } catch (Bounded.TooLarge e) {
            throw CatalogProblem.tooLarge(DataSize.ofBytes(maxExpandedBytes).toMegabytes());
        } catch (CharacterCodingException e) {
            throw CatalogProblem.unreadableFile("tệp không phải văn bản UTF-8. Lưu lại bằng \"CSV UTF-8\" (Excel) hoặc gửi tệp .xlsx.");
        } catch (IOException e) {
            throw CatalogProblem.unreadableFile("tệp hỏng: " + e.getMessage());
        }
    }

    private InputStream expanded(InputStream content) throws IOException {
        var in = new BufferedInputStream(content);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        InputStream raw = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
        return new Bounded(raw, maxExpandedBytes);
    }

    private static int skipBomAndSpace(PushbackReader text) throws IOException {
        int c;
        do {
            c = text.read();
        } while (c == '\uFEFF' || (c >= 0 && Character.isWhitespace(c)));
        if (c >= 0) {
            text.unread(c);
        }
        return c;
    }

    private static String readAll(Reader text) throws IOException {
        var out = new StringBuilder();
        char[] buffer = new char[1 << 14];
        for (int n; (n = text.read(buffer)) >= 0; ) {
            out.append(buffer, 0, n);
        }
        return out.toString();
    }

    /** The next line, or null at the end; refuses lines longer than {@link #MAX_LINE_CHARS}. */
    private static @Nullable String nextLine(Reader text, int row) throws IOException {
        var line = new StringBuilder();
        int c;
        while ((c = text.read()) >= 0 && c != '\n') {
            if (line.length() >= MAX_LINE_CHARS) {
                throw CatalogProblem.unreadableFile("dòng " + row + " dài hơn " + MAX_LINE_CHARS / 1024 + " KB: đây không phải một thủ tục.");
            }
            line.append((char) c);
        }
        if (c < 0 && line.isEmpty()) {
            return null;
        }
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            line.setLength(end - 1);
        }
        return line.toString();
    }

    private Plan planNational(String fileName, Reader text) throws IOException {
        var rejected = new ArrayList<Line>();
        var malformed = new ArrayList<Line>();
        var notes = new ArrayList<Line>();
        var open = store.openVersions();
        var seen = new HashMap<String, Integer>();
        var changes = new Changes(fileName);
        int row = 0;
        for (String line; (line = nextLine(text, row + 1)) != null; ) {
            row++;
            if (line.isBlank()) {
                continue;
            }
            NationalExportParser.Row parsed;
            try {
                parsed = NationalExportParser.parse(NationalExportParser.read(json, line));
            } catch (RuntimeException e) {
                malformed.add(new Line(row, "", "không đọc được dòng: " + e.getMessage()));
                continue;
            }
            String code = parsed.code().base();
            if (seen.containsKey(code)) {
                rejected.add(new Line(row, code, "mã trùng với dòng " + seen.get(code)));
                continue;
            }
            seen.put(code, row);
            final int at = row;
            parsed.notes().forEach(n -> notes.add(new Line(at, code, n)));
            var current = open.get(code);
            var record = current == null ? parsed.record() : keepProvincialListing(parsed.record(), current.record());
            var decision = SourceDecision.of(parsed.decisionNumber(), parsed.issuer());
            if (decision.note() != null) {
                notes.add(new Line(at, code, decision.note()));
            }
            changes.record(decision, code, current, record);
        }
        CatalogUploads.refuseMalformed(malformed);
        return changes.plan(rejected, notes);
    }

    private Plan planProvincial(String fileName, String text) {
        List<ProvincialListParser.Row> rows;
        try {
            rows = ProvincialListParser.parse(new java.io.StringReader(text));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw CatalogProblem.unreadableFile(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var rejected = new ArrayList<Line>();
        var malformed = new ArrayList<Line>();
        var notes = new ArrayList<Line>();
        var open = store.openVersions();
        var seen = new HashMap<String, Integer>();
        var changes = new Changes(fileName);
        for (var row : rows) {
            if (row.malformed()) {
                malformed.add(new Line(row.line(), row.rawCode(), row.rejection()));
                continue;
            }
            if (row.rejection() != null || row.code() == null) {
                rejected.add(new Line(row.line(), row.rawCode(), row.rejection()));
                continue;
            }
            String code = row.code().base();
            if (seen.containsKey(code)) {
                rejected.add(new Line(row.line(), row.rawCode(), "mã trùng với dòng " + seen.get(code)));
                continue;
            }
            seen.put(code, row.line());
            row.notes().forEach(n -> notes.add(new Line(row.line(), row.rawCode(), n)));
            String localCode = row.code().suffix() == null ? null : row.code().full();
            var current = open.get(code);
            var record = current == null
                    ? ProcedureRecord.listing(code, localCode, row.name(), row.field(), row.levels(), row.onlineLevel())
                    : current.record().withListing(localCode, row.name(), row.field(), row.levels(), row.onlineLevel());
            // a province's list names the decision that published the row (Lạng Sơn), or none (Lâm Đồng)
            var decision = SourceDecision.of(row.decisionNumber(), null);
            if (decision.note() != null) {
                notes.add(new Line(row.line(), row.rawCode(), decision.note()));
            }
            changes.record(decision, code, current, record);
        }
        CatalogUploads.refuseMalformed(malformed);
        return changes.plan(rejected, notes);
    }

    /** The decision a row names, as its source states it: what the import groups rows by. */
    private record DecisionKey(@Nullable String number, @Nullable String issuer) {
    }

    /** What an import will publish, grouped by decision, and how many rows were new, changed or the same. */
    private final class Changes {
        final String fileName;
        final Map<DecisionKey, List<Decision.Item>> byDecision = new LinkedHashMap<>();
        final Map<String, CatalogImportPreview.Planned> planned = new LinkedHashMap<>();
        final java.security.MessageDigest digest;
        int created;
        int updated;
        int unchanged;

        Changes(String fileName) {
            this.fileName = fileName;
            try {
                digest = java.security.MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void record(SourceDecision decision, String code, CatalogStore.@Nullable OpenVersion current, ProcedureRecord record) {
            if (current != null && current.record().equals(record)) {
                unchanged++;
                return;
            }
            var change = current == null ? Decision.Change.NEW : Decision.Change.AMENDED;
            var key = new DecisionKey(decision.number(), decision.issuer());
            byDecision.computeIfAbsent(key, k -> new ArrayList<>()).add(new Decision.Item(code, change, record, null));
            planned.put(code, new CatalogImportPreview.Planned(code, change, record.name(), decision.number(), decision.issuer(),
                    current == null ? List.of() : DecisionPreview.changedComponents(current.record(), record)));
            digest.update((key + "|" + code + "|" + change + "|" + (current == null ? "-" : current.id()) + "|"
                    + json.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8));
            if (current == null) {
                created++;
            } else {
                updated++;
            }
        }

        Plan plan(List<Line> rejected, List<Line> notes) {
            var report = new CatalogImportReport(created, updated, unchanged, capped(rejected), capped(notes));
            return new Plan(fileName, report, byDecision, List.copyOf(planned.values()), java.util.HexFormat.of().formatHex(digest.digest()));
        }
    }

    /** What an import would write, computed without writing anything. */
    private record Plan(String fileName, CatalogImportReport report, Map<DecisionKey, List<Decision.Item>> byDecision,
                        List<CatalogImportPreview.Planned> planned, String digest) {

        CatalogImportPreview preview(String fileName, String fileDigest) {
            var decisions = byDecision.entrySet().stream().map(e -> new CatalogImportPreview.PlannedDecision(e.getKey().number(),
                    e.getKey().issuer(), e.getValue().size())).toList();
            return new CatalogImportPreview(UUID.randomUUID(), fileName, fileDigest, report, decisions, planned, digest);
        }
    }

    /** The national portal cannot tell full from partial online service, nor the province's own code: keep what the province said. */
    private static ProcedureRecord keepProvincialListing(ProcedureRecord national, ProcedureRecord current) {
        @Nullable String localCode = current.localCode() != null ? current.localCode() : national.localCode();
        return new ProcedureRecord(national.code(), localCode, national.name(), national.field(), national.levels(), national.type(),
                national.applicants(), national.implementingAgency(), national.competentAgency(), national.authorisedAgency(),
                national.coordinatingAgency(), national.steps(), national.channels(),
                current.onlineLevel() == OnlineLevel.FULL ? OnlineLevel.FULL : national.onlineLevel(), national.locationIndependent(),
                national.documents(), national.results(), national.legalBasis(), national.conditions(), national.sourceUrl(),
                national.dossierNotes());
    }

    /**
     * One publishing decision per decision the rows name, with the number and issuer the source states (null where
     * it states none) and no date (no source states one); in force from the day it is recorded.
     */
    private void apply(Plan plan) {
        LocalDate today = LocalDate.now(clock);
        plan.byDecision().forEach((key, items) -> decisions.record(new Decision(UUID.randomUUID(), key.number(), null,
                key.issuer(), today, "IMPORT", false, items, plan.fileName(), 0)));
    }

    private static List<Line> capped(List<Line> lines) {
        if (lines.size() <= MAX_REPORT_LINES) {
            return lines;
        }
        var kept = new ArrayList<>(lines.subList(0, MAX_REPORT_LINES));
        kept.add(new Line(0, "", "… và " + (lines.size() - MAX_REPORT_LINES) + " dòng nữa không liệt kê"));
        return kept;
    }

    /** Reads at most {@code limit} bytes, then fails: what an archive may expand to. */
    private static final class Bounded extends java.io.FilterInputStream {
        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) throws TooLarge {
            read += n;
            if (read > limit) {
                throw new TooLarge();
            }
        }

        static final class TooLarge extends IOException {
        }
    }
}
