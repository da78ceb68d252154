package vn.motcua.oversight;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Indicator 2.1's on-time rule (vn-rules §7.3) on cases worked by hand, for the period March 2026 (Vietnam time).
 * Times are local (UTC+7); an empty cell is "none".
 */
class OnTimeRuleTests {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final Instant MARCH = at("2026-03-01T00:00");
    static final Instant APRIL = at("2026-04-01T00:00");

    @ParameterizedTest(name = "{8}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-03-02T07:30 | 2026-03-09T07:30 | false | 0 |                  |                  | 2026-03-06T10:00 | RESOLVED_EARLY      | finished three days before the appointment
            2026-03-02T07:30 | 2026-03-09T07:30 | false | 0 |                  |                  | 2026-03-09T07:00 | RESOLVED_ON_TIME    | finished on the appointment's day, before its hour
            2026-03-02T07:30 | 2026-03-09T07:30 | false | 0 |                  |                  | 2026-03-09T07:30 | RESOLVED_ON_TIME    | finished at the appointment exactly
            2026-03-02T07:30 | 2026-03-09T07:30 | false | 0 |                  |                  | 2026-03-09T08:00 | RESOLVED_LATE       | half an hour after the appointment
            2026-03-02T07:30 | 2026-03-09T07:30 | true  | 0 |                  |                  | 2026-03-12T10:00 | RESOLVED_LATE       | extended to 16/03 and finished within it: still late against the original
            2026-03-02T07:30 | 2026-03-09T07:30 | false | 1 | 2026-03-04T09:00 | 2026-03-06T09:00 | 2026-03-10T10:00 | RESOLVED_EARLY      | 48 h of supplement subtracted: effective end 08/03 10:00
            2026-03-02T07:30 | 2026-03-09T07:30 | false | 1 | 2026-03-04T09:00 | 2026-03-06T09:00 | 2026-03-11T07:00 | RESOLVED_ON_TIME    | effective end 09/03 07:00
            2026-03-02T07:30 | 2026-03-09T07:30 | false | 1 | 2026-03-04T09:00 | 2026-03-06T09:00 | 2026-03-11T10:00 | RESOLVED_LATE       | effective end 09/03 10:00
            2026-03-02T07:30 | 2026-03-09T07:30 | false | 2 | 2026-03-04T09:00 | 2026-03-04T15:00 | 2026-03-05T10:00 | RESOLVED_LATE       | a second supplement request counts as late
            2026-03-02T07:30 | 2026-03-20T07:30 | false | 0 |                  |                  |                  | IN_PROGRESS_OVERDUE | still open at the period's end, appointment passed
            2026-03-02T07:30 | 2026-04-10T07:30 | false | 0 |                  |                  |                  | IN_PROGRESS_ON_TIME | still open, appointment after the period
            2026-03-02T07:30 | 2026-03-30T07:30 | false | 1 | 2026-03-25T00:00 |                  |                  | IN_PROGRESS_ON_TIME | waiting for the applicant since 25/03: 7 days not counted, judged as of 25/03
            2026-03-02T07:30 | 2026-03-20T07:30 | false | 0 |                  |                  | 2026-04-03T10:00 | IN_PROGRESS_OVERDUE | finished after the period: judged open at its end
            2026-04-02T07:30 | 2026-04-09T07:30 | false | 0 |                  |                  |                  | OUT_OF_PERIOD       | received after the period
            2026-02-02T07:30 | 2026-02-09T07:30 | false | 0 |                  |                  | 2026-02-27T10:00 | OUT_OF_PERIOD       | finished before the period
            2026-02-23T07:30 | 2026-03-05T07:30 | false | 0 |                  |                  | 2026-03-03T10:00 | RESOLVED_EARLY      | carried over from February, finished early in March
            2026-03-02T07:30 |                  | false | 0 |                  |                  | 2026-03-25T10:00 | RESOLVED_ON_TIME    | no time limit stated: on time
            2026-03-02T07:30 |                  | false | 0 |                  |                  |                  | IN_PROGRESS_ON_TIME | no time limit stated, still open
            """)
    void judgedAsTheIndexJudgesIt(String received, String due, boolean extended, int supplements, String requested, String back,
                                  String ended, OnTimeRule.Judgement expected, String why) {
        var fact = new DossierFact("H36.10-260302-0001", at(received), at(due), extended, supplements, at(requested), at(back), at(ended),
                ended == null ? null : DossierFact.End.RESOLVED);
        assertThat(OnTimeRule.judge(fact, MARCH, APRIL)).as(why).isEqualTo(expected);
    }

    static Instant at(String local) {
        return local == null ? null : LocalDateTime.parse(local).atZone(VIETNAM).toInstant();
    }
}
