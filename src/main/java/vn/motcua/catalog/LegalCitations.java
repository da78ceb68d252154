package vn.motcua.catalog;

import org.jspecify.annotations.Nullable;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the legal-basis table of the national portal ("Tên văn bản pháp lýMã văn bản" followed by title and number
 * cells run together) into citations. A document number is written số/năm/ký hiệu (Decree 34/2016/NĐ-CP Art. 55,
 * Decree 30/2020/NĐ-CP Annex I): "66.7/2025/NQ-CP", "50/2014/QH13", "21/2008/TTLT-BQP-BLĐTBXH-BTC", "53/2010/QĐ-TTg".
 * <p>
 * Titles cite other documents too ("Thông tư số 53/2025/TT-BCA ngày 01/7/2025 … sửa đổi Thông tư số 55/2021/TT-BCA…"),
 * so a number found in the text is the number cell only where the page's table put it: glued to the end of a title
 * ("…Luật Căn cước26/2023/QH15"), right before the next title ("…QH13Thông tư…"), or at the very end. A number written
 * inside a title follows a space ("số 190/2025/QH15 của Quốc hội").
 */
final class LegalCitations {

    private static final String PART = "(?:[A-ZĐ]*QH\\d{1,2}|TTg|[A-ZĐ&]+)";
    /** số (with the 2025 sub-numbers such as 66.7) / year / symbol; the symbol is optional ("24/2024"). */
    private static final Pattern NUMBER = Pattern.compile("(\\d{1,4}(?:\\.\\d{1,3})?)/(?:((?:19|20)\\d{2})(?:/|(?![\\d/])))?(" + PART + "(?:[-/]" + PART + ")*)?");
    private static final Pattern DATE = Pattern.compile("ngày\\s*(\\d{1,2})\\s*(?:/|tháng\\s*)(\\d{1,2})\\s*(?:/|năm\\s*)((?:19|20)\\d{2})");
    /** Lower-case words that follow a document number inside a title without a space in the source ("…TT-BCAngày 01/7/2025"). */
    private static final Set<String> GLUED_WORDS = Set.of("ngày", "của", "về", "quy", "sửa", "hướng", "ban", "và", "năm", "tại", "được",
            "do", "thay", "bãi", "qui", "kèm", "quyết", "thông", "nghị", "luật", "có");

    private LegalCitations() {
    }

    /** The citations of one legal-basis field, and whether all of its text was accounted for. */
    record Parsed(List<LegalBasis> items, boolean clean, String leftover) {
    }

    static Parsed parse(String raw) {
        String body = normalise(raw.replaceFirst("^Tên văn bản pháp lýMã văn bản", "").strip());
        var out = new ArrayList<LegalBasis>();
        if (body.isEmpty() || body.equals("Không có thông tin")) {
            return new Parsed(out, true, "");
        }
        int from = 0;
        int previousEnd = -1;
        boolean clean = true;
        Matcher m = NUMBER.matcher(body);
        int at = 0;
        while (at < body.length() && m.find(at)) {
            int start = m.start();
            char before = start > 0 ? body.charAt(start - 1) : ' ';
            boolean subNumber = (before == '.' || before == ',') && start > 1 && Character.isDigit(body.charAt(start - 2));
            if ((Character.isDigit(before) || subNumber || before == '/') && start != previousEnd) {
                at = start + 1;
                continue;
            }
            if (m.group(2) == null && m.group(3) == null) {
                at = m.end();
                continue;
            }
            int end = trimmedEnd(body, m);
            String number = body.substring(start, end).replaceAll("[-/]+$", "");
            end = start + number.length();
            previousEnd = end;
            at = end;
            // a number right after a number cell that a space follows begins the next title ("…UBTVQH1326/2005/PL-UBTVQH11 - Ưu đãi…")
            boolean startsNextTitle = start == from && start > 0 && end < body.length() && Character.isWhitespace(body.charAt(end));
            boolean glued = start > 0 && !Character.isWhitespace(before) && before != '(' && before != ':' && !startsNextTitle;
            boolean last = body.substring(end).isBlank();
            char next = end < body.length() ? body.charAt(end) : ' ';
            boolean beforeTitle = Character.isUpperCase(next) && !NUMBER.matcher(body).region(end, body.length()).lookingAt();
            if (!(glued || last || beforeTitle)) {
                continue; // a number inside a title
            }
            String title = body.substring(from, start).strip();
            from = end;
            if (title.isEmpty()) {
                if (!out.isEmpty() && out.getLast().number().equals(number)) {
                    continue; // the number cell written twice
                }
                clean = false; // a number cell with no title before it
            }
            out.add(citation(title, number));
        }
        String leftover = body.substring(Math.min(from, body.length())).strip();
        if (!leftover.isEmpty()) {
            clean = false;
            out.add(citation(leftover, "")); // a title whose number cell is empty
        }
        return new Parsed(out, clean && !out.isEmpty(), leftover);
    }

