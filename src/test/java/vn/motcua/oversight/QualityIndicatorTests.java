package vn.motcua.oversight;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.IntegrationTest;
import vn.motcua.dossier.DossierRated;
import vn.motcua.organization.AgencyDirectory;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.oversight.OversightApiTests.MAP;
import static vn.motcua.oversight.OversightApiTests.indicator;

/**
 * Indicators 2.2 (average time taken against the legal time) and 5.4 (satisfaction: 100 % − (late % + dissatisfied %),
 * vn-rules §7.3) on five dossiers of the Department of Justice in March 2024, worked by hand:
 * <pre>
 *  A received 04/03 08:00, due 14/03 08:00, resolved 09/03 08:00        taken 7,200 of 14,400 min; rated 2/5 on 10/03
 *  B received 05/03 08:00, due 07/03 08:00, supplement 06/03→07/03,
 *    resolved 08/03 08:00                                              taken 3 d − 1 d = 2,880 of 2,880 min; on time; rated 4/5
 *  C received 20/03 08:00, due 22/03 08:00, open at the period's end   late
 *  D received 10/03 08:00, due 20/03 08:00, stopped 12/03              not timed (no result), on time
 *  E received 11/03 08:00, no time limit, resolved 13/03               not timed; rated 1/5 on 02/04, after the period
 *  2.2 = (7,200 + 2,880) / (14,400 + 2,880) = 10,080 / 17,280 = 0.5833
 *  5.4 = (5 − 1 late − 1 dissatisfied) / 5 = 0.6 → 0.6 × 6 / 0.9 = 4.00 points
 * </pre>
 */
class QualityIndicatorTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AgencyDirectory agencies;
    @Autowired
    RatingFacts ratings;

    @Test
    void averageTimeAndSatisfactionAreWhatTheDigestsFormulasGive() {
        var justice = agencies.findByElectronicId("H36.10").orElseThrow().id();
        String run = fresh();
        fact(run + "A", justice, "2024-03-04T08:00", "2024-03-14T08:00", null, null, 0, "2024-03-09T08:00", "RESOLVED");
        fact(run + "B", justice, "2024-03-05T08:00", "2024-03-07T08:00", "2024-03-06T08:00", "2024-03-07T08:00", 1, "2024-03-08T08:00", "RESOLVED");
        fact(run + "C", justice, "2024-03-20T08:00", "2024-03-22T08:00", null, null, 0, "2024-04-10T08:00", "RESOLVED"); // open at March's end
        fact(run + "D", justice, "2024-03-10T08:00", "2024-03-20T08:00", null, null, 0, "2024-03-12T08:00", "STOPPED");
        fact(run + "E", justice, "2024-03-11T08:00", null, null, null, 0, "2024-03-13T08:00", "RESOLVED");
        rate(run + "A", justice, 2, "2024-03-10T09:00");
        rate(run + "B", justice, 4, "2024-03-09T09:00");
        rate(run + "E", justice, 1, "2024-04-02T09:00");
        rate(run + "E", justice, 5, "2024-03-14T09:00"); // a second rating of a dossier changes nothing

        var index = as("gd.stp").get().uri("/api/v1/oversight/index766?agency=H36.10&period=2024-03").retrieve().toEntity(MAP).getBody();
        var time = indicator(index, "2.2");
        assertThat(time).containsEntry("status", "SCORED").containsEntry("numerator", 10_080).containsEntry("denominator", 17_280);
        assertThat(new BigDecimal(time.get("ratio").toString())).isEqualByComparingTo("0.5833");
        var satisfaction = indicator(index, "5.4");
        assertThat(satisfaction).containsEntry("status", "SCORED").containsEntry("numerator", 3).containsEntry("denominator", 5);
        assertThat(new BigDecimal(satisfaction.get("ratio").toString())).isEqualByComparingTo("0.6000");
        assertThat(new BigDecimal(satisfaction.get("score").toString())).isEqualByComparingTo("4.00");

        // the drill-down lists exactly the dossiers behind each number
        assertThat(codes("late")).containsExactly("TEST-" + run + "C");
        assertThat(codes("dissatisfied")).containsExactly("TEST-" + run + "A");
        assertThat(codes("timed")).containsExactly("TEST-" + run + "B", "TEST-" + run + "A");
        assertThat(codes("received")).hasSize(5);
    }

    @Test
    void aMonthWithoutResolvedDossiersHasNoAverageTime() {
        var index = as("gd.stp").get().uri("/api/v1/oversight/index766?agency=H36.10&period=2023-01").retrieve().toEntity(MAP).getBody();
        assertThat(indicator(index, "2.2")).containsEntry("status", "NOT_APPLICABLE");
        assertThat(indicator(index, "5.4")).containsEntry("status", "NOT_APPLICABLE");
    }

    @ParameterizedTest(name = "overall {0} → dissatisfied {1}")
    @CsvSource(value = {"1, true", "2, true", "3, false", "4, false", "5, false", "NULL, false"}, nullValues = "NULL")
    void onlyAnOverallAnswerBelowNeutralIsDissatisfied(Integer overall, boolean dissatisfied) {
        var rated = new DossierRated("X", "3.000334", UUID.randomUUID(), UUID.randomUUID(), "QR", null, null, null, overall, List.of(),
                java.time.Instant.EPOCH);
        assertThat(RatingFacts.dissatisfied(rated)).isEqualTo(dissatisfied);
    }

    @SuppressWarnings("unchecked")
    List<String> codes(String measure) {
        var list = as("gd.stp").get().uri("/api/v1/oversight/dossiers?agency=H36.10&period=2024-03&measure={m}", measure)
                .retrieve().toEntity(MAP).getBody();
        var rows = (List<Map<String, Object>>) list.get("rows");
        assertThat(((Number) list.get("total")).longValue()).isEqualTo(rows.size());
        return rows.stream().map(r -> (String) r.get("code")).filter(c -> c.startsWith("TEST-")).toList();
    }

    void rate(String code, UUID agency, int overall, String at) {
        ratings.on(new DossierRated("TEST-" + code, "3.000334", agency, agency, "QR", "tn.ttpvhcc", "tn.ttpvhcc", null, overall,
                List.of(new DossierRated.Answer("OVERALL", overall)), LocalDateTime.parse(at).atZone(Facts.VIETNAM).toInstant()));
    }

    void fact(String code, UUID agency, String received, String due, String requested, String back, int supplements, String ended, String end) {
        jdbc.sql("""
                        insert into oversight.dossier_fact (code, receiving_agency_id, handling_agency_id, procedure_code, channel, state,
                            national_status, received_at, original_due_at, due_at, supplement_count, supplement_requested_at,
                            supplement_received_at, ended_at, end_kind, last_event_at)
                        values (:code, :agency, :agency, '3.000334', 'DIRECT', :state, 4, :received, :due, :due, :supplements, :requested,
                            :back, :ended, :end, :received)""")
                .param("code", "TEST-" + code).param("agency", agency).param("state", ended == null ? "IN_PROCESSING" : "RESULT_READY")
                .param("received", Facts.at(received)).param("due", Facts.at(due)).param("supplements", supplements)
                .param("requested", Facts.at(requested)).param("back", Facts.at(back)).param("ended", Facts.at(ended)).param("end", end)
                .update();
    }
}
