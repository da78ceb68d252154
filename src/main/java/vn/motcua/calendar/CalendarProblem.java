package vn.motcua.calendar;

import org.springframework.http.HttpStatus;
import vn.motcua.platform.DomainProblem;

import java.time.LocalDate;
import java.util.List;

/** Refusals of the calendar module. */
public class CalendarProblem extends DomainProblem {

    private CalendarProblem(String code, HttpStatus status, String message, List<InvalidParam> params) {
        super("calendar." + code, status, message, params);
    }

    static CalendarProblem invalidRange(LocalDate from, LocalDate to, int maxDays) {
        return new CalendarProblem("invalid-range", HttpStatus.BAD_REQUEST,
                "Khoảng ngày " + from + " đến " + to + " không hợp lệ (to phải từ from trở đi, tối đa " + maxDays + " ngày).",
                List.of(new InvalidParam("to", "phải từ 'from' trở đi, tối đa " + maxDays + " ngày")));
    }

    static CalendarProblem noAnnouncement(int year) {
        return new CalendarProblem("no-announcement", HttpStatus.NOT_FOUND,
                "Chưa có thông báo lịch nghỉ năm " + year + "; lịch năm đó đang tính theo Bộ luật Lao động.", List.of());
    }

    static CalendarProblem yearOutOfRange(int year) {
        return new CalendarProblem("outside-range", HttpStatus.BAD_REQUEST, "Năm " + year + " nằm ngoài lịch làm việc ("
                + WorkingCalendar.FIRST_DAY.getYear() + "-" + WorkingCalendar.LAST_DAY.getYear() + ").",
                List.of(new InvalidParam("year", "ngoài phạm vi")));
    }

    /** The year's list changed between the preview and its confirmation. */
    static CalendarProblem previewOutdated(int year) {
        return new CalendarProblem("preview-outdated", HttpStatus.CONFLICT, "Lịch năm " + year
                + " đã thay đổi từ lúc xem trước (có thể do cán bộ khác). Chưa thay đổi gì: xem lại thay đổi rồi xác nhận lại.",
                List.of(new InvalidParam("digest", "bản xem trước đã cũ")));
    }

    static CalendarProblem invalidLocalEdit(List<InvalidParam> problems) {
        return new CalendarProblem("invalid-local-edit", HttpStatus.BAD_REQUEST,
                "Điều chỉnh lịch chưa đủ thông tin (" + problems.size() + " mục); chưa thay đổi gì.", problems);
    }

    /** No agency has this electronic ID. */
    public static CalendarProblem unknownAgency(String electronicId) {
        return new CalendarProblem("unknown-agency", HttpStatus.BAD_REQUEST, "Không có cơ quan mã " + electronicId + ".",
                List.of(new InvalidParam("agency", "không có cơ quan mã này")));
    }

    /** The lunar calendar is computed for 1900-2199 only. */
    static CalendarProblem lunarOutOfRange(int year) {
        return new CalendarProblem("outside-range", HttpStatus.BAD_REQUEST, "Âm lịch chỉ tính cho 1900-2199, không có năm " + year + ".",
                List.of(new InvalidParam("year", "ngoài 1900-2199")));
    }

    /** A lunar day, or leap month, that the year does not have. */
    public static CalendarProblem noSuchLunarDay(LunarDate day) {
        return new CalendarProblem("no-such-lunar-day", HttpStatus.NOT_FOUND, "Không có ngày " + day.day() + "/" + day.month()
                + (day.leapMonth() ? " nhuận" : "") + " năm " + day.year() + " âm lịch.", List.of());
    }
}
