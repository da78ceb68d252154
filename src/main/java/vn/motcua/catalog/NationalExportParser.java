package vn.motcua.catalog;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one procedure of the national portal's export (Cổng DVCQG, one JSON object per line). Its text fields
 * are page tables flattened without separators ("Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến5 Ngày làm
 * việc…"); this parser recovers channels, times, fees, documents, results and legal basis as far as the text
 * allows, and says what it could not.
 */
final class NationalExportParser {

    static final Set<String> KNOWN_FIELDS = Set.of("ma_thu_tuc", "detail_url", "formality_id", "ten_thu_tuc", "so_quyet_dinh",
            "cap_thuc_hien", "loai_thu_tuc", "linh_vuc", "doi_tuong_thuc_hien", "co_quan_co_tham_quyen", "dia_chi_tiep_nhan",
            "co_quan_duoc_uy_quyen", "co_quan_phoi_hop", "thu_tuc_lien_quan", "trinh_tu_thuc_hien", "cach_thuc_thuc_hien",
            "thanh_phan_ho_so", "can_cu_phap_ly", "co_quan_thuc_hien", "yeu_cau_dieu_kien", "ket_qua_xu_ly", "ministry_folder");

    private static final String NO_INFO = "Không có thông tin";
    private static final Pattern RESULT_CODE = Pattern.compile("Mã:\\s*KQ\\.[A-Z0-9.]+");

    private NationalExportParser() {
    }

    /** A parsed line: its record and decision, and notes on what the text did not say clearly. */
    record Row(ProcedureCode code, String decisionNumber, String issuer, ProcedureRecord record, List<String> notes) {
    }

    static Row parse(JsonNode node) {
        var notes = new ArrayList<String>();
        node.propertyNames().forEach(name -> {
            if (!KNOWN_FIELDS.contains(name)) {
                notes.add("trường lạ '" + name + "' bị bỏ qua");
            }
        });
        String rawCode = text(node, "ma_thu_tuc");
        var code = ProcedureCode.parse(rawCode).orElseThrow(() -> new IllegalArgumentException("mã '" + rawCode + "' không phải mã TTHC quốc gia"));
        if (code.suffix() != null) {
            notes.add("mã có hậu tố ." + code.suffix() + ": lưu theo mã gốc " + code.base());
        }
        String name = text(node, "ten_thu_tuc");
        if (name.isBlank()) {
            throw new IllegalArgumentException("thiếu tên thủ tục");
        }
        var channels = channels(text(node, "cach_thuc_thuc_hien"), notes);
        var dossier = DossierDocuments.parse(text(node, "thanh_phan_ho_so"));
        var record = new ProcedureRecord(code.base(), code.suffix() == null ? null : code.full(), name, text(node, "linh_vuc"),
                levels(text(node, "cap_thuc_hien")), text(node, "loai_thu_tuc"), info(text(node, "doi_tuong_thuc_hien")),
                info(text(node, "co_quan_thuc_hien")), info(text(node, "co_quan_co_tham_quyen")), info(text(node, "co_quan_duoc_uy_quyen")),
                info(text(node, "co_quan_phoi_hop")), info(text(node, "trinh_tu_thuc_hien")), channels,
                channels.stream().anyMatch(c -> c.kind().equals("ONLINE")) ? OnlineLevel.PARTIAL : OnlineLevel.NONE, false,
                dossier.documents(), results(text(node, "ket_qua_xu_ly")), legalBasis(text(node, "can_cu_phap_ly")),
                info(text(node, "yeu_cau_dieu_kien")), blankToNull(text(node, "detail_url")), dossier.notes());
        return new Row(code, text(node, "so_quyet_dinh"), text(node, "ministry_folder"), record, notes);
    }

    static List<ProcedureLevel> levels(String raw) {
        var out = new LinkedHashSet<ProcedureLevel>();
        for (String part : raw.toLowerCase(Locale.ROOT).split(",")) {
            String p = part.strip();
            if (p.contains("bộ") || p.contains("trung ương")) {
                out.add(ProcedureLevel.MINISTRY);
            } else if (p.contains("tỉnh")) {
                out.add(ProcedureLevel.PROVINCE);
            } else if (p.contains("xã") || p.contains("huyện")) {
                out.add(ProcedureLevel.COMMUNE); // district procedures moved to communes on 1/7/2025
            } else if (!p.isEmpty()) {
                out.add(ProcedureLevel.OTHER);
            }
        }
        return List.copyOf(out);
    }

    static List<Channel> channels(String raw, List<String> notes) {
        var out = new ArrayList<Channel>();
        for (var row : ChannelTable.parse(raw)) {
            var c = row.channel();
            if (c.timeUnitMissing()) {
                notes.add("thời hạn '" + c.timeAmount() + "' (" + kindName(c.kind()) + ") không ghi đơn vị");
            }
            out.add(c);
        }
        return out;
    }

    private static String kindName(String kind) {
        return switch (kind) {
            case "DIRECT" -> "trực tiếp";
            case "ONLINE" -> "trực tuyến";
            default -> "bưu chính";
        };
    }

    static List<RequiredDocument> documents(String raw) {
        return DossierDocuments.parse(raw).documents();
    }

    static List<String> results(String raw) {
        var out = new ArrayList<String>();
        String body = raw.replaceAll("Từ khóa.*$", "");
        Matcher m = RESULT_CODE.matcher(body);
        int from = 0;
        while (m.find()) {
            String name = body.substring(from, m.start()).strip();
            if (!name.isEmpty()) {
                out.add(name);
            }
            from = m.end();
        }
        if (out.isEmpty() && !body.isBlank() && !body.strip().equals(NO_INFO)) {
            out.add(body.strip());
        }
        return out;
    }

    /** The legal basis, cited as Vietnamese documents are numbered ({@link LegalCitations}). */
    static List<LegalBasis> legalBasis(String raw) {
        return LegalCitations.parse(raw).items();
    }

    private static String text(JsonNode node, String field) {
        var value = node.get(field);
        return value == null || value.isNull() ? "" : VietnameseText.clean(value.asString());
    }

    private static String info(String value) {
        return value.equals(NO_INFO) ? "" : value;
    }

    private static @Nullable String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }

    static JsonNode read(JsonMapper json, String line) {
        return json.readTree(line);
    }
}