    private static String normalise(String body) {
        return body.replaceAll("(năm \\d{4})(\\d)", "$1 $2")                    // "Luật Khiếu nại năm 201102/2011/QH13"
                .replaceAll("((?:19|20)\\d{2})(\\d{1,4}/(?:19|20)\\d{2}/)", "$1 $2") // "Luật Cư trú 202068/2020/QH14"
                .replaceAll("(?<=[A-ZĐ])- (?=[A-ZĐ])", "-")                      // "21/2008/TTLT- BQP-…"
                .replaceAll("(?<=[A-ZĐ])_(?=[A-ZĐ])", "-")                        // "31/2025/TT_BCA"
                .replace('\t', ' ');
    }

    /** Gives back a capital that begins the next title ("TT-BCAThông tư" → "TT-BCA"), not one of a glued word ("TT-BCAngày"). */
    private static int trimmedEnd(String body, Matcher m) {
        int end = m.end();
        if (end < body.length() && Character.isLetter(body.charAt(end)) && m.group(3) != null) {
            // a symbol run into a title in capitals ("44/2026/NĐ-CPTHÔNG TƯ…"): keep the longest known abbreviation
            String symbol = m.group(3);
            int dash = Math.max(symbol.lastIndexOf('-'), symbol.lastIndexOf('/'));
            String last = symbol.substring(dash + 1);
            if (!known(last)) {
                for (int n = last.length() - 1; n > 0; n--) {
                    if (known(last.substring(0, n))) {
                        return m.start(3) + dash + 1 + n;
                    }
                }
            }
        }
        if (end < body.length() && Character.isLowerCase(body.charAt(end)) && m.group(3) != null && !m.group().endsWith("TTg")
                && Character.isUpperCase(body.charAt(end - 1))) {
            int wordEnd = end;
            while (wordEnd < body.length() && Character.isLetter(body.charAt(wordEnd))) {
                wordEnd++;
            }
            if (!GLUED_WORDS.contains(body.substring(end, wordEnd))) {
                return end - 1;
            }
        }
        return end;
    }

    private static boolean known(String part) {
        return ISSUERS.containsKey(part) || KINDS.containsKey(part) || part.matches("[A-ZĐ]*QH\\d{1,2}");
    }

    static LegalBasis citation(String title, String number) {
        return new LegalBasis(title, number, dateOf(title, number), issuerOf(number), null, kindOf(number, title));
    }

