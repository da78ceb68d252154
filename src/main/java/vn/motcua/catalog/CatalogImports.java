package vn.motcua.catalog;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.catalog.CatalogImportReport.Line;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
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

    CatalogImports(CatalogStore store, PublishingDecisions decisions, JsonMapper json, Clock clock) {
        this.store = store;
        this.decisions = decisions;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public CatalogImportReport importFile(String fileName, byte[] content) {
        byte[] bytes = gunzipIfNeeded(content);
        String text = ExcelList.isWorkbook(bytes) ? ExcelList.toCsv(bytes) : new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", "");
        return text.stripLeading().startsWith("{") ? importNational(text) : importProvincial(fileName, text);
    }

    private CatalogImportReport importNational(String text) {
        var rejected = new ArrayList<Line>();
        var notes = new ArrayList<Line>();
        var open = store.openVersions();
        var seen = new HashMap<String, Integer>();
        var changes = new Changes();
        var issuers = new HashMap<String, String>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            int row = i + 1;
            if (lines[i].isBlank()) {
                continue;
            }
            NationalExportParser.Row parsed;
            try {
                parsed = NationalExportParser.parse(NationalExportParser.read(json, lines[i]));
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
            parsed.notes().forEach(n -> notes.add(new Line(row, code, n)));
            var current = open.get(code);
            var record = current == null ? parsed.record() : keepProvincialListing(parsed.record(), current.record());
            String decision = parsed.decisionNumber().isBlank() ? "(không rõ số quyết định)" : parsed.decisionNumber();
            issuers.putIfAbsent(decision, parsed.issuer());
            changes.record(decision, code, current, record);
        }
        apply(changes.byDecision, issuers);
        return new CatalogImportReport(changes.created, changes.updated, changes.unchanged, rejected, notes);
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
        return new CatalogImportReport(changes.created, changes.updated, changes.unchanged, rejected, notes);
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
                national.documents(), national.results(), national.legalBasis(), national.conditions(), national.sourceUrl());
    }

    private void apply(Map<String, List<Decision.Item>> byDecision, Map<String, String> issuers) {
        LocalDate today = LocalDate.now(clock);
        byDecision.forEach((number, items) -> decisions.record(new Decision(UUID.randomUUID(), number, today,
                issuers.getOrDefault(number, "UBND tỉnh"), today, "IMPORT", false, items)));
    }

    private static byte[] gunzipIfNeeded(byte[] content) {
        if (content.length > 2 && (content[0] & 0xff) == 0x1f && (content[1] & 0xff) == 0x8b) {
            try (var in = new GZIPInputStream(new ByteArrayInputStream(content))) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw CatalogProblem.unreadableFile("tệp gzip hỏng: " + e.getMessage());
            }
        }
        return content;
    }
}
