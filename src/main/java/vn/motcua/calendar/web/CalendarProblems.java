package vn.motcua.calendar.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.motcua.calendar.CalendarProblem;
import vn.motcua.platform.DomainProblem.InvalidParam;
import vn.motcua.platform.web.Problems;

import java.util.List;

/** The calendar API's refusals as problem details; Spring's own errors and real faults go to the platform's fallback. */
@RestControllerAdvice(assignableTypes = CalendarApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class CalendarProblems {

    @ExceptionHandler(CalendarProblem.class)
    ProblemDetail refused(CalendarProblem problem) {
        return Problems.of(problem);
    }

    /** A date that cannot exist (a lunar day the month lacks, a year past the calendar's range). */
    @ExceptionHandler(java.time.DateTimeException.class)
    ProblemDetail impossibleDate(java.time.DateTimeException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "calendar.invalid-date", "Ngày không hợp lệ: " + e.getMessage(),
                List.of(new InvalidParam("date", "không có ngày này")));
    }
}
