package vn.motcua.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import vn.motcua.IntegrationTest;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.platform.DomainProblem;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Internal processes with step budgets (rules digest §2.5). Procedures 9.91xxxx are made up for these tests. */
class InternalProcessTests extends IntegrationTest {

    @Autowired
    InternalProcesses processes;
    @Autowired
    PublishingDecisions decisions;

    static ProcessStep step(String name, String role, int duration, DurationUnit unit, String group) {
        return new ProcessStep(name, role, null, duration, unit, null, role.equals("SPECIALIST"), role.equals("SPECIALIST"),
                group.isEmpty() ? null : group);
    }

    static ProcessStep step(String name, String role, int duration, String unit, String group) {
        return step(name, role, duration, DurationUnit.valueOf(unit), group);
    }

    /** Steps written as the tables below write them: "4h; 2d; 1d@ý kiến" (hours, working days, parallel group). */
    static List<ProcessStep> steps(String text) {
        var out = new java.util.ArrayList<ProcessStep>();
        for (String part : text.split(";")) {
            String[] unitAndGroup = part.strip().split("@");
            String amount = unitAndGroup[0].strip();
            var unit = amount.endsWith("d") ? DurationUnit.WORKING_DAY : DurationUnit.WORKING_HOUR;
            out.add(step("Bước " + (out.size() + 1), "SPECIALIST", Integer.parseInt(amount.substring(0, amount.length() - 1)), unit,
                    unitAndGroup.length > 1 ? unitAndGroup[1] : ""));
        }
        return out;
    }

    static ProcedureRecord withLimit(String code, int amount, DurationUnit unit) {
        var base = DecisionsAndVersionsTests.procedure(code, "Thủ tục có thời hạn " + amount + " " + unit, 1);
        return new ProcedureRecord(code, null, base.name(), base.field(), base.levels(), "", "", "", "", "", "", "",
                List.of(new Channel("DIRECT", amount, unit, amount + " " + unit, List.of(), "")), OnlineLevel.NONE, false, List.of(),
                List.of(), List.of(), "", null);
    }

