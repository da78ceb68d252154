package vn.motcua.platform.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import vn.motcua.platform.DomainProblem;
import vn.motcua.platform.DomainProblem.InvalidParam;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * RFC 9457 problem details as every module answers them: a stable {@code type} and machine {@code code}, the
 * Vietnamese {@code detail}, and {@code invalidParams} naming the fields at fault. Each module's web advice
 * builds its answers here so that they all look alike.
 */
public final class Problems {

    public static final String TYPE_BASE = "https://motcua.vn/problems/";
    /** Request attribute carrying a refusal from a page handler to the error page. */
    public static final String PAGE_PROBLEM = Problems.class.getName() + ".page";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        return of(status, code, detail, List.of());
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail, List<InvalidParam> params) {
        var body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_BASE + code));
        body.setTitle(title(status.value()));
        body.setProperty("code", code);
        if (!params.isEmpty()) {
            body.setProperty("invalidParams", params);
        }
        return body;
    }

    /**
     * The problem's {@code title}: what the status means, in Vietnamese like the {@code detail} beside it (RFC 9457
     * §3.1.4 lets the title be localised; clients decide by {@code status} and {@code code}, never by the title).
     */
    public static String title(int status) {
        return switch (status) {
            case 400 -> "Yêu cầu không hợp lệ";
            case 401 -> "Chưa đăng nhập";
            case 403 -> "Không có quyền";
            case 404 -> "Không tìm thấy";
            case 405 -> "Phương thức không được hỗ trợ";
            case 406 -> "Không có dạng trả lời phù hợp";
            case 409 -> "Xung đột với trạng thái hiện tại";
            case 410 -> "Không còn nữa";
            case 412 -> "Điều kiện không còn đúng";
            case 413 -> "Dữ liệu quá lớn";
            case 415 -> "Định dạng không được hỗ trợ";
            case 422 -> "Không xử lý được nội dung";
            case 428 -> "Thiếu điều kiện của yêu cầu";
            case 429 -> "Quá nhiều yêu cầu";
            case 500 -> "Lỗi hệ thống";
            case 503 -> "Hệ thống tạm ngừng phục vụ";
            default -> {
                var known = HttpStatus.resolve(status);
                yield known == null ? "HTTP " + status : status >= 500 ? "Lỗi hệ thống" : "Yêu cầu không thực hiện được";
            }
        };
    }

    public static ProblemDetail of(DomainProblem problem) {
        return of(problem.status(), problem.code(), problem.getMessage(), problem.invalidParams());
    }

    /** A short id for one fault, logged with its stack and shown to the user so the two can be matched. */
    public static String newReference() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }

    /** What the error page says about a refusal: its status, its message (null: the page's own text) and a fault reference. */
    public record PageProblem(int status, @Nullable String detail, @Nullable String reference) {
    }

    /** Request attribute carrying a {@link Refusal} from the security filter to the error page. */
    public static final String REFUSAL = Problems.class.getName() + ".refusal";

    /**
     * A page refused for want of a role: which page (an {@code AdminPage} constant), the roles that open it, the roles
     * the user holds, and whether the user tried to change something (reading may be allowed).
     */
    public record Refusal(String page, List<String> needed, List<String> held, boolean change) {

        /** Message keys of the needed roles, for the page to name them in the reader's language. */
        public List<String> neededKeys() {
            return needed.stream().map(r -> "role." + r).toList();
        }

        public List<String> heldKeys() {
            return held.stream().map(r -> "role." + r).toList();
        }
    }
}
