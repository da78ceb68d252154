package vn.motcua.calendar;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.motcua.organization.AgencyDirectory;

import java.io.Reader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.motcua.platform.CurrentUser;

/**
 * The front door to working time, and the only place in the system that knows what a working day is.
 * Holds an immutable in-memory index of 2010-2100, rebuilt when the calendar tables change (here at once,
 * on other nodes within {@code motcua.calendar.refresh-ms}, default 30 s).
 */
@Service
public class WorkingCalendar {

    public static final LocalDate FIRST_DAY = LocalDate.of(2010, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);
    private static final Logger log = LoggerFactory.getLogger(WorkingCalendar.class);
    private static final int MAX_DAYS_LISTED = 3 * 366;

    private final CalendarStore store;
    private final AgencyDirectory agencies;
    private final ApplicationEventPublisher events;
    private volatile @Nullable State state;

    WorkingCalendar(CalendarStore store, AgencyDirectory agencies, ApplicationEventPublisher events) {
        this.store = store;
        this.agencies = agencies;
        this.events = events;
    }

    /** Everything derived from the tables at one revision. */
    private record State(long revision, DayIndex days, List<StatutoryHoliday> holidays, Map<Integer, List<AnnouncedDay>> announcements,
                         List<OfficeHours> officeHours, Map<String, WorkingTimeIndex> byAgency) {
    }

    public CalendarDay day(LocalDate date) {
        return state().days.day(date);
    }

    /** Days from {@code from} to {@code to}, both included (at most three years). */
    public List<CalendarDay> days(LocalDate from, LocalDate to) {
        if (to.isBefore(from) || to.toEpochDay() - from.toEpochDay() >= MAX_DAYS_LISTED) {
            throw CalendarProblem.invalidRange(from, to, MAX_DAYS_LISTED);
        }
        var index = state().days;
        var out = new ArrayList<CalendarDay>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            out.add(index.day(d));
        }
        return out;
    }

    public boolean isWorkingDay(LocalDate date) {
        var index = state().days;
        return index.working(index.index(date));
    }

    /** The n-th working day after {@code date} (not counting it); n = 0 gives {@code date} if working, else the next working day. */
    public LocalDate addWorkingDays(LocalDate date, int n) {
        return state().days.addWorkingDays(date, n);
    }

    /** Working days in [from, to). */
    public int countWorkingDays(LocalDate from, LocalDate to) {
        return state().days.countWorkingDays(from, to);
    }

    /** When a time limit of {@code amount} {@code unit} that starts at {@code start} falls due, in the agency's office hours. */
    public Deadline due(LocalDateTime start, int amount, DurationUnit unit, @Nullable String agencyElectronicId) {
        var time = workingTime(agencyElectronicId);
        return new Deadline(time.normalise(start), time.due(start, amount, unit));
    }

    /** The office hours of an agency on a day (the default hours when it has none of its own). */
    public OfficeHoursOnDay officeHoursOn(LocalDate date, @Nullable String agencyElectronicId) {
        var schedule = workingTime(agencyElectronicId).scheduleOn(date);
        return OfficeHoursOnDay.of(date, schedule);
    }

    /** A year's announcement, if one was made. */
    public Optional<List<AnnouncedDay>> announcement(int year) {
        return Optional.ofNullable(state().announcements.get(year));
    }

    /** The exceptions of a year: its announcement, or else what the statutory rules derive. */
    public List<AnnouncedDay> exceptions(int year) {
        var s = state();
        var announced = s.announcements.get(year);
        return announced != null ? announced : HolidayRules.derive(year, s.holidays);
    }

    public String announcementCsv(int year) {
        return AnnouncementCsv.write(announcement(year).orElseThrow(() -> CalendarProblem.noAnnouncement(year)));
    }

    /** Replaces a year's announcement with the CSV given, atomically; a bad line and nothing is applied. */
    @Transactional
    public List<AnnouncedDay> replaceAnnouncement(int year, Reader csv) {
        if (year < FIRST_DAY.getYear() || year > LAST_DAY.getYear()) {
            throw CalendarProblem.yearOutOfRange(year);
        }
        var days = AnnouncementCsv.parse(year, csv);
        store.replaceAnnouncement(year, days, CurrentUser.name());
        events.publishEvent(new CalendarChanged("CALENDAR_ANNOUNCEMENT_REPLACED", "calendar:" + year,
                "Cập nhật lịch nghỉ, làm bù năm " + year + " (" + days.size() + " ngày)"));
        return days;
    }

    /** Replaces a year's announcement with these days, checked line by line exactly as a CSV file would be. */
    @Transactional
    public List<AnnouncedDay> replaceAnnouncement(int year, List<AnnouncedDay> days) {
        return replaceAnnouncement(year, new java.io.StringReader(AnnouncementCsv.write(
                days.stream().sorted(java.util.Comparator.comparing(AnnouncedDay::date)).toList())));
    }

    public List<OfficeHours> officeHours() {
        return state().officeHours;
    }

    @Transactional
    public OfficeHours addOfficeHours(OfficeHours hours) {
        if (hours.agencyElectronicId() != null && agencies.findByElectronicId(hours.agencyElectronicId()).isEmpty()) {
            throw CalendarProblem.unknownAgency(hours.agencyElectronicId());
        }
        store.addOfficeHours(hours);
        events.publishEvent(new CalendarChanged("OFFICE_HOURS_ADDED", "office-hours:" + (hours.agencyElectronicId() == null ? "default" : hours.agencyElectronicId()),
                "Giờ làm việc từ " + hours.validFrom() + ": " + hours.morningStart() + "-" + hours.morningEnd() + ", "
                        + hours.afternoonStart() + "-" + hours.afternoonEnd()));
        return hours;
    }

    @TransactionalEventListener
    void rebuildAfter(CalendarChanged change) {
        refresh();
    }

    /** Rebuilds from the tables when another node changed them. */
    @Scheduled(fixedDelayString = "${motcua.calendar.refresh-ms:30000}", initialDelayString = "${motcua.calendar.refresh-ms:30000}")
    void refreshIfChanged() {
        var current = state;
        if (current != null && store.revision() != current.revision) {
            refresh();
        }
    }

    synchronized void refresh() {
        long revision = store.revision();
        var holidays = store.statutoryHolidays();
        var announcements = store.announcements();
        var hours = store.officeHours();
        var days = new DayIndex(FIRST_DAY, LAST_DAY, year -> announcements.containsKey(year)
                ? announcements.get(year) : HolidayRules.derive(year, holidays));
        state = new State(revision, days, holidays, announcements, hours, new ConcurrentHashMap<>());
        log.info("Lịch làm việc (working calendar) built at revision {}: {} announced years, {} office-hours rules",
                revision, announcements.size(), hours.size());
    }

    private State state() {
        var s = state;
        if (s == null) {
            refresh();
            s = state;
        }
        return s;
    }

    private WorkingTimeIndex workingTime(@Nullable String agencyElectronicId) {
        var s = state();
        String key = agencyElectronicId == null ? "" : agencyElectronicId;
        return s.byAgency.computeIfAbsent(key, k -> new WorkingTimeIndex(s.days,
                s.officeHours.stream().filter(h -> !k.isEmpty() && k.equals(h.agencyElectronicId())).toList(),
                s.officeHours.stream().filter(h -> h.agencyElectronicId() == null).toList()));
    }

}
