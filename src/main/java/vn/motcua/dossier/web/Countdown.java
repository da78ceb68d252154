package vn.motcua.dossier.web;

import java.util.Locale;

/**
 * The time left before a due time, or past it, in working time as officials count it: a working day is 8 working
 * hours (Decree 61/2018 counts time limits in working days of the agency's office hours; the peers' DueDateUtils use
 * 8 h a day), shown in whole days and hours, in minutes under an hour; never rounded up, so the time left is never
 * overstated and the time late never understated by more than the unit shown.
 */
final class Countdown {

    static final int MINUTES_PER_WORKING_DAY = 8 * 60;

    private Countdown() {
    }

    /** How a queue row is coloured: late, due within one working day, or later. */
    enum Urgency { OVERDUE, DUE_SOON, ON_TRACK }

    static Urgency urgency(long workingMinutesLeft) {
        if (workingMinutesLeft < 0) {
            return Urgency.OVERDUE;
        }
        return workingMinutesLeft <= MINUTES_PER_WORKING_DAY ? Urgency.DUE_SOON : Urgency.ON_TRACK;
    }

    /** "còn 1 ngày 3 giờ làm việc", "còn 45 phút làm việc", "đến hạn", "quá hạn 2 giờ" (English with {@code en}). */
    static String words(long workingMinutesLeft, Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        long m = Math.abs(workingMinutesLeft);
        if (workingMinutesLeft == 0) {
            return en ? "due now" : "đến hạn";
        }
        long days = m / MINUTES_PER_WORKING_DAY;
        long hours = (m % MINUTES_PER_WORKING_DAY) / 60;
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
