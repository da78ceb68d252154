package vn.motcua.platform.web;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import vn.motcua.platform.DomainProblem;
import vn.motcua.platform.DomainProblem.InvalidParam;

import java.net.URI;
import java.util.List;

/**
 * Turns every refusal of an API request into RFC 9457 problem details with a stable {@code code}
 * and, for validation, {@code invalidParams}. A stack trace never reaches a client.
 */
@RestControllerAdvice(annotations = ApiController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    static final String TYPE_BASE = "https://motcua.vn/problems/";

    @ExceptionHandler(DomainProblem.class)
    ProblemDetail domain(DomainProblem problem) {
        return problem(problem.status(), problem.code(), problem.getMessage(), problem.invalidParams());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        var params = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new InvalidParam(f.getField(), f.getDefaultMessage()))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "validation", "Dữ liệu gửi lên không hợp lệ.", params);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail invalidParameter(ConstraintViolationException e) {
        var params = e.getConstraintViolations().stream()
                .map(v -> new InvalidParam(v.getPropertyPath().toString(), v.getMessage()))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "validation", "Tham số không hợp lệ.", params);
    }

    @ExceptionHandler(org.springframework.web.method.annotation.HandlerMethodValidationException.class)
    ProblemDetail invalidArguments(org.springframework.web.method.annotation.HandlerMethodValidationException e) {
        var params = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new InvalidParam(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "validation", "Tham số không hợp lệ.", params);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ProblemDetail badParameter(Exception e) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : ((MissingServletRequestParameterException) e).getParameterName();
        return problem(HttpStatus.BAD_REQUEST, "validation", "Tham số không hợp lệ: " + name,
                List.of(new InvalidParam(name, e.getMessage())));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        String detail = cause instanceof IllegalArgumentException && cause.getMessage() != null
                ? "Nội dung không hợp lệ: " + cause.getMessage()
                : "Không đọc được nội dung yêu cầu (JSON sai cú pháp hoặc sai kiểu).";
        return problem(HttpStatus.BAD_REQUEST, "unreadable-body", detail, List.of());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrentEdit(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-edit",
                "Bản ghi vừa được người khác sửa. Tải lại rồi sửa tiếp.", List.of());
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ProblemDetail denied(org.springframework.security.access.AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Bạn không có quyền với dữ liệu này.", List.of());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error in an API request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Lỗi hệ thống; đã ghi nhật ký để xử lý.", List.of());
    }

    static ProblemDetail problem(HttpStatus status, String code, String detail, List<InvalidParam> params) {
        var body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_BASE + code));
        body.setTitle(status.getReasonPhrase());
        body.setProperty("code", code);
        if (!params.isEmpty()) {
            body.setProperty("invalidParams", params);
        }
        if (status.is5xxServerError()) {
            log.error("API request failed: {}", detail);
        }
        return body;
    }
}
