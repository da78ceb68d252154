package vn.motcua.platform.web;

import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import vn.motcua.platform.DomainProblem;
import vn.motcua.platform.DomainProblem.InvalidParam;

import java.util.List;

/**
 * The API's last line: Spring's own errors (missing parameter or header, type mismatch, unreadable body, upload
 * too large, wrong media type…) as problem details with a stable {@code code}, refusals a module's own advice did
 * not take, and real faults: logged once with their stack under a reference the answer carries. Modules answer
 * their refusals in their own {@code web/…Problems} advice, which Spring consults first.
 */
@RestControllerAdvice(annotations = ApiController.class)
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    private final UploadLimits limits;

    ApiProblems(UploadLimits limits) {
        this.limits = limits;
    }

    @ExceptionHandler(DomainProblem.class)
    ProblemDetail domain(DomainProblem problem) {
        return Problems.of(problem);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail invalidParameter(ConstraintViolationException e) {
        var params = e.getConstraintViolations().stream()
                .map(v -> new InvalidParam(v.getPropertyPath().toString(), v.getMessage()))
                .toList();
        return Problems.of(HttpStatus.BAD_REQUEST, "validation", "Tham số không hợp lệ.", params);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrentEdit(OptimisticLockingFailureException e) {
        return Problems.of(HttpStatus.CONFLICT, "concurrent-edit", "Bản ghi vừa được người khác sửa. Tải lại rồi sửa tiếp.");
    }

    @ExceptionHandler({PessimisticLockingFailureException.class, org.springframework.dao.DuplicateKeyException.class})
    ProblemDetail concurrentWrite(RuntimeException e) {
        return Problems.of(HttpStatus.CONFLICT, "concurrent-write",
                "Một yêu cầu khác đang ghi cùng dữ liệu này. Thử lại sau giây lát.");
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail brokenMultipart(MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException) {
            return tooLarge();
        }
        return Problems.of(HttpStatus.BAD_REQUEST, "unreadable-body", "Không đọc được nội dung multipart của yêu cầu.");
    }

    /** A signed-in caller outside their rights gets 403; an anonymous one goes back to Spring Security, which asks to sign in (401). */
    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        var caller = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || !caller.isAuthenticated()
                || caller instanceof org.springframework.security.authentication.AnonymousAuthenticationToken) {
            throw e;
        }
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Bạn không có quyền với dữ liệu này.");
    }

    @ExceptionHandler(org.springframework.security.core.AuthenticationException.class)
    void unauthenticated(RuntimeException e) {
        throw e;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail fault(Exception e) {
        String reference = Problems.newReference();
        log.error("Fault {} in an API request", reference, e);
        var body = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "Lỗi hệ thống; đã ghi nhật ký với mã tham chiếu " + reference + ". Báo mã này cho quản trị viên nếu lỗi lặp lại.");
        body.setProperty("reference", reference);
        return body;
    }

    /** Every answer of the base class gets our shape: a code, a Vietnamese detail, the fields at fault. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = switch (e) {
            case MissingRequestHeaderException m -> Problems.of(status, "missing-header", "Thiếu header " + m.getHeaderName() + ".",
                    List.of(new InvalidParam(m.getHeaderName(), "bắt buộc")));
            case MissingServletRequestParameterException m -> Problems.of(status, "validation", "Thiếu tham số " + m.getParameterName() + ".",
                    List.of(new InvalidParam(m.getParameterName(), "bắt buộc")));
            case MissingServletRequestPartException m -> Problems.of(status, "validation", "Thiếu phần " + m.getRequestPartName() + " của biểu mẫu.",
                    List.of(new InvalidParam(m.getRequestPartName(), "bắt buộc")));
            case TypeMismatchException m -> Problems.of(status, "validation", "Tham số " + name(m) + " không đúng kiểu.",
                    List.of(new InvalidParam(name(m), "giá trị không hợp lệ")));
            case MethodArgumentNotValidException m -> Problems.of(status, "validation", "Dữ liệu gửi lên không hợp lệ.",
                    m.getBindingResult().getFieldErrors().stream().map(f -> new InvalidParam(f.getField(), String.valueOf(f.getDefaultMessage()))).toList());
            case HandlerMethodValidationException m -> Problems.of(status, "validation", "Tham số không hợp lệ.",
                    m.getParameterValidationResults().stream().flatMap(r -> r.getResolvableErrors().stream().map(err -> new InvalidParam(
                            String.valueOf(r.getMethodParameter().getParameterName()), String.valueOf(err.getDefaultMessage())))).toList());
            case HttpMessageNotReadableException m -> unreadableField(m) instanceof InvalidParam field
                    ? Problems.of(status, "unreadable-body", "Nội dung không hợp lệ ở trường " + field.name() + ": " + field.reason() + ".", List.of(field))
                    : Problems.of(status, "unreadable-body", unreadable(m));
            case MaxUploadSizeExceededException m -> tooLarge();
            case HttpMediaTypeNotSupportedException m -> Problems.of(status, "unsupported-media-type",
                    "Kiểu nội dung không được hỗ trợ; dùng: " + m.getSupportedMediaTypes() + ".");
            case HttpMediaTypeNotAcceptableException m -> Problems.of(status, "not-acceptable", "Không có dạng trả lời phù hợp với Accept.");
            case HttpRequestMethodNotSupportedException m -> Problems.of(status, "method-not-allowed",
                    "Phương thức " + m.getMethod() + " không dùng được ở địa chỉ này.");
            case NoResourceFoundException m -> Problems.of(status, "not-found", "Không có địa chỉ này trong API.");
            default -> Problems.of(status, "http-" + status.value(), body instanceof ProblemDetail p && p.getDetail() != null
                    ? p.getDetail() : "Yêu cầu không hợp lệ.");
        };
        if (status.is5xxServerError()) {
            return ResponseEntity.status(status).headers(headers).body(fault(e));
        }
        return ResponseEntity.status(status).headers(headers).body(problem);
    }

    private ProblemDetail tooLarge() {
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large",
                "Tệp hoặc nội dung gửi lên quá lớn: tối đa " + limits.describeRequest() + ".");
    }

    private static String name(TypeMismatchException m) {
        return m.getPropertyName() != null ? m.getPropertyName() : "?";
    }

    /**
     * The field a body could not be read at, with what was wrong in words: a value outside an enumeration (with the
     * values allowed), text holding a control character, a value of the wrong type. Null when the body is not JSON.
     */
    private static @Nullable InvalidParam unreadableField(HttpMessageNotReadableException m) {
        if (!(m.getMostSpecificCause() instanceof tools.jackson.databind.exc.MismatchedInputException mismatch) || mismatch.getPath().isEmpty()) {
            return null;
        }
        var path = new StringBuilder();
        for (var ref : mismatch.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        Class<?> target = mismatch.getTargetType();
        String reason;
        if (mismatch instanceof tools.jackson.databind.exc.InvalidFormatException invalid && target != null && target.isEnum()) {
            reason = "giá trị \"" + shortened(String.valueOf(invalid.getValue())) + "\" không có; dùng một trong: "
                    + String.join(", ", java.util.Arrays.stream(target.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
        } else if (mismatch instanceof tools.jackson.databind.exc.InvalidFormatException invalid && target == String.class) {
            reason = invalid.getOriginalMessage(); // the control-character refusal of TextInput
        } else {
            reason = "sai kiểu dữ liệu" + (target == null ? "" : " (cần " + typeName(target) + ")");
        }
        return new InvalidParam(path.isEmpty() ? "?" : path.toString(), reason);
    }

    private static String shortened(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    private static String typeName(Class<?> type) {
        if (type == String.class) {
            return "văn bản";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == short.class) {
            return "số";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true hoặc false";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "ngày hoặc thời điểm";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "danh sách";
        }
        return "đối tượng";
    }

    private static String unreadable(HttpMessageNotReadableException m) {
        Throwable cause = m.getMostSpecificCause();
        return cause instanceof IllegalArgumentException && cause.getMessage() != null && cause.getMessage().length() < 300
                ? "Nội dung không hợp lệ: " + cause.getMessage()
                : "Không đọc được nội dung yêu cầu (JSON sai cú pháp, sai kiểu hoặc thiếu trường bắt buộc).";
    }
}
