package vn.motcua.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;

/**
 * Every error the container routes to {@code /error}: under {@code /api/} a problem detail with a stable code,
 * elsewhere the Vietnamese error page (404 offers the catalog, 400 and 413 say what to send instead). A fault
 * that reached here without a reference (thrown in a filter) is logged once, with its stack.
 */
@Controller
class ErrorPage implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPage.class);

    private final UploadLimits limits;

    ErrorPage(UploadLimits limits) {
        this.limits = limits;
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        var page = describe(request);
        var status = HttpStatus.valueOf(page.status());
        var body = Problems.of(status, code(page.status()), page.detail() != null ? page.detail() : defaultDetail(page.status()));
        if (page.reference() != null) {
            body.setProperty("reference", page.reference());
        }
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
            body.setInstance(java.net.URI.create(uri.replace(" ", "%20")));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    @RequestMapping(path = "/error", produces = MediaType.TEXT_HTML_VALUE)
    Object page(HttpServletRequest request) {
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        if (uri.startsWith(request.getContextPath() + "/api/") || uri.startsWith(request.getContextPath() + "/actuator/")) {
            return problem(request);
        }
        var page = describe(request);
        var view = new ModelAndView("error", Map.of("status", page.status(), "problem", page), HttpStatus.valueOf(page.status()));
        if (page.status() == 403 && request.getAttribute(Problems.REFUSAL) instanceof Problems.Refusal refusal) {
            view.addObject("refusal", refusal);
        }
        return view;
    }

    private Problems.PageProblem describe(HttpServletRequest request) {
        if (request.getAttribute(Problems.PAGE_PROBLEM) instanceof Problems.PageProblem known) {
            return known;
        }
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        if (HttpStatus.resolve(status) == null) {
            status = 500;
        }
        String reference = null;
        if (status >= 500) {
            reference = Problems.newReference();
            if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable fault) {
                log.error("Fault {} at {}", reference, request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), fault);
            } else {
                log.error("Fault {} at {}: status {}", reference, request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), status);
            }
        }
        String detail = status == 413 ? "Nội dung gửi lên quá lớn: tối đa " + limits.describeRequest() + "." : null;
        return new Problems.PageProblem(status, detail, reference);
    }

    private static String code(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "too-large";
            case 429 -> "too-many-requests";
            default -> status >= 500 ? "internal" : "http-" + status;
        };
    }

    private static String defaultDetail(int status) {
        return switch (status) {
            case 400 -> "Yêu cầu không hợp lệ (địa chỉ, tham số hoặc mã hoá ký tự sai).";
            case 404 -> "Không có địa chỉ này.";
            case 405 -> "Phương thức này không dùng được ở địa chỉ này.";
            default -> status >= 500 ? "Lỗi hệ thống; đã ghi nhật ký." : "Yêu cầu không thực hiện được.";
        };
    }
}
