package vn.motcua.catalog;

import vn.motcua.calendar.DurationUnit;
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
    private static final Pattern CHANNEL = Pattern.compile("Trực tiếp|Trực tuyến|Dịch vụ bưu chính");
    private static final Pattern TIME = Pattern.compile("^(Trong ngày)|^(\\d+(?:[.,]\\d+)?)\\s*(Ngày làm việc|Ngày|Giờ làm việc|Giờ|Tháng)?");
    private static final Pattern MONEY = Pattern.compile("(\\d{1,3}(?:[.,]\\d{3})+|\\d+)\\s*(?:đồng|Đồng|VNĐ|VND|Việt Nam Đồng)");
    private static final Pattern COUNT = Pattern.compile("(\\d+) bản chính(?:\\s*,\\s*(\\d+) bản sao)?|(\\d+) bản sao");
    private static final Pattern TEMPLATE = Pattern.compile("[^\\s;:,]+\\.(?:docx?|pdf|xlsx?|rtf)", Pattern.CASE_INSENSITIVE);
    /** 54/2014/QH13, 05/2012/NĐ-CP, 68/2013/TT-BCA, 6968/QĐ-BCA, 10/2021/QĐ-TTg; a code never runs into the next title's capital. */
    private static final Pattern LAW_NUMBER = Pattern.compile("\\d{1,4}/(?:\\d{4}/)?[A-ZĐ]+\\d{0,2}(?:-(?:TTg|[A-ZĐ]+(?!\\p{Ll})))*");
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
        var record = new ProcedureRecord(code.base(), code.suffix() == null ? null : code.full(), name, text(node, "linh_vuc"),
                levels(text(node, "cap_thuc_hien")), text(node, "loai_thu_tuc"), info(text(node, "doi_tuong_thuc_hien")),
                info(text(node, "co_quan_thuc_hien")), info(text(node, "co_quan_co_tham_quyen")), info(text(node, "co_quan_duoc_uy_quyen")),
                info(text(node, "co_quan_phoi_hop")), info(text(node, "trinh_tu_thuc_hien")), channels,
                channels.stream().anyMatch(c -> c.kind().equals("ONLINE")) ? OnlineLevel.PARTIAL : OnlineLevel.NONE, false,
                documents(text(node, "thanh_phan_ho_so")), results(text(node, "ket_qua_xu_ly")), legalBasis(text(node, "can_cu_phap_ly")),
                info(text(node, "yeu_cau_dieu_kien")), blankToNull(text(node, "detail_url")));
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
        String body = raw.replaceFirst("^Hình thức nộpThời gianPhí, lệ phíMô tả", "");
        var out = new ArrayList<Channel>();
        Matcher m = CHANNEL.matcher(body);
        var starts = new ArrayList<int[]>();
        while (m.find()) {
            starts.add(new int[]{m.start(), m.end()});
        }
        for (int i = 0; i < starts.size(); i++) {
            String kind = switch (body.substring(starts.get(i)[0], starts.get(i)[1])) {
                case "Trực tiếp" -> "DIRECT";
                case "Trực tuyến" -> "ONLINE";
                default -> "POSTAL";
            };
            String rest = body.substring(starts.get(i)[1], i + 1 < starts.size() ? starts.get(i + 1)[0] : body.length());
            Integer amount = null;
            DurationUnit unit = null;
            String timeText = "";
            Matcher t = TIME.matcher(rest);
            if (t.find() && t.end() > 0) {
                timeText = t.group().strip();
                if (t.group(1) != null) {
                    unit = DurationUnit.SAME_DAY;
                    amount = 0;
                } else {
                    amount = (int) Math.round(Double.parseDouble(t.group(2).replace(',', '.')));
                    unit = unit(t.group(3));
                    if (unit == null) {
                        notes.add("thời hạn '" + t.group(2) + "' (" + kindName(kind) + ") không ghi đơn vị");
                    }
                }
                rest = rest.substring(t.end());
            }
            out.add(new Channel(kind, amount, unit, timeText, fees(rest), rest.strip()));
        }
        return out;
    }

    private static @Nullable DurationUnit unit(@Nullable String text) {
        if (text == null) {
            return null;
        }
        return switch (text) {
            case "Ngày làm việc" -> DurationUnit.WORKING_DAY;
            case "Ngày" -> DurationUnit.CALENDAR_DAY;
            case "Giờ làm việc", "Giờ" -> DurationUnit.WORKING_HOUR;
            case "Tháng" -> DurationUnit.MONTH;
            default -> null;
        };
    }

    private static String kindName(String kind) {
        return switch (kind) {
            case "DIRECT" -> "trực tiếp";
            case "ONLINE" -> "trực tuyến";
            default -> "bưu chính";
        };
    }

    static List<Channel.Fee> fees(String text) {
        var out = new ArrayList<Channel.Fee>();
        if (text.startsWith("Miễn phí") || text.startsWith("Không")) {
            out.add(new Channel.Fee(0, text.startsWith("Miễn phí") ? "Miễn phí" : "Không thu phí"));
        }
        Matcher m = MONEY.matcher(text);
        while (m.find()) {
            long amount = Long.parseLong(m.group(1).replaceAll("[.,]", ""));
            int from = Math.max(0, m.start() - 80);
            out.add(new Channel.Fee(amount, text.substring(from, m.end()).strip()));
        }
        return out;
    }

    static List<RequiredDocument> documents(String raw) {
        var out = new ArrayList<RequiredDocument>();
        for (String group : raw.split("Tên giấy tờMẫu đơn, tờ khaiSố lượng")) {
            if (group.isBlank()) {
                continue;
            }
            Matcher m = COUNT.matcher(group);
            int from = 0;
            while (m.find()) {
                String item = group.substring(from, m.start()).strip();
                from = m.end();
                if (item.isEmpty()) {
                    continue;
                }
                var templates = new ArrayList<String>();
                Matcher t = TEMPLATE.matcher(item);
                while (t.find()) {
                    templates.add(t.group());
                }
                String name = TEMPLATE.matcher(item).replaceAll("").strip();
                int originals = m.group(1) != null ? Integer.parseInt(m.group(1)) : 0;
                int copies = m.group(2) != null ? Integer.parseInt(m.group(2)) : m.group(3) != null ? Integer.parseInt(m.group(3)) : 0;
                boolean conditional = name.contains("(nếu có)") || name.startsWith("Trường hợp") || name.contains("trường hợp");
                out.add(new RequiredDocument(name, originals, copies, !conditional, templates, false));
            }
            // text after the last count is the caption of the next group ("Ngoài hồ sơ … nộp thêm"), not a document
        }
        return out;
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

    /**
     * Titles and numbers alternate with no separator ("Luật 54/2014/QH1354/2014/QH13…"): a number right after
     * another is the number column repeating it. A number run into a year ("năm 201102/2011/QH13") can still be
     * cut wrongly; the raw text stays in the source for a human to read.
     */
    static List<LegalBasis> legalBasis(String raw) {
        var out = new ArrayList<LegalBasis>();
        String body = raw.replaceFirst("^Tên văn bản pháp lýMã văn bản", "").strip()
                .replaceAll("(năm \\d{4})(\\d)", "$1 $2"); // "Luật Khiếu nại năm 201102/2011/QH13"
        if (body.isEmpty() || body.equals(NO_INFO)) {
            return out;
        }
        Matcher m = LAW_NUMBER.matcher(body);
        int from = 0;
        while (m.find()) {
            String title = body.substring(from, m.start()).strip();
            from = m.end();
            if (!title.isEmpty()) {
                out.add(new LegalBasis(title, m.group(), null, null, null));
            }
        }
        return out;
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
