package vn.motcua.catalog;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * How much of the national export the catalog's parsers read cleanly, field by field (docs/catalog-data-quality.md).
 * Run: {@code ./mvnw -o test -Dtest=CatalogDataQualityTests} and read the table it prints.
 */
final class CatalogDataQualityReport {

    static final Path EXPORT = Path.of("../shared/data/tthc/national_tthc_dvcqg_2642_full.jsonl.gz");

    final Map<String, Long> counts = new LinkedHashMap<>();
    final List<String> uncleanLegalBasis = new ArrayList<>();

    static List<JsonNode> rows() throws IOException {
        var json = JsonMapper.builder().build();
        var in = Files.exists(EXPORT) ? Files.newInputStream(EXPORT)
                : CatalogDataQualityReport.class.getResourceAsStream("/catalog/national_tthc_dvcqg_2642_full.jsonl.gz");
        try (var reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            return reader.lines().filter(l -> !l.isBlank()).map(json::readTree).toList();
        }
    }

    static String text(JsonNode row, String field) {
        var v = row.get(field);
        return v == null || v.isNull() ? "" : VietnameseText.clean(v.asString());
    }

    static CatalogDataQualityReport of(List<JsonNode> rows) {
        var r = new CatalogDataQualityReport();
        for (var row : rows) {
            r.add("procedures");
            for (var ch : ChannelTable.parse(text(row, "cach_thuc_thuc_hien"))) {
                var c = ch.channel();
                r.add("channels");
                r.add(ch.feeCellRead() ? "fee cells read" : "fee cells not read");
                for (var f : c.fees()) {
                    r.add("fees");
                    r.add("fees " + f.basis());
                    if (f.validFrom() != null || f.validTo() != null) {
                        r.add("fees with a period");
                    }
                    if (!f.currency().equals("VND")) {
                        r.add("fees in " + f.currency());
                    }
                }
                if (c.timeUnit() != null) {
                    r.add("times with number and unit");
                } else if (c.timeAmount() != null) {
                    r.add("times with a number and no unit");
                } else if (!c.timeText().isEmpty()) {
                    r.add("times in words");
                } else {
                    r.add("times not stated");
                }
            }
            String legal = text(row, "can_cu_phap_ly");
            var parsed = LegalCitations.parse(legal);
            if (parsed.items().isEmpty()) {
                r.add("legal-basis fields empty");
            } else {
                r.add("legal-basis fields");
                r.add(parsed.clean() ? "legal-basis fields read cleanly" : "legal-basis fields with a leftover");
                if (!parsed.clean()) {
                    r.uncleanLegalBasis.add(text(row, "ma_thu_tuc") + " «" + parsed.leftover().substring(0, Math.min(90, parsed.leftover().length()))
                            + "» " + parsed.items().stream().filter(i -> i.title().isEmpty()).map(LegalBasis::number).toList());
                }
            }
            for (var l : parsed.items()) {
                r.add("citations");
                r.add(l.number().isEmpty() ? "citations without a number" : "citations with a number");
                if (l.kind() != null) {
                    r.add("citations with a kind");
                }
                if (l.issuer() != null) {
                    r.add("citations with an issuer");
                }
                if (l.date() != null) {
                    r.add("citations with an issue date");
                }
            }
            var dossier = DossierDocuments.parse(text(row, "thanh_phan_ho_so"));
            if (!dossier.documents().isEmpty()) {
                r.add("procedures with documents");
            }
            for (var d : dossier.documents()) {
                r.add("documents");
                r.add(d.countStated() ? "documents with a count" : "documents without a count");
                if (!d.templates().isEmpty()) {
                    r.add("documents with a form");
                }
                if (!d.mandatory()) {
                    r.add("documents required in some cases");
                }
            }
            dossier.notes().forEach(n -> r.add("notes kept apart from documents"));
        }
        return r;
    }

    private void add(String key) {
        counts.merge(key, 1L, Long::sum);
    }

    long get(String key) {
        return counts.getOrDefault(key, 0L);
    }

    String table() {
        var out = new StringBuilder("| measure | count |\n|---|---:|\n");
        counts.forEach((k, v) -> out.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        return out.toString();
    }
}
