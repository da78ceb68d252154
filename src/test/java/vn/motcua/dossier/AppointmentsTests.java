package vn.motcua.dossier;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.IntegrationTest;
import vn.motcua.organization.AgencyDirectory;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Appointments of dossiers received at a commune of the demo province (default office hours 07:30-11:30 and
 * 13:30-17:00, cut-off 15:00, whole working hours), with the 2026 days off of vn-rules §4.4: Tết Bính Ngọ 16-20/2,
 * the make-up Saturday 22/8 and the swapped Monday 31/8 before National Day 1-2/9.
 */
class AppointmentsTests extends IntegrationTest {

    @Autowired
    Appointments appointments;
    @Autowired
    AgencyDirectory agencies;

    @ParameterizedTest(name = "{0}: {1} {2} from {3} → clock from {4}, due {5}")
    @CsvSource({
            "the Friday before Tết,               1, WORKING_DAY,  2026-02-13T09:00, 2026-02-13T09:00, 2026-02-23T09:00",
            "Tết week: the clock starts after it, 2, WORKING_DAY,  2026-02-17T10:00, 2026-02-23T07:30, 2026-02-25T07:30",
            "a make-up Saturday is a working day, 1, WORKING_DAY,  2026-08-21T10:00, 2026-08-21T10:00, 2026-08-22T10:00",
            "across the swapped Monday and 2/9,   1, WORKING_DAY,  2026-08-28T10:00, 2026-08-28T10:00, 2026-09-03T10:00",
            "received before the 15:00 cut-off,   0, SAME_DAY,     2026-03-02T14:45, 2026-03-02T14:45, 2026-03-02T17:00",
            "received after the 15:00 cut-off,    0, SAME_DAY,     2026-03-02T15:30, 2026-03-02T15:30, 2026-03-03T17:00",
            "accepted online late at night,       2, WORKING_DAY,  2026-03-03T22:10, 2026-03-04T07:30, 2026-03-06T07:30",
            "submitted online on a Sunday,        4, WORKING_HOUR, 2026-03-08T09:00, 2026-03-09T07:30, 2026-03-09T11:30",
            "calendar days rolling over Tết,      7, CALENDAR_DAY, 2026-02-09T09:00, 2026-02-09T09:00, 2026-02-23T09:00"})
    void countsInTheHandlingAgencysWorkingTime(String label, int amount, String unit, LocalDateTime received,
                                               LocalDateTime clockStart, LocalDateTime due) {
        var agency = agencies.findByElectronicId("H36.201").orElseThrow();
        var deadline = appointments.due(received.atZone(DossierWords.VIETNAM).toInstant(),
                new Dossier.ProcessingTime(amount, unit, ""), agency.id());
        assertThat(deadline).isNotNull();
        assertThat(deadline.start()).as(label).isEqualTo(clockStart);
        assertThat(deadline.due()).as(label).isEqualTo(due);
    }

    @ParameterizedTest
    @CsvSource(value = {"null, WORKING_DAY", "5, null"}, nullValues = "null")
    void noAppointmentWhenTheProcedureStatesNoTimeWithAUnit(Integer amount, String unit) {
        var agency = agencies.findByElectronicId("H36.201").orElseThrow();
        assertThat(appointments.due(java.time.Instant.parse("2026-03-02T03:00:00Z"), new Dossier.ProcessingTime(amount, unit, "5"), agency.id()))
                .isNull();
    }
}