    /** The issue date: "ngày 30/6/2025" or "ngày 15 tháng 5 năm 2021" right after the document's own number in its title. */
    static @Nullable LocalDate dateOf(String title, String number) {
        int own = number.isEmpty() ? -1 : title.indexOf(number);
        if (own < 0) {
            return null;
        }
        Matcher d = DATE.matcher(title);
        if (!d.find(own + number.length()) || d.start() - (own + number.length()) > 3) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(d.group(3)), Integer.parseInt(d.group(2)), Integer.parseInt(d.group(1)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Kinds by the first part of the symbol (Law 80/2015/QH13 Art. 4; Decree 30/2020/NĐ-CP Annex III abbreviations). */
    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("NĐ", "Nghị định"), Map.entry("TT", "Thông tư"), Map.entry("TTLT", "Thông tư liên tịch"),
            Map.entry("NQ", "Nghị quyết"), Map.entry("NQLT", "Nghị quyết liên tịch"), Map.entry("QĐ", "Quyết định"),
            Map.entry("PL", "Pháp lệnh"), Map.entry("L", "Luật"), Map.entry("VBHN", "Văn bản hợp nhất"), Map.entry("CT", "Chỉ thị"),
            Map.entry("HD", "Hướng dẫn"), Map.entry("CV", "Công văn"), Map.entry("KH", "Kế hoạch"));
    private static final List<String> TITLE_KINDS = List.of("Bộ luật", "Luật", "Pháp lệnh", "Nghị quyết liên tịch", "Nghị quyết",
            "Nghị định", "Thông tư liên tịch", "Thông tư", "Quyết định", "Văn bản hợp nhất", "Chỉ thị", "Hiến pháp");

    static @Nullable String kindOf(String number, String title) {
        String symbol = symbol(number);
        if (symbol != null) {
            String first = symbol.split("-")[0];
            if (first.matches("[A-ZĐ]*QH\\d{1,2}")) {
                // a law of the National Assembly carries only QHnn; its resolutions NQ-QHnn, the Standing Committee's UBTVQHnn
                return first.startsWith("UBTVQH") ? "Nghị quyết" : title.startsWith("Bộ luật") || title.startsWith("Bộ Luật") ? "Bộ luật" : "Luật";
            }
            if (KINDS.containsKey(first)) {
                return KINDS.get(first);
            }
        }
        String lower = title.toLowerCase(Locale.ROOT);
        for (String kind : TITLE_KINDS) {
            if (lower.startsWith(kind.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        return null;
    }

    /** Issuers by the last part of the symbol; a joint document (TTLT-BQP-BLĐTBXH-BTC) names every issuer. */
    private static final Map<String, String> ISSUERS = Map.ofEntries(
            Map.entry("CP", "Chính phủ"), Map.entry("TTg", "Thủ tướng Chính phủ"), Map.entry("BCA", "Bộ Công an"),
            Map.entry("BTC", "Bộ Tài chính"), Map.entry("BTP", "Bộ Tư pháp"), Map.entry("BXD", "Bộ Xây dựng"),
            Map.entry("BNNMT", "Bộ Nông nghiệp và Môi trường"), Map.entry("BNNPTNT", "Bộ Nông nghiệp và Phát triển nông thôn"),
            Map.entry("BTNMT", "Bộ Tài nguyên và Môi trường"), Map.entry("BQP", "Bộ Quốc phòng"), Map.entry("BNV", "Bộ Nội vụ"),
            Map.entry("BLĐTBXH", "Bộ Lao động - Thương binh và Xã hội"), Map.entry("BYT", "Bộ Y tế"), Map.entry("BCT", "Bộ Công Thương"),
            Map.entry("BGTVT", "Bộ Giao thông vận tải"), Map.entry("BKHĐT", "Bộ Kế hoạch và Đầu tư"), Map.entry("BGDĐT", "Bộ Giáo dục và Đào tạo"),
            Map.entry("BTTTT", "Bộ Thông tin và Truyền thông"), Map.entry("BKHCN", "Bộ Khoa học và Công nghệ"),
            Map.entry("BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch"), Map.entry("BNG", "Bộ Ngoại giao"), Map.entry("NHNN", "Ngân hàng Nhà nước Việt Nam"),
            Map.entry("VPCP", "Văn phòng Chính phủ"), Map.entry("TANDTC", "Tòa án nhân dân tối cao"), Map.entry("VKSNDTC", "Viện kiểm sát nhân dân tối cao"),
            Map.entry("HĐTP", "Hội đồng Thẩm phán Tòa án nhân dân tối cao"), Map.entry("UBND", "Ủy ban nhân dân"), Map.entry("HĐND", "Hội đồng nhân dân"),
            Map.entry("CTN", "Chủ tịch nước"), Map.entry("BDT", "Ủy ban Dân tộc"), Map.entry("UBDT", "Ủy ban Dân tộc"), Map.entry("BDTTG", "Bộ Dân tộc và Tôn giáo"),
            Map.entry("BKHCNMT", "Bộ Khoa học, Công nghệ và Môi trường"), Map.entry("TLĐ", "Tổng Liên đoàn Lao động Việt Nam"),
            Map.entry("KTNN", "Kiểm toán Nhà nước"), Map.entry("UBCKNN", "Ủy ban Chứng khoán Nhà nước"), Map.entry("BHXH", "Bảo hiểm xã hội Việt Nam"));

    static @Nullable String issuerOf(String number) {
        String symbol = symbol(number);
        if (symbol == null) {
            return null;
        }
        String[] parts = symbol.split("-");
        if (parts.length == 1) {
            return parts[0].matches("UBTVQH\\d{1,2}") ? "Ủy ban Thường vụ Quốc hội" : parts[0].matches("QH\\d{1,2}") ? "Quốc hội" : null;
        }
        var issuers = new ArrayList<String>();
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            String name = p.matches("QH\\d{1,2}") ? "Quốc hội" : p.matches("UBTVQH\\d{1,2}") ? "Ủy ban Thường vụ Quốc hội" : ISSUERS.get(p);
            if (name == null) {
                return null;
            }
            issuers.add(name);
        }
        return String.join(", ", issuers);
    }

    private static @Nullable String symbol(String number) {
        Matcher m = NUMBER.matcher(number);
        return m.matches() && m.group(3) != null ? m.group(3).replace('/', '-') : null;
    }
}
