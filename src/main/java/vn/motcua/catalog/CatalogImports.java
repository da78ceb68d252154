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
 * Idempotent: a row equal to the version in force changes nothing. Each source decision number becomes a
 * publishing decision effective on the import day, so imported versions have the same history as manual ones.
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
     * Reads the upload as a stream: gunzipped when it is gzip, never more than {@code motcua.uploads.catalog-expanded}
     * once expanded (a gzip bomb stops there), and strictly UTF-8: a file in another encoding is refused, not garbled.
     */
    @Transactional
    public CatalogImportReport importFile(String fileName, InputStream content) {
        try (var in = new BufferedInputStream(expanded(content), 1 << 16)) {
            in.mark(4);
            byte[] head = in.readNBytes(4);
            in.reset();
            if (ExcelList.isWorkbook(head)) {
                // bounded: the request by motcua.uploads.catalog-file, this stream by .catalog-expanded; its parts are
                // counted before FastExcel inflates them
                byte[] workbook = in.readAllBytes();
                ExcelList.checkExpandedSize(workbook, maxExpandedBytes);
                return importProvincial(fileName, ExcelList.toCsv(workbook));
            }
            var text = new PushbackReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1);
            int first = skipBomAndSpace(text);
            if (first == '{') {
                return importNational(text);
            }
            return importProvincial(fileName, readAll(text));
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

    private CatalogImportReport importNational(Reader text) throws IOException {
        var rejected = new ArrayList<Line>();
        var notes = new ArrayList<Line>();
        var open = store.openVersions();
        var seen = new HashMap<String, Integer>();
        var changes = new Changes();
        var issuers = new HashMap<String, String>();
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
                rejected.add(new Line(row, "", "không đọc được dòng: " + e.getMessage()));
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
            String decision = parsed.decisionNumber().isBlank() ? "(không rõ số quyết định)" : parsed.decisionNumber();
            issuers.putIfAbsent(decision, parsed.issuer());
            changes.record(decision, code, current, record);
        }
        apply(changes.byDecision, issuers);
        return new CatalogImportReport(changes.created, changes.updated, changes.unchanged, capped(rejected), capped(notes));
    }

    private CatalogImportReport importProvincial(String fileName, String text) {
        List<ProvincialListParser.Row> rows;
        try {
            rows = ProvincialListParser.parse(new java.io.StringReader(text));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw CatalogProblem.unreadableFile(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var rejected = new ArrayList<Line>();
        var notes = new ArrayList<Line>();
        var open = store.openVersions();
        var seen = new HashMap<String, Integer>();
        var changes = new Changes();
        String listDecision = "Danh mục TTHC nhập từ " + fileName;
        for (var row : rows) {
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
            String decision = row.decisionNumber() != null ? row.decisionNumber() : listDecision;
            changes.record(decision, code, current, record);
        }
        apply(changes.byDecision, Map.of());
        return new CatalogImportReport(changes.created, changes.updated, changes.unchanged, capped(rejected), capped(notes));
    }

    /** What an import will publish, grouped by decision, and how many rows were new, changed or the same. */
    private static final class Changes {
        final Map<String, List<Decision.Item>> byDecision = new LinkedHashMap<>();
        int created;
        int updated;
        int unchanged;

        void record(String decision, String code, CatalogStore.@Nullable OpenVersion current, ProcedureRecord record) {
            if (current != null && current.record().equals(record)) {
                unchanged++;
                return;
            }
            var change = current == null ? Decision.Change.NEW : Decision.Change.AMENDED;
            byDecision.computeIfAbsent(decision, k -> new ArrayList<>()).add(new Decision.Item(code, change, record, null));
            if (current == null) {
                created++;
            } else {
                updated++;
            }
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

    private void apply(Map<String, List<Decision.Item>> byDecision, Map<String, String> issuers) {
        LocalDate today = LocalDate.now(clock);
        byDecision.forEach((number, items) -> decisions.record(new Decision(UUID.randomUUID(), number, today,
                issuers.getOrDefault(number, "UBND tỉnh"), today, "IMPORT", false, items)));
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
