package vn.motcua.catalog;

import org.jspecify.annotations.Nullable;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the portal's "Thành phần hồ sơ" tables (Tên giấy tờ | Mẫu đơn, tờ khai | Số lượng), flattened without
 * separators: "…(Mẫu DC02 ban hành kèm theo …)Mẫu DC02 Phiếu đề nghị….doc1 bản chínhGiấy tờ…". A count cell is glued
 * to the end of the row before it ("….doc1 bản chính"); counts written inside a name follow a space ("kèm 01 bản sao
 * giấy khai sinh") and stay in the name. The portal puts its notes in the same table with "0 bản chính"; a row is a
 * document when it names one (Giấy…, Bản sao…, Đơn…, Tờ khai…), and a note when it is a sentence ("Cơ quan đăng ký hộ
 * tịch từ chối…", "+ Trường hợp cha, mẹ không thỏa thuận…") or sits under a "Lưu ý" heading.
 */
final class DossierDocuments {

    private static final String TABLE_HEADER = "Tên giấy tờMẫu đơn, tờ khaiSố lượng";
    /** A count cell; a count glued to a number ending a name ("Phụ lục số 271 bản chính") takes the last digit only. */
    private static final Pattern COUNT = Pattern.compile(
            "(?<=[^ \\r\\n])(?:(?:(?<!\\d)(?<o>\\d+)|(?<=\\d)(?<o1>\\d)) bản chính(?:,\\s?(?<c>\\d+) bản sao)?"
                    + "|(?:(?<!\\d)(?<c1>\\d+)|(?<=\\d)(?<c2>\\d)) bản sao)(?!\\s\\p{Ll})");
    private static final Pattern EXTENSION = Pattern.compile("\\.(?:docx?|pdf|xlsx?|rtf|odt)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern MARK = Pattern.compile("^(?:[-+*•]+\\s*|[a-zđ]\\)\\s*|\\([ivx]+\\)\\s*|\\d{1,2}[.)]\\s+)+");
    /** Folded first words of a document's name (what the portal lists under Tên giấy tờ). */
    private static final List<String> DOCUMENT_WORDS = List.of("giay", "ban ", "ban sao", "ban chinh", "ban khai", "ban ke", "ban do",
            "ban ve", "ban cam", "ban thuyet", "ban tu", "don", "to khai", "to trinh", "van ban", "phieu", "ho chieu", "the ", "so ",
            "anh", "0", "quyet dinh", "hop dong", "bien ban", "bao cao", "danh sach", "danh muc", "chung", "ho so", "tai lieu", "cac giay",
            "cac tai lieu", "cac van ban", "trich", "can cuoc", "bang ", "thong bao", "cong van", "du thao", "phuong an", "de an", "ke hoach",
            "so do", "mau", "ly lich", "xac nhan", "hoa don", "chung tu", "chung chi", "chung nhan", "bia", "tem", "nghi quyet", "dieu le",
            "quy che", "thiet ke", "du an", "giay to", "01", "02", "03", "mot ", "hai ", "ket qua", "y kien", "lenh", "bieu", "tom tat",
            "thu ", "loai", "ban sao", "ban goc", "so lieu", "bang chung", "vat", "mau vat", "hinh");
    private static final List<String> SENTENCE_MARKS = List.of(" thì ", "có trách nhiệm", "không được", "từ chối", " có thể ", "được sử dụng",
            "có quyền", "chịu trách nhiệm", "không phải nộp", "không yêu cầu", "được thay thế", "lưu ý", "ghi chú", "phải bảo đảm");

    private DossierDocuments() {
    }

    /** The documents and the notes of one dossier field. */
    record Parsed(List<RequiredDocument> documents, List<String> notes) {
    }

    static Parsed parse(String raw) {
        var documents = new ArrayList<RequiredDocument>();
        var notes = new ArrayList<String>();
        String[] parts = raw.split(TABLE_HEADER, -1);
        String heading = caption(parts[0]);
        for (int g = 1; g < parts.length; g++) {
            String group = parts[g];
            boolean notesGroup = heading != null && fold(heading).matches("^\\W*(luu y|ghi chu).*");
            if (notesGroup) {
                notes.add(heading);
            }
            Matcher m = COUNT.matcher(group);
            int from = 0;
            while (m.find()) {
                String item = group.substring(from, m.start()).strip();
                from = m.end();
                if (item.replaceAll("[\\p{P}\\s]", "").isEmpty() || fold(item).equals("hoac")) {
                    continue;
                }
                int originals = number(m, "o", "o1");
                int copies = number(m, "c", "c1", "c2");
                boolean counted = originals + copies > 0;
                String text = MARK.matcher(item).replaceFirst("").strip();
                if (notesGroup || isNote(text, counted)) {
                    notes.add(text);
                    continue;
                }
                var templates = new ArrayList<String>();
                String name = text;
                int templateStart = templateStart(text);
                if (templateStart > 0) {
                    templates.add(text.substring(templateStart).strip());
                    name = text.substring(0, templateStart).strip();
                } else if (templateStart == 0) {
                    templates.add(text);
                    name = EXTENSION.matcher(text).replaceFirst("");
                }
                String folded = fold(name);
                boolean conditional = folded.contains("(neu co)") || folded.startsWith("truong hop") || folded.startsWith("doi voi truong hop")
                        || folded.contains("trong truong hop") || folded.startsWith("(truong hop");
                documents.add(new RequiredDocument(name, originals, copies, !conditional, templates, false,
                        heading == null || heading.isBlank() ? null : heading, counted));
            }
            // text after the last count is the heading of the next table ("(1.2) Đối với công trình theo tuyến:", "* Lưu ý:")
            heading = caption(group.substring(from));
        }
        return new Parsed(documents, notes);
    }

    private static int number(Matcher m, String... groups) {
        for (String g : groups) {
            if (m.group(g) != null) {
                return Integer.parseInt(m.group(g));
            }
        }
        return 0;
    }

    private static @Nullable String caption(String text) {
        String c = text.strip().replaceAll("^-+$", "").replaceAll("[:\\s]+$", "").strip();
        c = MARK.matcher(c).replaceFirst("").strip();
        return c.isEmpty() ? null : c;
    }

    /**
     * A row is a note when it reads as a sentence about the procedure rather than the name of a document. Rows with a
     * count are documents unless they are plainly instructions; rows without one must name a document to be kept as one.
     */
    static boolean isNote(String text, boolean counted) {
        String folded = fold(text);
        String lower = text.toLowerCase(Locale.ROOT);
        boolean sentence = SENTENCE_MARKS.stream().anyMatch(lower::contains);
        boolean instruction = folded.startsWith("co quan") || folded.startsWith("nguoi tiep nhan") || folded.startsWith("luu y")
                || folded.startsWith("ghi chu") || folded.startsWith("phieu nay") || folded.startsWith("ca nhan co quyen") || folded.startsWith("nguoi uy quyen va");
        if (folded.matches("(khong quy dinh|do .* quy dinh)\\.?")) {
            return true; // the source says no document is prescribed ("Không quy định", "Do uỷ ban nhân dân cấp tỉnh quy định")
        }
        if (counted) {
            return instruction && sentence;
        }
        boolean namesADocument = DOCUMENT_WORDS.stream().anyMatch(folded::startsWith) && text.length() <= 400;
        return instruction || sentence || !namesADocument;
    }

    /** Where the form's file name begins in a row that ends with one ("…của Bộ Công an)Mẫu DC02 Phiếu….doc"), or -1. */
    static int templateStart(String text) {
        Matcher ext = EXTENSION.matcher(text);
        if (!ext.find()) {
            return -1;
        }
        for (int p = ext.start() - 1; p > 0; p--) {
            char c = text.charAt(p);
            char before = text.charAt(p - 1);
            boolean startsWord = Character.isUpperCase(c) || Character.isDigit(c);
            boolean gluedAfterPunctuation = ").;:]".indexOf(before) >= 0;
            boolean gluedAfterWord = Character.isLowerCase(before) && Character.isUpperCase(c);
            boolean capitalRun = Character.isUpperCase(before) && Character.isUpperCase(c) && p + 1 < text.length()
                    && Character.isLowerCase(text.charAt(p + 1));
            if (startsWord && (gluedAfterPunctuation || gluedAfterWord || capitalRun)) {
                return p;
            }
        }
        return 0;
    }

    static String fold(String text) {
        return Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('đ', 'd');
    }
}
