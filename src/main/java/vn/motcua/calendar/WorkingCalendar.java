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

    /**
     * {@code start} plus {@code minutes} of working time in the agency's office hours: a step's budget in minutes, or a
     * due time moved by the working time a dossier waited (the dossier module's clock).
     */
    public LocalDateTime addWorkingMinutes(LocalDateTime start, long minutes, @Nullable UUID agencyId) {
        return workingTime(agencyId).addWorkingMinutes(start, minutes);
    }

    /** Working minutes between two times in the agency's office hours (0 when {@code to} is not after {@code from}). */
    public long workingMinutesBetween(LocalDateTime from, LocalDateTime to, @Nullable UUID agencyId) {
        return workingTime(agencyId).workingMinutesBetween(from, to);
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
        store.lockYear(year);
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

    /**
     * What replacing a year's list with this CSV would change; changes nothing. A CSV with a bad line is refused
     * whole, as it would be on import.
     */
    @Transactional(readOnly = true)
    public AnnouncementPreview previewAnnouncement(int year, String csv) {
        checkYear(year);
        return preview(year, AnnouncementCsv.parse(year, new java.io.StringReader(csv)), null);
    }

    /**
     * Replaces a year's list with this CSV exactly as previewed: refused, with nothing changed, when the year's list
     * changed since the preview (its digest no longer matches), for instance because another administrator confirmed first.
     */
    @Transactional
    public List<AnnouncedDay> replaceAnnouncement(int year, String csv, String expectedDigest) {
        checkYear(year);
        store.lockYear(year);
        var days = AnnouncementCsv.parse(year, new java.io.StringReader(csv));
        if (!preview(year, days, null).digest().equals(expectedDigest)) {
            throw CalendarProblem.previewOutdated(year);
        }
        store.replaceAnnouncement(year, days, CurrentUser.name());
        events.publishEvent(new CalendarChanged("CALENDAR_ANNOUNCEMENT_REPLACED", "calendar:" + year,
                "Cập nhật lịch nghỉ, làm bù năm " + year + " theo thông báo (" + days.size() + " ngày)"));
        return days;
    }

    /** What setting or removing one day locally would change; the edit must name its authorising document. */
    @Transactional(readOnly = true)
    public AnnouncementPreview previewLocalEdit(int year, LocalEdit edit) {
        checkYear(year);
        return preview(year, edited(year, edit, false), edit);
    }

    /**
     * Sets or removes one day locally, exactly as previewed, recording the document that authorises it. The year keeps
     * its basis (the announcement, or the Labor Code's derivation), and the day is marked as a local edit.
     */
    @Transactional
    public List<AnnouncedDay> applyLocalEdit(int year, LocalEdit edit, String expectedDigest) {
        checkYear(year);
        store.lockYear(year);
        var after = edited(year, edit, true);
        if (!preview(year, after, edit).digest().equals(expectedDigest)) {
            throw CalendarProblem.previewOutdated(year);
        }
        var stored = store.storedYear(year);
        var localEdits = new HashMap<>(stored.map(CalendarStore.StoredYear::localEdits).orElse(Map.of()));
        localEdits.remove(edit.date());
        int id = store.insertLocalEdit(year, edit, CurrentUser.name());
        if (!edit.removes()) {
            localEdits.put(edit.date(), id);
        }
        store.replaceAnnouncement(year, after, CurrentUser.name(), stored.map(CalendarStore.StoredYear::basis).orElse("DERIVED"), localEdits);
        events.publishEvent(new CalendarChanged("CALENDAR_LOCAL_EDIT", "calendar:" + year + ":" + edit.date(),
                (edit.removes() ? "Bỏ ngày " : "Đặt ngày ") + edit.date() + (edit.removes() ? "" : " (" + edit.kind() + ": " + edit.name() + ")")
                        + " theo văn bản " + edit.documentNumber() + " ngày " + edit.documentDate() + " của " + edit.documentIssuer()));
        return after;
    }

    /** Where a year's days come from, for the pages: the basis and the local edit each day carries. */
    public YearSource source(int year) {
        var stored = store.storedYear(year);
        var edits = store.localEdits(year);
        var byId = new HashMap<Integer, LocalEdit.Recorded>();
        edits.forEach(e -> byId.put(e.id(), e));
        var byDate = new HashMap<LocalDate, LocalEdit.Recorded>();
        stored.ifPresent(s -> s.localEdits().forEach((date, id) -> byDate.put(date, byId.get(id))));
        return new YearSource(stored.map(s -> s.basis().equals("ANNOUNCEMENT")).orElse(false), Map.copyOf(byDate), edits);
    }

    /**
     * @param announced the year's list is the announcement (CSV), possibly with local edits; false: the Labor Code's days
     * @param localDays the days that carry a local edit, with it
     * @param history   every local edit of the year, newest first
     */
    public record YearSource(boolean announced, Map<LocalDate, LocalEdit.Recorded> localDays, List<LocalEdit.Recorded> history) {
    }

    /** @param withDocument whether the authorising document must be complete (when applying; a preview may come first) */
    private List<AnnouncedDay> edited(int year, LocalEdit edit, boolean withDocument) {
        var problems = new ArrayList<vn.motcua.platform.DomainProblem.InvalidParam>();
        if (withDocument && edit.documentNumber().isBlank()) {
            problems.add(new vn.motcua.platform.DomainProblem.InvalidParam("documentNumber", "cần số văn bản cho phép điều chỉnh"));
        }
        if (withDocument && edit.documentDate() == null) {
            problems.add(new vn.motcua.platform.DomainProblem.InvalidParam("documentDate", "cần ngày của văn bản (dd/MM/yyyy)"));
        }
        if (withDocument && edit.documentIssuer().isBlank()) {
            problems.add(new vn.motcua.platform.DomainProblem.InvalidParam("documentIssuer", "cần cơ quan ban hành văn bản"));
        }
        if (edit.date().getYear() != year) {
            problems.add(new vn.motcua.platform.DomainProblem.InvalidParam("date", "ngày " + edit.date() + " không thuộc năm " + year));
        }
        if (!edit.removes() && (edit.name() == null || edit.name().isBlank())) {
            problems.add(new vn.motcua.platform.DomainProblem.InvalidParam("name", "cần lý do nghỉ hoặc làm bù"));
        }
        if (!problems.isEmpty()) {
            throw CalendarProblem.invalidLocalEdit(problems);
        }
        var days = new ArrayList<>(current(year).stream().filter(d -> !d.date().equals(edit.date())).toList());
        if (!edit.removes()) {
            days.add(new AnnouncedDay(edit.date(), edit.kind(), edit.name().strip()));
        }
        days.sort(java.util.Comparator.comparing(AnnouncedDay::date));
        // checked line by line exactly as a CSV file would be (a make-up day on a weekday is refused, …)
        return AnnouncementCsv.parse(year, new java.io.StringReader(AnnouncementCsv.write(days)));
    }

    /** The year's list as the database holds it now (not this node's snapshot, which may lag another node's change). */
    private List<AnnouncedDay> current(int year) {
        return store.storedYear(year).map(CalendarStore.StoredYear::days).orElseGet(() -> HolidayRules.derive(year, store.statutoryHolidays()));
    }

    private AnnouncementPreview preview(int year, List<AnnouncedDay> after, @Nullable LocalEdit edit) {
        var stored = store.storedYear(year);
        var before = current(year);
        var text = new StringBuilder().append(year).append('|').append(stored.map(CalendarStore.StoredYear::basis).orElse("NONE")).append('\n');
        before.forEach(d -> text.append(d).append('|').append(stored.map(s -> s.localEdits().get(d.date())).orElse(null)).append('\n'));
        text.append("=>\n");
        after.forEach(d -> text.append(d).append('\n'));
        // the edit's document is given at confirmation (a removal's preview asks for it): not part of what changes
        if (edit != null) {
            text.append(edit.date()).append('|').append(edit.kind()).append('|').append(edit.name());
        }
        return AnnouncementPreview.of(year, stored.isPresent(), before, after, workingDays(year, before), workingDays(year, after), edit,
                sha256(text.toString()));
    }

    /** Working days of a year with these exceptions: Monday to Friday, less the weekdays off, plus the make-up Saturdays. */
    static long workingDays(int year, List<AnnouncedDay> exceptions) {
        var byDate = new HashMap<LocalDate, DayKind>();
        exceptions.forEach(d -> byDate.put(d.date(), d.kind()));
        long n = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            var kind = byDate.get(d);
            boolean weekday = d.getDayOfWeek().getValue() <= 5;
            if (kind != null ? kind.working() : weekday) {
                n++;
            }
        }
        return n;
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void checkYear(int year) {
        if (year < FIRST_DAY.getYear() || year > LAST_DAY.getYear()) {
            throw CalendarProblem.yearOutOfRange(year);
        }
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
