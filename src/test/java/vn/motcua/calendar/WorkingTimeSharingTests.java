package vn.motcua.calendar;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.IntegrationTest;
import vn.motcua.organization.AgencyDirectory;
import vn.motcua.organization.AgencyDraft;
import vn.motcua.organization.AgencyType;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendar holds one working-time index per distinct set of office hours, not per agency, rebuilds only what a
 * change touches, and a node that missed a change notification catches up on its next refresh (issue 7).
 */
class WorkingTimeSharingTests extends IntegrationTest {

    static final LocalDateTime MONDAY = LocalDateTime.of(2026, 3, 2, 7, 0);

    @Autowired
    WorkingCalendar calendar;
    @Autowired
    CalendarStore store;
    @Autowired
    AgencyDirectory agencies;
    @Autowired
    JdbcClient jdbc;

    /** 07:00-11:00 and 13:00-17:00 from 1/3/2026; the cut-off tells one test's hours from another's. */
    static OfficeHours eightHourDay(UUID agency, LocalTime cutoff) {
        return new OfficeHours(agency, LocalDate.of(2026, 3, 1), null, null, LocalTime.of(7, 0), LocalTime.of(11, 0),
                LocalTime.of(13, 0), LocalTime.of(17, 0), cutoff, RoundingPolicy.EXACT_HOURS);
    }

    UUID newAgency(String name) {
        return agencies.create(new AgencyDraft(freshElectronicId(), name, AgencyType.COMMUNE_PEOPLES_COMMITTEE, null,
                LocalDate.of(2025, 7, 1), null)).id();
    }

    @Test
    void aThousandAgenciesWithDefaultHoursShareOneIndexAndAChangeRebuildsOne() {
        var thousand = new ArrayList<UUID>();
        for (int i = 0; i < 1000; i++) {
            thousand.add(UUID.randomUUID());
        }
        calendar.due(MONDAY, 1, DurationUnit.WORKING_HOUR, null);
        long built = calendar.indexesBuilt();
        int held = calendar.indexesHeld();
        for (UUID agency : thousand) {
            assertThat(calendar.due(MONDAY, 1, DurationUnit.WORKING_HOUR, agency).due()).isEqualTo("2026-03-02T08:30");
        }
        assertThat(calendar.indexesBuilt()).as("no index built for agencies without hours").isEqualTo(built);
        assertThat(calendar.indexesHeld()).isEqualTo(held);

        UUID own = newAgency("UBND xã Giờ riêng");
        calendar.addOfficeHours(eightHourDay(own, LocalTime.of(14, 10)));
        for (UUID agency : thousand) {
            calendar.due(MONDAY, 1, DurationUnit.WORKING_HOUR, agency);
        }
        assertThat(calendar.due(MONDAY, 1, DurationUnit.WORKING_HOUR, own).due()).isEqualTo("2026-03-02T08:00");
        assertThat(calendar.indexesBuilt()).as("one agency's new hours build one index").isEqualTo(built + 1);

        UUID same = newAgency("UBND xã Giờ giống");
        calendar.addOfficeHours(eightHourDay(same, LocalTime.of(14, 10)));
        assertThat(calendar.due(MONDAY, 1, DurationUnit.WORKING_HOUR, same).due()).isEqualTo("2026-03-02T08:00");
        assertThat(calendar.indexesBuilt()).as("equal hours share the index").isEqualTo(built + 1);
    }

