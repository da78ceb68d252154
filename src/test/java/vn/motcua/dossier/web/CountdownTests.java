package vn.motcua.dossier.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class CountdownTests {

    /**
     * A working day is the day's office hours: 480 minutes for 8 h, 450 for the default 07:30-11:30, 13:30-17:00; whole
     * units, never rounded up; within one working day is "due soon".
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            660    | 480 | còn 1 ngày 3 giờ làm việc | 1 day 3 hours of working time left | ON_TRACK
            660    | 450 | còn 1 ngày 3 giờ làm việc | 1 day 3 hours of working time left | ON_TRACK
            480    | 480 | còn 1 ngày làm việc       | 1 day of working time left         | DUE_SOON
            480    | 450 | còn 1 ngày làm việc       | 1 day of working time left         | ON_TRACK
            479    | 480 | còn 7 giờ làm việc        | 7 hours of working time left       | DUE_SOON
            45     | 450 | còn 45 phút làm việc      | 45 min of working time left        | DUE_SOON
            0      | 450 | đến hạn                   | due now                            | DUE_SOON
            -120   | 450 | quá hạn 2 giờ             | 2 hours overdue                    | OVERDUE
            -170   | 450 | quá hạn 2 giờ             | 2 hours overdue                    | OVERDUE
            -1     | 450 | quá hạn 1 phút            | 1 min overdue                      | OVERDUE
            -1500  | 480 | quá hạn 3 ngày 1 giờ      | 3 days 1 hour overdue              | OVERDUE
            -1500  | 450 | quá hạn 3 ngày 2 giờ      | 3 days 2 hours overdue             | OVERDUE
            6750   | 450 | còn 15 ngày làm việc      | 15 days of working time left       | ON_TRACK
            """)
    void countsWholeWorkingDaysAndHours(long minutes, int perDay, String vi, String en, Countdown.Urgency urgency) {
        assertThat(Countdown.words(minutes, perDay, Locale.forLanguageTag("vi"))).isEqualTo(vi);
        assertThat(Countdown.words(minutes, perDay, Locale.ENGLISH)).isEqualTo(en);
        assertThat(Countdown.urgency(minutes, perDay)).isEqualTo(urgency);
    }
}
