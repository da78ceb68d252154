package vn.motcua.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import vn.motcua.platform.DomainProblem;

import java.io.IOException;

/**
 * The pages' last line: a refusal no page handled, or a bad or missing parameter, becomes the error page with its
 * status and a Vietnamese message saying what happened and what to do; a real fault is logged once with its stack
 * and the page shows the reference. The page itself is drawn by {@link ErrorPage}, so errors raised before any
 * controller (unknown address, body too large) look the same.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblems {

    private static final Logger log = LoggerFactory.getLogger(PageProblems.class);

    private final UploadLimits limits;

    PageProblems(UploadLimits limits) {
        this.limits = limits;
    }

    @ExceptionHandler(DomainProblem.class)
    ModelAndView refused(DomainProblem problem, HttpServletRequest request, HttpServletResponse response) throws IOException {
        return show(request, response, problem.status().value(), problem.getMessage(), null);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, TypeMismatchException.class, BindException.class,
            HandlerMethodValidationException.class, ServletRequestBindingException.class})
    ModelAndView badInput(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        return show(request, response, 400, null, null);
    }

    @ExceptionHandler(MultipartException.class)
    ModelAndView badUpload(MultipartException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (e instanceof MaxUploadSizeExceededException) {
            return show(request, response, 413, "Tệp gửi lên quá lớn: tối đa " + limits.describeRequest() + ".", null);
        }
        return show(request, response, 400, null, null);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ModelAndView concurrentEdit(OptimisticLockingFailureException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        return show(request, response, 409, "Bản ghi vừa được người khác sửa. Tải lại trang rồi sửa tiếp.", null);
    }

    /** Spring Security turns these into a redirect to the login page or a 403. */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void denied(RuntimeException e) {
        throw e;
    }

    @ExceptionHandler(Exception.class)
    ModelAndView fault(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (e instanceof ErrorResponse spring && !spring.getStatusCode().is5xxServerError()) {
            return show(request, response, spring.getStatusCode().value(), null, null);
        }
        String reference = Problems.newReference();
        log.error("Fault {} on page {}", reference, request.getRequestURI(), e);
        return show(request, response, HttpStatus.INTERNAL_SERVER_ERROR.value(), null, reference);
    }

    private static ModelAndView show(HttpServletRequest request, HttpServletResponse response, int status, String detail, String reference)
            throws IOException {
        request.setAttribute(Problems.PAGE_PROBLEM, new Problems.PageProblem(status, detail, reference));
        response.sendError(status);
        return new ModelAndView();
    }
}
