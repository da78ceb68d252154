package vn.motcua.calendar;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/** The calendar's tables: statutory holidays, yearly announcements, office hours and a revision counter. */
@Repository
class CalendarStore {

    private final JdbcClient jdbc;

    CalendarStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long revision() {
        return jdbc.sql("select value from calendar.revision where id = 1").query(Long.class).single();
    }

    private void bumpRevision() {
        jdbc.sql("update calendar.revision set value = value + 1 where id = 1").update();
    }

    List<StatutoryHoliday> statutoryHolidays() {
        return jdbc.sql("select * from calendar.statutory_holiday order by valid_from, id")
                .query((rs, n) -> new StatutoryHoliday(rs.getString("name"), rs.getString("rule"), rs.getInt("month"), rs.getInt("day"),
                        rs.getInt("length"), rs.getDate("valid_from").toLocalDate(),
                        rs.getDate("valid_to") == null ? null : rs.getDate("valid_to").toLocalDate()))
                .list();
    }

    void addStatutoryHoliday(StatutoryHoliday h) {
        jdbc.sql("""
                        insert into calendar.statutory_holiday (name, rule, month, day, length, valid_from, valid_to)
                        values (:name, :rule, :month, :day, :length, :from, :to)""")
                .param("name", h.name()).param("rule", h.rule()).param("month", h.month()).param("day", h.day())
                .param("length", h.length()).param("from", Date.valueOf(h.validFrom()))
                .param("to", h.validTo() == null ? null : Date.valueOf(h.validTo()))
                .update();
        bumpRevision();
    }

    /** Every announced year with its days. */
    Map<Integer, List<AnnouncedDay>> announcements() {
        var years = new TreeMap<Integer, List<AnnouncedDay>>();
        jdbc.sql("select year from calendar.announcement").query(Integer.class).list().forEach(y -> years.put(y, List.of()));
        jdbc.sql("select * from calendar.announced_day order by date").query((rs, n) -> Map.entry(rs.getInt("year"),
                        new AnnouncedDay(rs.getDate("date").toLocalDate(), DayKind.valueOf(rs.getString("kind")), rs.getString("name"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, TreeMap::new, Collectors.mapping(Map.Entry::getValue, Collectors.toList())))
                .forEach(years::put);
        return years;
    }

    boolean hasAnnouncement(int year) {
        return jdbc.sql("select count(*) from calendar.announcement where year = :year").param("year", year).query(Integer.class).single() > 0;
    }

    /** Replaces a year's announcement in the caller's transaction. */
    void replaceAnnouncement(int year, List<AnnouncedDay> days, String by) {
        replaceAnnouncement(year, days, by, "ANNOUNCEMENT", Map.of());
    }

    /**
     * Replaces a year's list of days.
     *
     * @param basis      ANNOUNCEMENT (the announcement's CSV) or DERIVED (the Labor Code's days edited locally)
     * @param localEdits the local edit each day comes from, by date (days without one come from the basis)
     */
    void replaceAnnouncement(int year, List<AnnouncedDay> days, String by, String basis, Map<LocalDate, Integer> localEdits) {
        jdbc.sql("delete from calendar.announced_day where year = :year").param("year", year).update();
        jdbc.sql("""
                        insert into calendar.announcement (year, updated_at, updated_by, basis) values (:year, now(), :by, :basis)
                        on conflict (year) do update set updated_at = now(), updated_by = :by, basis = :basis""")
                .param("year", year).param("by", by).param("basis", basis).update();
        for (var day : days) {
            jdbc.sql("insert into calendar.announced_day (year, date, kind, name, local_edit_id) values (:year, :date, :kind, :name, :edit)")
                    .param("year", year).param("date", Date.valueOf(day.date())).param("kind", day.kind().name())
                    .param("name", day.name()).param("edit", localEdits.get(day.date())).update();
        }
        bumpRevision();
    }

    /** One change of the calendar at a time per year, until the transaction ends (two administrators confirming at once). */
    void lockYear(int year) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('calendar.year'), :year)").param("year", year).query().singleRow();
    }

    /** A year's list as stored: where it comes from, its days, and the local edit each day carries. */
    record StoredYear(String basis, List<AnnouncedDay> days, Map<LocalDate, Integer> localEdits) {
    }

    java.util.Optional<StoredYear> storedYear(int year) {
        var basis = jdbc.sql("select basis from calendar.announcement where year = :year").param("year", year).query(String.class).optional();
        if (basis.isEmpty()) {
            return java.util.Optional.empty();
        }
        var days = new java.util.ArrayList<AnnouncedDay>();
        var edits = new java.util.HashMap<LocalDate, Integer>();
        jdbc.sql("select date, kind, name, local_edit_id from calendar.announced_day where year = :year order by date").param("year", year)
                .query(rs -> {
                    var day = new AnnouncedDay(rs.getDate("date").toLocalDate(), DayKind.valueOf(rs.getString("kind")), rs.getString("name"));
                    days.add(day);
                    int edit = rs.getInt("local_edit_id");
                    if (!rs.wasNull()) {
                        edits.put(day.date(), edit);
                    }
                });
        return java.util.Optional.of(new StoredYear(basis.get(), days, edits));
    }

