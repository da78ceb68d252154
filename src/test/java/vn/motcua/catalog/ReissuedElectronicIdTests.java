package vn.motcua.catalog;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import vn.motcua.IntegrationTest;
import vn.motcua.organization.AgencyDirectory;
import vn.motcua.organization.AgencyDraft;
import vn.motcua.organization.AgencyType;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Office hours and internal processes name agencies by their stable id, so re-issuing an agency's electronic ID
 * (QĐ 20/2020; the organization module keeps the history) leaves both in force (issue 7).
 */
class ReissuedElectronicIdTests extends IntegrationTest {

    static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };

    @Autowired
    AgencyDirectory agencies;
    @Autowired
    PublishingDecisions decisions;
    @Autowired
    InternalProcesses processes;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void officeHoursAndTheInternalProcessStillApplyAfterTheElectronicIdIsReissued() {
        String before = freshElectronicId();
        var agency = agencies.create(new AgencyDraft(before, "UBND xã Cấp lại mã", AgencyType.COMMUNE_PEOPLES_COMMITTEE, null,
                LocalDate.of(2025, 7, 1), null));
        // its own hours: an 8-hour day, 07:00-11:00 and 13:00-17:00, from 1/3/2026, given by electronic ID
        var hours = Map.of("agencyElectronicId", before, "validFrom", "2026-03-01", "morningStart", "07:00", "morningEnd", "11:00",
                "afternoonStart", "13:00", "afternoonEnd", "17:00", "cutoff", "15:00", "rounding", "EXACT_HOURS");
        var created = as("admin").post().uri("/api/v1/calendar/office-hours").body(hours).retrieve().toEntity(OBJECT);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("agencyId", agency.id().toString());
        // its own process: five 8-hour days of steps fit its five working days
        String code = "9.92%04d".formatted(java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000));
        decisions.apply(decisions.draft("95/QĐ-UBND", LocalDate.of(2026, 2, 20), "UBND tỉnh", LocalDate.of(2026, 3, 1), List.of(
                new Decision.Item(code, Decision.Change.NEW, DecisionsAndVersionsTests.procedure(code, "Thủ tục cấp lại mã " + code, 5), null))).id());
        var body = Map.of("agencyElectronicId", before, "decisionNumber", "96/QĐ-UBND", "decisionDate", "2026-02-25", "validFrom", "2026-03-02",
                "steps", List.of(Map.of("name", "Thụ lý", "role", "SPECIALIST", "duration", 40, "timeUnit", "WORKING_HOUR",
                        "maySupplement", true, "mayProposeRefusal", true)));
        var approved = as("admin").post().uri("/api/v1/procedures/{c}/processes", code).body(body).retrieve().toEntity(OBJECT);
        assertThat(approved.getStatusCode()).as(String.valueOf(approved.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(approved.getBody()).containsEntry("agencyId", agency.id().toString());

        String after = freshElectronicId();
        var reissued = agencies.update(agency.id(), new AgencyDraft(after, agency.name(), agency.type(), null, agency.validFrom(), null),
                agency.version());
        assertThat(reissued.electronicId()).isEqualTo(after);

        for (String named : List.of(after, agency.id().toString())) {
            assertThat(due("2026-03-02T07:00", 1, "WORKING_HOUR", named)).as("own hours by " + named).containsEntry("due", "2026-03-02T08:00");
            assertThat(process(code, named)).as("own process by " + named).containsEntry("decisionNumber", "96/QĐ-UBND");
        }
        assertThat(due("2026-03-02T07:00", 1, "WORKING_HOUR", null)).as("default hours").containsEntry("due", "2026-03-02T08:30");
        assertThat(processEntity(code, "H36.203").getStatusCode()).as("another agency has no process").isEqualTo(HttpStatus.NOT_FOUND);
        var old = due("2026-03-02T07:00", 1, "WORKING_HOUR", before);
        assertThat(old).as("the old electronic ID names no agency now").containsEntry("code", "calendar.unknown-agency");
    }

    @Test
    void aProcessRecordedByAnElectronicIdBeforeTheMigrationFollowsTheAgencyThatHeldIt() {
        String before = freshElectronicId();
        var agency = agencies.create(new AgencyDraft(before, "UBND xã Quy trình cũ", AgencyType.COMMUNE_PEOPLES_COMMITTEE, null,
                LocalDate.of(2025, 7, 1), null));
        String code = "9.93%04d".formatted(java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000));
        // written before V3 by electronic ID; the ID was re-issued since
        jdbc.sql("""
                        insert into catalog.internal_process (id, code, legacy_electronic_id, version_no, decision_number, decision_date,
                            valid_from, steps, created_at)
                        values (gen_random_uuid(), :code, :eid, 1, '97/QĐ-UBND', '2025-07-20', '2025-08-01', '[]', now())""")
                .param("code", code).param("eid", before).update();
        assertThat(processes.inForce(code, null, LocalDate.of(2025, 9, 1))).as("never taken for the province-wide process").isEmpty();
        agencies.update(agency.id(), new AgencyDraft(freshElectronicId(), agency.name(), agency.type(), null, agency.validFrom(), null),
                agency.version());

        new InternalProcessAgencyIds(jdbc, agencies).run(null);

        assertThat(processes.inForce(code, agency.id(), LocalDate.of(2025, 9, 1))).hasValueSatisfying(p -> {
            assertThat(p.agencyId()).isEqualTo(agency.id());
            assertThat(p.decisionNumber()).isEqualTo("97/QĐ-UBND");
        });
    }

    private Map<String, Object> due(String start, int amount, String unit, String agency) {
        return anonymous().get().uri(b -> b.path("/api/v1/calendar/due").queryParam("start", start).queryParam("amount", amount)
                .queryParam("unit", unit).queryParamIfPresent("agency", java.util.Optional.ofNullable(agency)).build())
                .retrieve().body(OBJECT);
    }

    private org.springframework.http.ResponseEntity<Map<String, Object>> processEntity(String code, String agency) {
        return anonymous().get().uri(b -> b.path("/api/v1/procedures/{c}/process").queryParam("agency", agency).queryParam("on", "2026-03-10")
                .build(code)).retrieve().toEntity(OBJECT);
    }

    private Map<String, Object> process(String code, String agency) {
        return processEntity(code, agency).getBody();
    }

    /** An electronic ID no run of the suite has used, for tests that may run again on the same database. */
    static String freshElectronicId() {
        return "H36.T%02d.%03d".formatted(java.util.concurrent.ThreadLocalRandom.current().nextInt(100),
                java.util.concurrent.ThreadLocalRandom.current().nextInt(1000));
    }
}
