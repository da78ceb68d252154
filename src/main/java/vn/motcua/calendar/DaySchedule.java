package vn.motcua.calendar;

/** One working day's two periods in minutes after midnight, its cut-off and the rounding policy in force. */
record DaySchedule(int morningStart, int morningEnd, int afternoonStart, int afternoonEnd, int cutoff, RoundingPolicy rounding) {

    int minutes() {
        return (morningEnd - morningStart) + (afternoonEnd - afternoonStart);
    }

    /** Working minutes of this day that lie before {@code minute}. */
    int workedBefore(int minute) {
        return clamp(minute - morningStart, morningEnd - morningStart) + clamp(minute - afternoonStart, afternoonEnd - afternoonStart);
    }

    /** The clock minute at which {@code worked} working minutes of this day are done (0 < worked <= minutes()). */
    int clockAfter(int worked) {
        int morning = morningEnd - morningStart;
        return worked <= morning ? morningStart + worked : afternoonStart + (worked - morning);
    }

    /** The minute itself if inside a period (ends included), else the start of the next period; -1 when after hours. */
    int normalise(int minute) {
        if (minute < morningStart) {
            return morningStart;
        }
        if (minute <= morningEnd) {
            return minute;
        }
        if (minute < afternoonStart) {
            return afternoonStart;
        }
        return minute <= afternoonEnd ? minute : -1;
    }

    /** Like {@link #normalise} but a time after hours becomes the end of the day. */
    int clampInto(int minute) {
        int m = normalise(minute);
        return m < 0 ? afternoonEnd : m;
    }

    private static int clamp(int value, int max) {
        return Math.max(0, Math.min(value, max));
    }
}
