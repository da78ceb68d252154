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
import vn.motcua.organization.OrganizationProblem;

import java.io.Reader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
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
    private final AtomicLong indexesBuilt = new AtomicLong();
    private volatile @Nullable State state;

    WorkingCalendar(CalendarStore store, AgencyDirectory agencies, ApplicationEventPublisher events) {
        this.store = store;
        this.agencies = agencies;
        this.events = events;
    }

    /**
     * Everything derived from the tables at one revision. Working-time indexes (about 0.3 MB each) are held per
     * distinct set of office hours, not per agency: every agency without its own hours shares the default one.
     */
    private record State(long revision, DayIndex days, List<StatutoryHoliday> holidays, Map<Integer, List<AnnouncedDay>> announcements,
                         List<OfficeHours> officeHours, List<OfficeHours> defaults, Map<UUID, List<OfficeHours>> ownHours,
                         Map<List<OfficeHours>, WorkingTimeIndex> indexes) {
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

    /**
     * When a time limit of {@code amount} {@code unit} that starts at {@code start} falls due, in the office hours of
     * the agency with this id (the default hours when it has none of its own, or when {@code agencyId} is null).
     * Every statutory time limit and every step budget of an internal process is computed here.
     */
    public Deadline due(LocalDateTime start, int amount, DurationUnit unit, @Nullable UUID agencyId) {
        var time = workingTime(agencyId);
        return new Deadline(time.normalise(start), time.due(start, amount, unit));
    }

    /** The office hours of an agency on a day (the default hours when it has none of its own). */
    public OfficeHoursOnDay officeHoursOn(LocalDate date, @Nullable UUID agencyId) {
        var schedule = workingTime(agencyId).scheduleOn(date);
        return OfficeHoursOnDay.of(date, schedule);
    }

    /**
     * The stable id of the agency that holds {@code electronicId} now, for callers that are given an electronic ID:
     * resolve it once, at the time of the request, and keep the id.
     */
    public UUID agencyIdOf(String electronicId) {
        return agencies.findByElectronicId(electronicId).map(a -> a.id())
                .orElseThrow(() -> CalendarProblem.unknownAgency(electronicId));
    }

    /** {@code agencyId} itself when such an agency exists. */
    public UUID agencyIdOf(UUID agencyId) {
        try {
            return agencies.get(agencyId).id();
        } catch (OrganizationProblem notFound) {
            throw CalendarProblem.unknownAgency(agencyId.toString());
        }
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
        if (hours.agencyId() != null) {
            agencyIdOf(hours.agencyId());
        }
        store.addOfficeHours(hours);
        events.publishEvent(new CalendarChanged("OFFICE_HOURS_ADDED", "office-hours:" + (hours.agencyId() == null ? "default" : hours.agencyId()),
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

    /**
     * Rebuilds from the tables. Only what a change touches is rebuilt: the day index when holidays or announcements
     * changed, every working-time index when the day index or the default hours changed, else only the indexes of
     * office hours that are new (an agency's own hours changed); indexes no agency uses any more are dropped.
     */
    synchronized void refresh() {
        long revision = store.revision();
        var holidays = store.statutoryHolidays();
        var announcements = store.announcements();
        var hours = store.officeHours();
        var previous = state;
        boolean sameDays = previous != null && previous.holidays.equals(holidays) && previous.announcements.equals(announcements);
        var days = sameDays ? previous.days : new DayIndex(FIRST_DAY, LAST_DAY, year -> announcements.containsKey(year)
                ? announcements.get(year) : HolidayRules.derive(year, holidays));
        var defaults = hours.stream().filter(h -> h.agencyId() == null).toList();
        var own = new HashMap<UUID, List<OfficeHours>>();
        hours.stream().filter(h -> h.agencyId() != null)
                .forEach(h -> own.computeIfAbsent(h.agencyId(), k -> new ArrayList<>()).add(h.withoutAgency()));
        var indexes = new ConcurrentHashMap<List<OfficeHours>, WorkingTimeIndex>();
        if (sameDays && previous.defaults.equals(defaults)) {
            var inUse = new java.util.HashSet<>(own.values());
            inUse.add(List.of());
            previous.indexes.forEach((key, index) -> {
                if (inUse.contains(key)) {
                    indexes.put(key, index);
                }
            });
        }
        own.replaceAll((agency, rules) -> List.copyOf(rules));
        state = new State(revision, days, holidays, announcements, hours, defaults, Map.copyOf(own), indexes);
        log.info("Lịch làm việc (working calendar) built at revision {}: {} announced years, {} office-hours rules, {} indexes kept",
                revision, announcements.size(), hours.size(), indexes.size());
    }

    /** Working-time indexes held now (one per distinct set of office hours in use). */
    int indexesHeld() {
        return state().indexes.size();
    }

    /** Working-time indexes built since start. */
    long indexesBuilt() {
        return indexesBuilt.get();
    }

    private State state() {
        var s = state;
        if (s == null) {
            refresh();
            s = state;
        }
        return s;
    }

    private WorkingTimeIndex workingTime(@Nullable UUID agencyId) {
        var s = state();
        List<OfficeHours> own = agencyId == null ? List.of() : s.ownHours.getOrDefault(agencyId, List.of());
        return s.indexes.computeIfAbsent(own, rules -> {
            indexesBuilt.incrementAndGet();
            return new WorkingTimeIndex(s.days, rules, s.defaults);
        });
    }
}
