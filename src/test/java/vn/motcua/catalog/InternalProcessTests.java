package vn.motcua.catalog;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import vn.motcua.IntegrationTest;
import vn.motcua.platform.DomainProblem;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Internal processes with step budgets (rules digest §2.5). Procedures 9.91xxxx are made up for these tests. */
class InternalProcessTests extends IntegrationTest {

    @Autowired
    InternalProcesses processes;
    @Autowired
    PublishingDecisions decisions;

    static ProcessStep step(String name, String role, int duration, String unit, String group) {
        return new ProcessStep(name, role, null, duration, unit, null, role.equals("SPECIALIST"), role.equals("SPECIALIST"),
                group.isEmpty() ? null : group);
    }

    /** A procedure with a 5-working-day limit (40 working hours), published from 1/7/2025. */
    String fiveDayProcedure(String code) {
        decisions.apply(decisions.draft("50/QĐ-UBND", LocalDate.of(2025, 6, 25), "UBND tỉnh", LocalDate.of(2025, 7, 1), List.of(
                new Decision.Item(code, Decision.Change.NEW, DecisionsAndVersionsTests.procedure(code, "Thủ tục có quy trình " + code, 5), null))).id());
        return code;
    }

    @Test
    void aProcessWithinTheLegalTimeIsApprovedAndParallelConsultationsCountOnce() {
        String code = fiveDayProcedure("9.910001");
        var steps = List.of(
                step("Tiếp nhận, chuyển hồ sơ", "DESK_OFFICER", 4, "WORKING_HOUR", ""),
                step("Thẩm định hồ sơ", "SPECIALIST", 2, "WORKING_DAY", ""),
                step("Lấy ý kiến Sở Xây dựng", "SPECIALIST", 1, "WORKING_DAY", "ý kiến"),
                step("Lấy ý kiến Sở Tài chính", "SPECIALIST", 12, "WORKING_HOUR", "ý kiến"),
                step("Trưởng phòng xem xét", "UNIT_HEAD", 4, "WORKING_HOUR", ""),
                step("Lãnh đạo ký", "SIGNER", 4, "WORKING_HOUR", ""),
                step("Trả kết quả", "DESK_OFFICER", 4, "WORKING_HOUR", ""));
        // 4 + 16 + max(8, 12) + 4 + 4 + 4 = 44 h > 40 h: refused
        assertThatThrownBy(() -> processes.approve(code, null, "60/QĐ-UBND", LocalDate.of(2025, 7, 10), LocalDate.of(2025, 8, 1), steps))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.getMessage()).contains("44 giờ", "40 giờ"));
        // shorten the Sở Tài chính consultation to 8 h: 40 h, exactly the limit
        var fits = new java.util.ArrayList<>(steps);
        fits.set(3, step("Lấy ý kiến Sở Tài chính", "SPECIALIST", 8, "WORKING_HOUR", "ý kiến"));
        var approved = processes.approve(code, null, "60/QĐ-UBND", LocalDate.of(2025, 7, 10), LocalDate.of(2025, 8, 1), fits);
        assertThat(approved.totalHours()).isEqualTo(40);
        assertThat(processes.inForce(code, "H36.201.01", LocalDate.of(2025, 9, 1))).contains(approved);
        assertThat(processes.inForce(code, null, LocalDate.of(2025, 7, 31))).as("before it applies").isEmpty();
    }

    @Test
    void aNewVersionClosesThePreviousOneAndAnAgencysOwnProcessWins() {
        String code = fiveDayProcedure("9.910002");
        var two = List.of(step("Thụ lý", "SPECIALIST", 2, "WORKING_DAY", ""), step("Ký", "SIGNER", 1, "WORKING_DAY", ""));
        var one = List.of(step("Thụ lý", "SPECIALIST", 1, "WORKING_DAY", ""), step("Ký", "SIGNER", 4, "WORKING_HOUR", ""));
        processes.approve(code, null, "70/QĐ-UBND", LocalDate.of(2025, 7, 5), LocalDate.of(2025, 7, 5), two);
        processes.approve(code, null, "71/QĐ-UBND", LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 15), one);
        processes.approve(code, "H36.203", "72/QĐ-UBND", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 1), two);

        assertThat(processes.inForce(code, null, LocalDate.of(2026, 1, 14)).orElseThrow().decisionNumber()).isEqualTo("70/QĐ-UBND");
        assertThat(processes.inForce(code, null, LocalDate.of(2026, 1, 15)).orElseThrow().decisionNumber()).isEqualTo("71/QĐ-UBND");
        assertThat(processes.inForce(code, "H36.203", LocalDate.of(2026, 3, 1)).orElseThrow().decisionNumber()).isEqualTo("72/QĐ-UBND");
        assertThat(processes.inForce(code, "H36.204", LocalDate.of(2026, 3, 1)).orElseThrow().decisionNumber()).isEqualTo("71/QĐ-UBND");
        assertThat(processes.history(code)).extracting(InternalProcess::validTo)
                .containsExactly(LocalDate.of(2026, 1, 14), null, null);
    }

    @Test
    void badStepsAreListedOneByOne() {
        String code = fiveDayProcedure("9.910003");
        assertThatThrownBy(() -> processes.approve(code, null, "", LocalDate.of(2025, 7, 5), LocalDate.of(2025, 7, 5), List.of(
                step("", "SPECIALIST", 1, "WORKING_DAY", ""),
                step("Ký", "CHU_TICH", 0, "WEEK", ""))))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.invalidParams()).extracting(DomainProblem.InvalidParam::name)
                        .containsExactlyInAnyOrder("decisionNumber", "steps[0].name", "steps[1].duration", "steps[1].timeUnit", "steps[1].role"));
    }

    @Test
    void theApiApprovesForCatalogOfficersAndAnswersProblems() {
        String code = fiveDayProcedure("9.910004");
        var body = Map.of("decisionNumber", "80/QĐ-UBND", "decisionDate", "2025-07-05", "validFrom", "2025-07-05", "steps", List.of(
                Map.of("name", "Thụ lý", "role", "SPECIALIST", "duration", 6, "timeUnit", "WORKING_DAY",
                        "maySupplement", true, "mayProposeRefusal", true)));
        var refused = as("kstthc").post().uri("/api/v1/procedures/{c}/processes", code).body(body).retrieve()
                .toEntity(new ParameterizedTypeReference<Map<String, Object>>() { });
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(refused.getBody()).containsEntry("code", "catalog.invalid-internal-process");
        var forbidden = as("cv.stp").post().uri("/api/v1/procedures/{c}/processes", code).body(body).retrieve().toBodilessEntity();
        assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void calendarDaysHoldOnlyTheWorkingDaysTheCalendarCounts() {
        String code = "9.910005";
        var base = DecisionsAndVersionsTests.procedure(code, "Thủ tục 10 ngày qua Tết", 10);
        var tenCalendarDays = new ProcedureRecord(code, null, base.name(), base.field(), base.levels(), "", "", "", "", "", "", "",
                List.of(new Channel("DIRECT", 10, "CALENDAR_DAY", "10 Ngày", List.of(), "")), OnlineLevel.NONE, false, List.of(),
                List.of(), List.of(), "", null);
        decisions.apply(decisions.draft("90/QĐ-UBND", LocalDate.of(2026, 1, 20), "UBND tỉnh", LocalDate.of(2026, 2, 1),
                List.of(new Decision.Item(code, Decision.Change.NEW, tenCalendarDays, null))).id());
        // from Fri 13/2/2026, ten calendar days hold one working day (16-20/2 Tết, weekends): 8 working hours
        var twoDays = List.of(step("Thụ lý", "SPECIALIST", 2, "WORKING_DAY", ""));
        assertThatThrownBy(() -> processes.approve(code, null, "91/QĐ-UBND", LocalDate.of(2026, 2, 10), LocalDate.of(2026, 2, 13), twoDays))
                .hasMessageContaining("16 giờ").hasMessageContaining("8 giờ");
        // from Mon 2/3/2026 the same ten days hold eight working days
        assertThat(processes.approve(code, null, "92/QĐ-UBND", LocalDate.of(2026, 2, 25), LocalDate.of(2026, 3, 2), twoDays).totalHours())
                .isEqualTo(16);
    }
}
