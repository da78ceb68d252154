package vn.motcua.catalog;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Reads a province's procedure list as its one-stop system exports it to CSV. Two layouts are known:
 * Lâm Đồng ({@code stt,ma_chuan,ten_thu_tuc,linh_vuc,co_quan_thuc_hien,muc_do}) and Lạng Sơn
 * ({@code stt,ma_tthc,muc_do_dvc,ten_tthc,linh_vuc,quyet_dinh_cong_bo}). Such lists carry the name, field,
 * level and online level only; an import merges them into what the national export said.
 */
final class ProvincialListParser {

    private ProvincialListParser() {
    }

    /** One line: either a listing or the reason it cannot be one. */
    record Row(int line, String rawCode, @Nullable ProcedureCode code, String name, String field, List<ProcedureLevel> levels,
               OnlineLevel onlineLevel, @Nullable String decisionNumber, @Nullable String rejection, List<String> notes) {

        /** A row that cannot be read as a listing (not one a real list carries on purpose): the file is refused. */
        boolean malformed() {
            return rejection != null && (rejection.startsWith(WRONG_CELLS) || rejection.equals(NO_NAME));
        }
    }

    static final String WRONG_CELLS = "số ô của dòng khác số cột của tiêu đề";
    static final String NO_NAME = "thiếu tên thủ tục";

    static List<Row> parse(Reader reader) throws IOException {
        var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).get();
        var rows = new ArrayList<Row>();
        try (var parser = format.parse(reader)) {
            var header = parser.getHeaderNames().stream().map(h -> h.replace("\uFEFF", "").strip()).toList();
            boolean lamDong = header.contains("ma_chuan");
            boolean langSon = header.contains("ma_tthc");
            if (!lamDong && !langSon) {
                throw new IllegalArgumentException("không nhận ra dạng tệp: cần cột ma_chuan (Lâm Đồng) hoặc ma_tthc (Lạng Sơn), có "
                        + String.join(",", header));
            }
            for (CSVRecord r : parser) {
                int line = (int) r.getRecordNumber() + 1;
                String rawCode = get(r, lamDong ? "ma_chuan" : "ma_tthc");
                String name = get(r, lamDong ? "ten_thu_tuc" : "ten_tthc");
                String field = get(r, "linh_vuc");
                String level = get(r, lamDong ? "muc_do" : "muc_do_dvc");
                var notes = new ArrayList<String>();
                var code = ProcedureCode.parseLenient(rawCode).orElse(null);
                String rejection = null;
                if (r.size() != header.size()) {
                    rejection = WRONG_CELLS + " (" + r.size() + " ô, " + header.size() + " cột): dấu phẩy không nằm trong ngoặc kép, hoặc dòng bị cắt";
                } else if (name.toLowerCase(Locale.ROOT).matches(".*\\btest\\b.*") || rawCode.toUpperCase(Locale.ROOT).startsWith("TEST")) {
                    rejection = "dòng thử nghiệm (test)";
                } else if (code == null) {
                    rejection = "mã '" + rawCode + "' không phải mã TTHC quốc gia (d.dddddd)";
                } else if (name.isBlank()) {
                    rejection = NO_NAME;
                } else {
                    if (ProcedureCode.parse(rawCode).isEmpty()) {
                        notes.add("mã '" + rawCode + "' viết sai, đọc thành " + code.full());
                    }
                    if (code.suffix() != null) {
                        notes.add("mã có hậu tố ." + code.suffix() + ": lưu theo mã gốc " + code.base());
                    }
                }
                var online = onlineLevel(level, notes);
                rows.add(new Row(line, rawCode, code, name, field, levels(get(r, "co_quan_thuc_hien")), online,
                        langSon && !get(r, "quyet_dinh_cong_bo").isBlank() ? get(r, "quyet_dinh_cong_bo") : null, rejection, notes));
            }
        }
        return rows;
    }

    /** Online level as exports write it: the 2022 terms, or the old levels 1-4 (Decree 42/2022 Art. 11 mapping). */
    static OnlineLevel onlineLevel(String raw, List<String> notes) {
        String v = raw.toLowerCase(Locale.ROOT).strip();
        if (v.contains("toàn trình") || v.equals("mức độ 4")) {
            return OnlineLevel.FULL;
        }
        if (v.contains("một phần") || v.equals("mức độ 3")) {
            return OnlineLevel.PARTIAL;
        }
        if (!v.isEmpty() && !v.equals("còn lại") && !v.equals("mức độ 2") && !v.equals("mức độ 1")) {
            notes.add("mức độ '" + raw + "' không rõ: coi như không trực tuyến");
        }
        return OnlineLevel.NONE;
    }

    /** Lâm Đồng's agency column names the levels ("Sở, ban ngành; UBND Xã/Phường/Thị Trấn"); district means commune since 2025. */
    static List<ProcedureLevel> levels(String raw) {
        var out = new LinkedHashSet<ProcedureLevel>();
        for (String part : raw.split(";")) {
            String p = part.toLowerCase(Locale.ROOT);
            if (p.contains("sở") || p.contains("tỉnh") || p.contains("ban quản lý")) {
                out.add(ProcedureLevel.PROVINCE);
            } else if (p.contains("huyện") || p.contains("xã")) {
                out.add(ProcedureLevel.COMMUNE);
            }
        }
        return List.copyOf(out);
    }

    private static String get(CSVRecord r, String column) {
        return r.isSet(column) ? VietnameseText.clean(r.get(column)) : "";
    }
}