    /**
     * Step budgets and the legal time counted by the same working calendar (issue 7: an 8-hour day for steps against the
     * 7.5-hour office day let a 40-hour process end 2.5 h after a 5-working-day limit). Default office hours 07:30-11:30,
     * 13:30-17:00; days off from the 2026 announcement (TB 9441/TB-BNV: Tết 16-20/2; CV 12729/VPCP-KGVX: 1-2/1 off,
     * Saturday 10/1 worked); a limit in calendar days or months rolls a non-working due day forward (rules digest §4.2).
     */
    @ParameterizedTest(name = "from {0}: {1} {2} against steps {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # from      | limit | unit         | steps                          | steps end        | legal due        | fits
            2026-03-02  | 5     | WORKING_DAY  | 40h                            | 2026-03-09T10:00 | 2026-03-09T07:30 | false
            2026-03-02  | 5     | WORKING_DAY  | 38h                            | 2026-03-09T08:00 | 2026-03-09T07:30 | false
            2026-03-02  | 5     | WORKING_DAY  | 37h                            | 2026-03-06T16:30 | 2026-03-09T07:30 | true
            2026-03-02  | 5     | WORKING_DAY  | 2d; 3d                         | 2026-03-09T07:30 | 2026-03-09T07:30 | true
            2026-03-02  | 5     | WORKING_DAY  | 4h; 4d                         | 2026-03-06T11:30 | 2026-03-09T07:30 | true
            2026-03-02  | 5     | WORKING_DAY  | 4h; 2d; 1d@ý kiến; 12h@ý kiến; 4h; 4h; 4h | 2026-03-09T15:00 | 2026-03-09T07:30 | false
            2026-03-02  | 5     | WORKING_DAY  | 4h; 2d; 1d@ý kiến; 8h@ý kiến; 3h; 3h; 3h  | 2026-03-06T15:30 | 2026-03-09T07:30 | true
            # across Tết 2026: Friday 13/2, then 16-20/2 off
            2026-02-13  | 5     | WORKING_DAY  | 37h                            | 2026-02-26T16:30 | 2026-02-27T07:30 | true
            2026-02-13  | 5     | WORKING_DAY  | 40h                            | 2026-02-27T10:00 | 2026-02-27T07:30 | false
            # the make-up Saturday 10/1/2026 is a working day for steps and limits alike
            2026-01-08  | 3     | WORKING_DAY  | 3d                             | 2026-01-12T07:30 | 2026-01-12T07:30 | true
            2026-01-08  | 3     | WORKING_DAY  | 22h                            | 2026-01-10T16:30 | 2026-01-12T07:30 | true
            2026-01-08  | 3     | WORKING_DAY  | 23h                            | 2026-01-12T08:00 | 2026-01-12T07:30 | false
            # a process that applies from a day off starts at the next opening (Thursday 1/1/2026 → Monday 5/1)
            2026-01-01  | 1     | WORKING_DAY  | 7h                             | 2026-01-05T16:30 | 2026-01-06T07:30 | true
            # ten calendar days from Friday 13/2/2026 end on Monday 23/2: one working day
            2026-02-13  | 10    | CALENDAR_DAY | 1d                             | 2026-02-23T07:30 | 2026-02-23T07:30 | true
            2026-02-13  | 10    | CALENDAR_DAY | 2d                             | 2026-02-24T07:30 | 2026-02-23T07:30 | false
            2026-03-02  | 10    | CALENDAR_DAY | 8d                             | 2026-03-12T07:30 | 2026-03-12T07:30 | true
            2026-03-02  | 10    | CALENDAR_DAY | 9d                             | 2026-03-13T07:30 | 2026-03-12T07:30 | false
            # same day: closing time of the day received by the cut-off
            2026-03-02  | 0     | SAME_DAY     | 7h                             | 2026-03-02T16:30 | 2026-03-02T17:00 | true
            2026-03-02  | 0     | SAME_DAY     | 8h                             | 2026-03-03T08:00 | 2026-03-02T17:00 | false
            # one month from Monday 5/1/2026 is Thursday 5/2: 24 working days with the make-up Saturday
            2026-01-05  | 1     | MONTH        | 24d                            | 2026-02-05T07:30 | 2026-02-05T07:30 | true
            2026-01-05  | 1     | MONTH        | 25d                            | 2026-02-06T07:30 | 2026-02-05T07:30 | false
            """)
    void stepBudgetsAndTheLegalTimeUseTheSameWorkingCalendar(LocalDate from, int limit, DurationUnit unit, String steps,
                                                            LocalDateTime stepsEnd, LocalDateTime legalDue, boolean fits) {
        var budget = processes.budget(withLimit("9.919999", limit, unit), null, from, steps(steps)).orElseThrow();
        assertThat(budget.stepsEnd()).as("steps end").isEqualTo(stepsEnd);
        assertThat(budget.legalDue()).as("legal due").isEqualTo(legalDue);
        assertThat(budget.fits()).isEqualTo(fits);
    }

    /** A procedure with a 5-working-day limit (40 working hours), published from 1/7/2025. */
    String fiveDayProcedure(String code) {
        decisions.apply(decisions.draft("50/QĐ-UBND", LocalDate.of(2025, 6, 25), "UBND tỉnh", LocalDate.of(2025, 7, 1), List.of(
                new Decision.Item(code, Decision.Change.NEW, DecisionsAndVersionsTests.procedure(code, "Thủ tục có quy trình " + code, 5), null))).id());
        return code;
    }

    @Test
    void aProcessWithinTheLegalTimeIsApprovedAndParallelConsultationsRunTogether() {
        String code = fiveDayProcedure("9.910001");
        var steps = List.of(
                step("Tiếp nhận, chuyển hồ sơ", "DESK_OFFICER", 4, "WORKING_HOUR", ""),
                step("Thẩm định hồ sơ", "SPECIALIST", 2, "WORKING_DAY", ""),
                step("Lấy ý kiến Sở Xây dựng", "SPECIALIST", 1, "WORKING_DAY", "ý kiến"),
                step("Lấy ý kiến Sở Tài chính", "SPECIALIST", 12, "WORKING_HOUR", "ý kiến"),
                step("Trưởng phòng xem xét", "UNIT_HEAD", 4, "WORKING_HOUR", ""),
                step("Lãnh đạo ký", "SIGNER", 4, "WORKING_HOUR", ""),
                step("Trả kết quả", "DESK_OFFICER", 4, "WORKING_HOUR", ""));
        // from Fri 1/8/2025 07:30 the steps end Fri 8/8 15:00, after the 5 working days (Fri 8/8 07:30)
        assertThatThrownBy(() -> processes.approve(code, null, "60/QĐ-UBND", LocalDate.of(2025, 7, 10), LocalDate.of(2025, 8, 1), steps))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.getMessage()).contains("15:00 08/08/2025", "07:30 08/08/2025"));
        // shorten the Sở Tài chính consultation to 8 h and the last three steps to 3 h: Thu 7/8 15:30
        var fits = new java.util.ArrayList<>(steps);
        fits.set(3, step("Lấy ý kiến Sở Tài chính", "SPECIALIST", 8, "WORKING_HOUR", "ý kiến"));
        for (int i = 4; i < 7; i++) {
            fits.set(i, step(steps.get(i).name(), steps.get(i).role(), 3, "WORKING_HOUR", ""));
        }
        var approved = processes.approve(code, null, "60/QĐ-UBND", LocalDate.of(2025, 7, 10), LocalDate.of(2025, 8, 1), fits);
        assertThat(processes.budget(approved).orElseThrow().stepsEnd()).isEqualTo(LocalDateTime.of(2025, 8, 7, 15, 30));
        assertThat(processes.inForce(code, UUID.randomUUID(), LocalDate.of(2025, 9, 1))).contains(approved);
        assertThat(processes.inForce(code, null, LocalDate.of(2025, 7, 31))).as("before it applies").isEmpty();
    }

    @Test
    void aNewVersionClosesThePreviousOneAndAnAgencysOwnProcessWins() {
        String code = fiveDayProcedure("9.910002");
        var two = List.of(step("Thụ lý", "SPECIALIST", 2, "WORKING_DAY", ""), step("Ký", "SIGNER", 1, "WORKING_DAY", ""));
        var one = List.of(step("Thụ lý", "SPECIALIST", 1, "WORKING_DAY", ""), step("Ký", "SIGNER", 4, "WORKING_HOUR", ""));
        processes.approve(code, null, "70/QĐ-UBND", LocalDate.of(2025, 7, 5), LocalDate.of(2025, 7, 5), two);
        processes.approve(code, null, "71/QĐ-UBND", LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 15), one);
        UUID phanThiet = processes.agencyIdOf("H36.203");
        processes.approve(code, phanThiet, "72/QĐ-UBND", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 1), two);

        assertThat(processes.inForce(code, null, LocalDate.of(2026, 1, 14)).orElseThrow().decisionNumber()).isEqualTo("70/QĐ-UBND");
        assertThat(processes.inForce(code, null, LocalDate.of(2026, 1, 15)).orElseThrow().decisionNumber()).isEqualTo("71/QĐ-UBND");
        assertThat(processes.inForce(code, phanThiet, LocalDate.of(2026, 3, 1)).orElseThrow().decisionNumber()).isEqualTo("72/QĐ-UBND");
        assertThat(processes.inForce(code, processes.agencyIdOf("H36.204"), LocalDate.of(2026, 3, 1)).orElseThrow().decisionNumber()).isEqualTo("71/QĐ-UBND");
        assertThat(processes.history(code)).extracting(InternalProcess::validTo)
                .containsExactly(LocalDate.of(2026, 1, 14), null, null);
    }

    @Test
    void badStepsAreListedOneByOne() {
        String code = fiveDayProcedure("9.910003");
        assertThatThrownBy(() -> processes.approve(code, null, "", LocalDate.of(2025, 7, 5), LocalDate.of(2025, 7, 5), List.of(
                step("", "SPECIALIST", 1, "WORKING_DAY", ""),
                step("Ký", "CHU_TICH", 0, DurationUnit.CALENDAR_DAY, ""))))
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
    void aLimitInCalendarDaysIsCheckedOnTheDayTheProcessApplies() {
        String code = "9.910005";
        decisions.apply(decisions.draft("90/QĐ-UBND", LocalDate.of(2026, 1, 20), "UBND tỉnh", LocalDate.of(2026, 2, 1),
                List.of(new Decision.Item(code, Decision.Change.NEW, withLimit(code, 10, DurationUnit.CALENDAR_DAY), null))).id());
        // from Fri 13/2/2026, ten calendar days end Mon 23/2 (16-20/2 Tết, weekends): two working days end on 24/2
        var twoDays = List.of(step("Thụ lý", "SPECIALIST", 2, "WORKING_DAY", ""));
        assertThatThrownBy(() -> processes.approve(code, null, "91/QĐ-UBND", LocalDate.of(2026, 2, 10), LocalDate.of(2026, 2, 13), twoDays))
                .hasMessageContaining("07:30 24/02/2026").hasMessageContaining("07:30 23/02/2026");
        // from Mon 2/3/2026 the same ten days hold eight working days
        var approved = processes.approve(code, null, "92/QĐ-UBND", LocalDate.of(2026, 2, 25), LocalDate.of(2026, 3, 2), twoDays);
        assertThat(processes.budget(approved).orElseThrow().legalDue()).isEqualTo(LocalDateTime.of(2026, 3, 12, 7, 30));
    }
}
