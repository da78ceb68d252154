package vn.motcua.organization.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.motcua.organization.OrganizationProblem;
import vn.motcua.organization.InvalidElectronicId;
import vn.motcua.platform.DomainProblem;
import vn.motcua.platform.DomainProblem.InvalidParam;
import vn.motcua.platform.web.Problems;

import java.util.List;

/** The organization API's refusals as problem details; Spring's own errors and real faults go to the platform's fallback. */
@RestControllerAdvice(assignableTypes = {AgencyApi.class, StaffApi.class})
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class OrganizationProblems {

    @ExceptionHandler({OrganizationProblem.class, InvalidElectronicId.class, Versions.BadVersion.class})
    ProblemDetail refused(DomainProblem problem) {
        return Problems.of(problem);
    }

    /** An edit must say which version it revises (RFC 6585: 428 Precondition Required). */
    @ExceptionHandler(MissingRequestHeaderException.class)
    ProblemDetail missingHeader(MissingRequestHeaderException e) {
        if (HttpHeaders.IF_MATCH.equalsIgnoreCase(e.getHeaderName())) {
            return Problems.of(HttpStatus.PRECONDITION_REQUIRED, "organization.version-required",
                    "Gửi If-Match với phiên bản (ETag) đã đọc, để hai người sửa cùng lúc không ghi đè nhau.",
                    List.of(new InvalidParam("If-Match", "bắt buộc")));
        }
        return Problems.of(HttpStatus.BAD_REQUEST, "missing-header", "Thiếu header " + e.getHeaderName() + ".",
                List.of(new InvalidParam(e.getHeaderName(), "bắt buộc")));
    }

    /** Two identical imports at once: the second meets the first's rows. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail concurrentImport(DataIntegrityViolationException e) {
        return Problems.of(HttpStatus.CONFLICT, "organization.concurrent-change",
                "Một thao tác khác vừa ghi cùng cơ quan hoặc cán bộ này. Tải lại rồi thử lại; nhập cùng tệp lần nữa không thay đổi gì.");
    }
}