    int insertLocalEdit(int year, LocalEdit edit, String by) {
        return jdbc.sql("""
                        insert into calendar.local_edit (year, date, action, kind, name, document_number, document_date, document_issuer,
                                                         edited_by, edited_at)
                        values (:year, :date, :action, :kind, :name, :number, :docDate, :issuer, :by, now()) returning id""")
                .param("year", year).param("date", Date.valueOf(edit.date())).param("action", edit.kind() == null ? "REMOVE" : "SET")
                .param("kind", edit.kind() == null ? null : edit.kind().name()).param("name", edit.name())
                .param("number", edit.documentNumber()).param("docDate", Date.valueOf(java.util.Objects.requireNonNull(edit.documentDate())))
                .param("issuer", edit.documentIssuer()).param("by", by).query(Integer.class).single();
    }

    /** The local edits of a year, newest first, each with who made it and when. */
    List<LocalEdit.Recorded> localEdits(int year) {
        return jdbc.sql("select * from calendar.local_edit where year = :year order by id desc").param("year", year)
                .query((rs, n) -> new LocalEdit.Recorded(rs.getInt("id"), new LocalEdit(rs.getDate("date").toLocalDate(),
                        rs.getString("kind") == null ? null : DayKind.valueOf(rs.getString("kind")), rs.getString("name"),
                        rs.getString("document_number"), rs.getDate("document_date").toLocalDate(), rs.getString("document_issuer")),
                        rs.getString("edited_by"), rs.getTimestamp("edited_at").toInstant()))
                .list();
    }

    /** The office hours in force: the default rows and those of agencies named by id (legacy rows are left out). */
    List<OfficeHours> officeHours() {
        return jdbc.sql("select * from calendar.office_hours where legacy_electronic_id is null order by valid_from, id")
                .query((rs, n) -> officeHours(rs)).list();
    }

    /** A row written before office hours named agencies by id. */
    record LegacyRow(int id, String electronicId, LocalDate validFrom) {
    }

    List<LegacyRow> legacyRows() {
        return jdbc.sql("select id, legacy_electronic_id, valid_from from calendar.office_hours where legacy_electronic_id is not null order by id")
                .query((rs, n) -> new LegacyRow(rs.getInt(1), rs.getString(2), rs.getDate(3).toLocalDate())).list();
    }

    void mapLegacyRow(int id, UUID agencyId) {
        jdbc.sql("update calendar.office_hours set agency_id = :agency, legacy_electronic_id = null where id = :id")
                .param("agency", agencyId).param("id", id).update();
        bumpRevision();
    }

    void addOfficeHours(OfficeHours h) {
        jdbc.sql("""
                        insert into calendar.office_hours (agency_id, valid_from, season_from, season_to, morning_start,
                            morning_end, afternoon_start, afternoon_end, cutoff, rounding)
                        values (:agency, :from, :seasonFrom, :seasonTo, :ms, :me, :as, :ae, :cutoff, :rounding)""")
                .param("agency", h.agencyId()).param("from", Date.valueOf(h.validFrom()))
                .param("seasonFrom", h.seasonFrom() == null ? null : h.seasonFrom().toString().substring(2))
                .param("seasonTo", h.seasonTo() == null ? null : h.seasonTo().toString().substring(2))
                .param("ms", Time.valueOf(h.morningStart())).param("me", Time.valueOf(h.morningEnd()))
                .param("as", Time.valueOf(h.afternoonStart())).param("ae", Time.valueOf(h.afternoonEnd()))
                .param("cutoff", Time.valueOf(h.cutoff())).param("rounding", h.rounding().name())
                .update();
        bumpRevision();
    }

    private static OfficeHours officeHours(ResultSet rs) throws SQLException {
        return new OfficeHours(rs.getObject("agency_id", UUID.class), rs.getDate("valid_from").toLocalDate(),
                monthDay(rs.getString("season_from")), monthDay(rs.getString("season_to")),
                rs.getTime("morning_start").toLocalTime(), rs.getTime("morning_end").toLocalTime(),
                rs.getTime("afternoon_start").toLocalTime(), rs.getTime("afternoon_end").toLocalTime(),
                rs.getTime("cutoff").toLocalTime(), RoundingPolicy.valueOf(rs.getString("rounding")));
    }

    private static MonthDay monthDay(String mmdd) {
        return mmdd == null ? null : MonthDay.parse("--" + mmdd);
    }
}
