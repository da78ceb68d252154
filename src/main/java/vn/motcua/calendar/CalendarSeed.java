package vn.motcua.calendar;

import org.apache.commons.csv.CSVFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the national calendar data that ships with motcua into empty tables: the statutory holidays of the
 * Labor Codes ({@code calendar/statutory-holidays.csv}), the yearly announcements we know
 * ({@code calendar/announcements/YYYY.csv}, the same format as the API), and default office hours
 * (07:30-11:30, 13:30-17:00, cut-off 15:00). A year an administrator already announced is never overwritten.
 */
@Component
@Order(-20)
class CalendarSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CalendarSeed.class);
    static final OfficeHours DEFAULT_HOURS = new OfficeHours(null, WorkingCalendar.FIRST_DAY, null, null,
            LocalTime.of(7, 30), LocalTime.of(11, 30), LocalTime.of(13, 30), LocalTime.of(17, 0), LocalTime.of(15, 0),
            RoundingPolicy.EXACT_HOURS);

    private final CalendarStore store;
    private final WorkingCalendar calendar;

    CalendarSeed(CalendarStore store, WorkingCalendar calendar) {
        this.store = store;
        this.calendar = calendar;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        if (store.statutoryHolidays().isEmpty()) {
            try (var csv = reader(new PathMatchingResourcePatternResolver().getResource("classpath:calendar/statutory-holidays.csv"))) {
                statutoryHolidays(csv).forEach(store::addStatutoryHoliday);
            }
        }
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:calendar/announcements/*.csv")) {
            int year = Integer.parseInt(file.getFilename().replace(".csv", ""));
            if (!store.hasAnnouncement(year)) {
                try (var csv = reader(file)) {
                    store.replaceAnnouncement(year, AnnouncementCsv.parse(year, csv), "system");
                }
                log.info("Nạp thông báo lịch nghỉ năm {} (shipped announcement)", year);
            }
        }
        if (store.officeHours().isEmpty()) {
            store.addOfficeHours(DEFAULT_HOURS);
        }
        calendar.refresh();
    }

    static List<StatutoryHoliday> statutoryHolidays(Reader csv) throws IOException {
        var out = new ArrayList<StatutoryHoliday>();
        try (var rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get().parse(csv)) {
            for (var row : rows) {
                out.add(new StatutoryHoliday(row.get("name"), row.get("rule"), Integer.parseInt(row.get("month")),
                        Integer.parseInt(row.get("day")), Integer.parseInt(row.get("length")), LocalDate.parse(row.get("validFrom")),
                        row.get("validTo").isEmpty() ? null : LocalDate.parse(row.get("validTo"))));
            }
        }
        return out;
    }

    static Reader reader(Resource resource) throws IOException {
        return new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8);
    }
}
