package vn.motcua.catalog;

import org.springframework.http.HttpStatus;
import vn.motcua.platform.DomainProblem;

import java.util.List;

/** Refusals of the catalog module. */
public class CatalogProblem extends DomainProblem {

    private CatalogProblem(String code, HttpStatus status, String message, List<InvalidParam> params) {
        super("catalog." + code, status, message, params);
    }

    static CatalogProblem notInForce(String code, java.time.LocalDate on) {
        return new CatalogProblem("procedure-not-in-force", HttpStatus.NOT_FOUND,
                "Thủ tục " + code + " không có phiên bản có hiệu lực ngày " + on + ".", List.of());
    }

    static CatalogProblem notFound(String code) {
        return new CatalogProblem("procedure-not-found", HttpStatus.NOT_FOUND, "Không có thủ tục mã " + code + ".", List.of());
    }

    static CatalogProblem invalidDecision(String reason, String item) {
        return new CatalogProblem("invalid-decision", HttpStatus.UNPROCESSABLE_CONTENT, reason, List.of(new InvalidParam(item, reason)));
    }

    static CatalogProblem notADraft(String decision) {
        return new CatalogProblem("decision-already-applied", HttpStatus.CONFLICT, "Quyết định " + decision
                + " đã được áp dụng: không sửa được nữa. Muốn thay đổi, soạn một quyết định sửa đổi, bổ sung.", List.of());
    }

    /** A second confirmation of the same draft: the first one applied it. */
    static CatalogProblem alreadyApplied(String decision, @org.jspecify.annotations.Nullable String by,
                                         java.time.@org.jspecify.annotations.Nullable Instant at) {
        String when = at == null ? "" : " lúc " + java.time.format.DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
                .withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).format(at);
        return new CatalogProblem("decision-already-applied", HttpStatus.CONFLICT, "Quyết định " + decision + " đã được áp dụng"
                + when + (by == null ? "" : " (" + by + ")") + "; không áp dụng lần nữa.", List.of(new InvalidParam("decision", "đã áp dụng")));
    }

    /** The draft or the catalog changed between the preview and its confirmation. */
    static CatalogProblem previewOutdated(String what) {
        return new CatalogProblem("preview-outdated", HttpStatus.CONFLICT, "Từ lúc xem trước, " + what
                + " hoặc danh mục thủ tục đã thay đổi (có thể do cán bộ khác). Chưa áp dụng gì: xem lại thay đổi rồi xác nhận lại.",
                List.of(new InvalidParam("digest", "bản xem trước đã cũ")));
    }

    static CatalogProblem stagedImportGone() {
        return new CatalogProblem("staged-import-gone", HttpStatus.CONFLICT,
                "Tệp đang chờ xác nhận không còn (đã nhập, đã huỷ, hoặc quá một ngày). Chưa nhập gì: tải tệp lên lại.",
                List.of(new InvalidParam("file", "tải lên lại")));
    }

    static CatalogProblem decisionNotFound(Object id) {
        return new CatalogProblem("decision-not-found", HttpStatus.NOT_FOUND, "Không có quyết định " + id + ".", List.of());
    }

    /** No approved internal process applies to the procedure (and agency) on that day. */
    public static CatalogProblem noInternalProcess(String code) {
        return new CatalogProblem("no-internal-process", HttpStatus.NOT_FOUND,
                "Thủ tục " + code + " chưa có quy trình nội bộ được phê duyệt cho ngày và cơ quan này.", List.of());
    }

    static CatalogProblem queryTooLong(int words, int chars) {
        return new CatalogProblem("query-too-long", HttpStatus.BAD_REQUEST, "Câu tìm kiếm quá dài: tối đa " + words + " từ, " + chars
                + " ký tự. Gõ vài từ chính của tên thủ tục, hoặc mã thủ tục.", List.of(new InvalidParam("q", "tối đa " + words + " từ")));
    }

    static CatalogProblem pageTooFar(int maxOffset) {
        return new CatalogProblem("page-too-far", HttpStatus.BAD_REQUEST, "Chỉ xem được " + maxOffset
                + " kết quả đầu tiên; thêm từ tìm kiếm hoặc bộ lọc để thu hẹp.", List.of(new InvalidParam("offset", "tối đa " + maxOffset)));
    }

    static CatalogProblem tooLarge(long megabytes) {
        return new CatalogProblem("file-too-large", HttpStatus.CONTENT_TOO_LARGE, "Tệp giải nén ra quá " + megabytes
                + " MB (giới hạn motcua.uploads.catalog-expanded): tệp danh mục quốc gia đầy đủ chỉ khoảng 20 MB.",
                List.of(new InvalidParam("file", "quá " + megabytes + " MB khi giải nén")));
    }

    /** No agency has this id or electronic ID (today). */
    public static CatalogProblem unknownAgency(String agency) {
        return new CatalogProblem("unknown-agency", HttpStatus.UNPROCESSABLE_CONTENT, "Không có cơ quan " + agency + ".",
                List.of(new InvalidParam("agency", "không có cơ quan này")));
    }

    /** Rows of an import that cannot be read: the whole file is refused (422), every such row named. */
    static CatalogProblem malformedRows(List<CatalogImportReport.Line> rows) {
        var shown = rows.stream().limit(CatalogImports.MAX_REPORT_LINES)
                .map(r -> new InvalidParam("dòng " + r.row(), (r.code().isBlank() ? "" : r.code() + ": ") + r.reason())).toList();
        return new CatalogProblem("malformed-rows", HttpStatus.UNPROCESSABLE_CONTENT,
                "Tệp có " + rows.size() + " dòng không đọc được; không thủ tục nào được nhập. Sửa các dòng dưới đây rồi gửi lại.", shown);
    }

    static CatalogProblem unreadableFile(String reason) {
        return new CatalogProblem("unreadable-file", HttpStatus.BAD_REQUEST, "Không đọc được tệp: " + reason,
                List.of(new InvalidParam("file", reason)));
    }
}