    @Test
    void aNodeThatMissedTheNotificationCatchesUpOnItsNextRefresh() {
        UUID agency = newAgency("UBND xã Nút khác");
        calendar.due(MONDAY, 1, DurationUnit.WORKING_HOUR, null);
        long built = calendar.indexesBuilt();
        // another node adds the hours: the table and the revision change, no event reaches this node
        store.addOfficeHours(eightHourDay(agency, LocalTime.of(14, 20)));
        assertThat(calendar.due(MONDAY, 1, DurationUnit.WORKING_HOUR, agency).due()).as("not yet seen").isEqualTo("2026-03-02T08:30");
        calendar.refreshIfChanged();
        assertThat(calendar.due(MONDAY, 1, DurationUnit.WORKING_HOUR, agency).due()).isEqualTo("2026-03-02T08:00");
        calendar.due(MONDAY, 1, DurationUnit.WORKING_HOUR, null);
        assertThat(calendar.indexesBuilt()).as("only the changed agency's index is rebuilt").isEqualTo(built + 1);
    }

    @Test
    void hoursWrittenByElectronicIdBeforeTheMigrationAreMappedToTheAgencyAtStart() {
        UUID agency = newAgency("UBND xã Giờ cũ");
        String electronicId = agencies.get(agency).electronicId();
        jdbc.sql("""
                        insert into calendar.office_hours (legacy_electronic_id, valid_from, morning_start, morning_end, afternoon_start,
                            afternoon_end, cutoff, rounding)
                        values (:eid, '2026-03-01', '07:00', '11:00', '13:00', '17:00', '15:00', 'EXACT_HOURS')""")
                .param("eid", electronicId).update();
        jdbc.sql("""
                        insert into calendar.office_hours (legacy_electronic_id, valid_from, morning_start, morning_end, afternoon_start,
                            afternoon_end, cutoff, rounding)
                        values ('H36.999.99', '2026-03-01', '06:00', '11:00', '13:00', '17:00', '15:00', 'EXACT_HOURS')""").update();
        new OfficeHoursAgencyIds(store, agencies).run(null);
        calendar.refreshIfChanged();

        assertThat(calendar.officeHours()).filteredOn(h -> agency.equals(h.agencyId())).singleElement()
                .extracting(OfficeHours::morningStart).isEqualTo(LocalTime.of(7, 0));
        assertThat(calendar.due(MONDAY, 1, DurationUnit.WORKING_HOUR, agency).due()).isEqualTo("2026-03-02T08:00");
        assertThat(store.legacyRows()).extracting(CalendarStore.LegacyRow::electronicId).containsExactly("H36.999.99");
        assertThat(calendar.officeHours()).noneMatch(h -> h.morningStart().equals(LocalTime.of(6, 0)));
        jdbc.sql("delete from calendar.office_hours where legacy_electronic_id = 'H36.999.99'").update();
    }

    @Test
    void aThousandAgenciesCostTheHeapOfOneIndex() {
        calendar.refresh();
        List<UUID> thousand = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            thousand.add(UUID.randomUUID());
        }
        long before = heapUsed();
        thousand.forEach(a -> calendar.due(MONDAY, 5, DurationUnit.WORKING_DAY, a));
        long after = heapUsed();
        System.out.printf("calendar heap: 1000 agencies without own hours add %.1f MB; %d indexes held%n", (after - before) / 1e6,
                calendar.indexesHeld());
        var ten = new ArrayList<WorkingTimeIndex>();
        long beforeTen = heapUsed();
        for (int i = 0; i < 10; i++) {
            ten.add(TestCalendars.defaultHours());
        }
        System.out.printf("calendar heap: one working-time index takes %.2f MB%n", (heapUsed() - beforeTen) / 10e6);
        assertThat(ten).hasSize(10);
        assertThat(after - before).as("was 1.6 GB with an index per agency").isLessThan(100_000_000L);
    }

    /** The heap in use after collections: the lowest of several readings, each right after a full collection. */
    private static long heapUsed() {
        long lowest = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            lowest = Math.min(lowest, java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return lowest;
    }

    /** An electronic ID no run of the suite has used, for tests that may run again on the same database. */
    static String freshElectronicId() {
        return "H36.T%02d.%03d".formatted(java.util.concurrent.ThreadLocalRandom.current().nextInt(100),
                java.util.concurrent.ThreadLocalRandom.current().nextInt(1000));
    }
}
