package vn.motcua.catalog.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.motcua.catalog.CatalogProblem;
import vn.motcua.platform.web.Problems;

/** The catalog API's refusals as problem details; Spring's own errors and real faults go to the platform's fallback. */
@RestControllerAdvice(assignableTypes = ProcedureApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class CatalogProblems {

    @ExceptionHandler(CatalogProblem.class)
    ProblemDetail refused(CatalogProblem problem) {
        return Problems.of(problem);
    }

    /** Two imports or decisions writing the same procedure at once: the later one is refused, nothing half-written. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail concurrentChange(DataIntegrityViolationException e) {
        return Problems.of(HttpStatus.CONFLICT, "catalog.concurrent-change",
                "Một thao tác khác vừa ghi cùng thủ tục hoặc quyết định này. Thử lại; nhập cùng tệp lần nữa không thay đổi gì.");
    }
}
