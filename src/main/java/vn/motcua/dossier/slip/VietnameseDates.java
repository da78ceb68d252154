package vn.motcua.dossier.slip;

import vn.motcua.platform.TimeConfiguration;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Dates and times as they are written on administrative documents, in Vietnam's time.
 * <p>
 * Decree 30/2020/NĐ-CP Annex I (thể thức văn bản) writes the date as "ngày 05 tháng 02 năm 2026": a day below 10 and
 * the months 1 and 2 take a leading zero, other months do not ("ngày 12 tháng 3 năm 2027"), so that nobody can turn a
 * 1 into an 11 by hand. The decree says nothing about hours; we write them as people say them, the hour as it is and
 * the minutes in two digits ("8 giờ 05 phút", "15 giờ 30 phút"), which is how Form 01 fills its "… giờ … phút" blanks.
 */
public final class VietnameseDates {

    private VietnameseDates() {
    }

    /** "ngày 01 tháng 12 năm 2026". */
    public static String date(LocalDate date) {
        int month = date.getMonthValue();
        return "ngày %02d tháng %s năm %d".formatted(date.getDayOfMonth(), month <= 2 ? "0" + month : String.valueOf(month),
                date.getYear());
    }

    /** The day of {@code at} in Vietnam, as {@link #date(LocalDate)}. */
    public static String date(Instant at) {
        return date(LocalDate.ofInstant(at, TimeConfiguration.VIETNAM));
    }

    /** The document's place and date line: "Đà Lạt, ngày 01 tháng 12 năm 2026". */
    public static String placeAndDate(String place, Instant at) {
        return place + ", " + date(at);
    }

    /** A moment in words people read: "15 giờ 30 phút, ngày 12 tháng 3 năm 2027". */
    public static String timeAndDate(Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, TimeConfiguration.VIETNAM);
        return "%d giờ %02d phút, %s".formatted(local.getHour(), local.getMinute(), date(local.toLocalDate()));
    }

    /** "09 giờ 05, 01/12/2026": a hand-over time on Form 06, short enough for its table. */
    public static String shortTime(Instant at) {
        var t = LocalDateTime.ofInstant(at, TimeConfiguration.VIETNAM);
        return "%02d giờ %02d, %02d/%02d/%d".formatted(t.getHour(), t.getMinute(), t.getDayOfMonth(), t.getMonthValue(), t.getYear());
    }
}
