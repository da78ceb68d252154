package vn.motcua.dossier.web;

import java.util.Locale;

/**
 * The time left before a due time, or past it, in working time as officials count it: a working day is the
 * agency's office hours of a day (7.5 h with the default 07:30-11:30, 13:30-17:00; the peers' DueDateUtils use 8 h),
 * shown in whole days and hours, in minutes under an hour; never rounded up, so the time left is never overstated.
 */
final class Countdown {

    private Countdown() {
    }

    /** How a queue row is coloured: late, due within one working day, or later. */
    enum Urgency { OVERDUE, DUE_SOON, ON_TRACK }

    static Urgency urgency(long workingMinutesLeft, int minutesPerDay) {
        if (workingMinutesLeft < 0) {
            return Urgency.OVERDUE;
        }
        return workingMinutesLeft <= minutesPerDay ? Urgency.DUE_SOON : Urgency.ON_TRACK;
    }

    /** "còn 1 ngày 3 giờ làm việc", "còn 45 phút làm việc", "đến hạn", "quá hạn 2 giờ" (English with {@code en}). */
    static String words(long workingMinutesLeft, int minutesPerDay, Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        long m = Math.abs(workingMinutesLeft);
        if (workingMinutesLeft == 0) {
            return en ? "due now" : "đến hạn";
        }
        long days = m / minutesPerDay;
        long hours = (m % minutesPerDay) / 60;
        long minutes = m % 60;
        String amount;
        if (days == 0 && hours == 0) {
            amount = en ? minutes + " min" : minutes + " phút";
        } else {
            var b = new StringBuilder();
            if (days > 0) {
                b.append(days).append(en ? (days == 1 ? " day" : " days") : " ngày");
            }
            if (hours > 0) {
                b.append(b.isEmpty() ? "" : " ").append(hours).append(en ? (hours == 1 ? " hour" : " hours") : " giờ");
            }
            amount = b.toString();
        }
        if (workingMinutesLeft > 0) {
            return en ? amount + " of working time left" : "còn " + amount + " làm việc";
        }
        return en ? amount + " overdue" : "quá hạn " + amount;
    }
}
