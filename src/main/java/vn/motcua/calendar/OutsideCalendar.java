package vn.motcua.calendar;

import org.springframework.http.HttpStatus;
import vn.motcua.platform.DomainProblem;

import java.time.LocalDate;
import java.util.List;

/** A date or a result beyond the years the working calendar covers. */
public class OutsideCalendar extends DomainProblem {

    OutsideCalendar(LocalDate date, LocalDate first, LocalDate last) {
        super("calendar.outside-range", HttpStatus.BAD_REQUEST,
                "Ngày " + date + " nằm ngoài lịch làm việc (" + first + " đến " + last + ").",
                List.of(new InvalidParam("date", "ngoài phạm vi lịch " + first.getYear() + "-" + last.getYear())));
    }
}
