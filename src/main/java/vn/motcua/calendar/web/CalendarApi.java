package vn.motcua.calendar.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.calendar.AnnouncedDay;
import vn.motcua.calendar.CalendarProblem;
import vn.motcua.calendar.DayKind;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.calendar.LunarCalendar;
import vn.motcua.calendar.LunarDate;
import vn.motcua.calendar.OfficeHours;
import vn.motcua.calendar.RoundingPolicy;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.organization.AgencyDirectory;
import vn.motcua.platform.web.ApiController;
import vn.motcua.platform.web.CsvBody;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.UUID;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The working calendar for the rest of the system and for outside clients. Reads are public; changing a
 * year's announcement needs ADMIN. Dates are Vietnam's local dates; times are {@code YYYY-MM-DDTHH:MM}.
 */
@ApiController("/api/v1/calendar")
@Tag(name = "Lịch làm việc (working calendar)")
@Validated
class CalendarApi {

    static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

    private final WorkingCalendar calendar;
    private final AgencyDirectory agencies;

    CalendarApi(WorkingCalendar calendar, AgencyDirectory agencies) {
        this.calendar = calendar;
        this.agencies = agencies;
    }

    record Day(LocalDate date, boolean working, DayKind kind, @Nullable String name) {
    }

    record DateJson(LocalDate date) {
    }

    record Count(int workingDays) {
    }

    record Due(String start, String due) {
    }

    record Lunar(int year, int month, int day, boolean leapMonth, String yearName) {
    }

    @GetMapping("/days")
    @Operation(summary = "Every day from 'from' to 'to' (inclusive) with whether it is a working day and why")
    List<Day> days(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return calendar.days(from, to).stream().map(d -> new Day(d.date(), d.working(), d.kind(), d.name())).toList();
    }

    @GetMapping("/working-days/add")
    @Operation(summary = "The N-th working day after 'date' (the date itself is not counted; N = 0 gives the date or the next working day)")
    DateJson add(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                 @RequestParam @Min(0) @Max(10_000) int days) {
        return new DateJson(calendar.addWorkingDays(date, days));
    }

    @GetMapping("/working-days/count")
    @Operation(summary = "Working days in [from, to)")
    Count count(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return new Count(calendar.countWorkingDays(from, to));
    }

    @GetMapping("/due")
    @Operation(summary = "When a time limit falls due, with the start normalised to office hours")
    Due due(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime start,
            @RequestParam @Min(0) @Max(10_000) int amount, @RequestParam DurationUnit unit,
            @RequestParam(required = false) @Nullable String agency) {
        var deadline = calendar.due(start, amount, unit, agency == null ? null : agencyId(agency));
        return new Due(deadline.start().format(MINUTES), deadline.due().format(MINUTES));
    }

    @GetMapping("/lunar")
    Lunar lunar(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        var l = LunarCalendar.toLunar(date);
        return new Lunar(l.year(), l.month(), l.day(), l.leapMonth(), l.yearName());
    }

    @GetMapping("/solar")
    DateJson solar(@RequestParam int year, @RequestParam @Min(1) @Max(12) int month, @RequestParam @Min(1) @Max(30) int day,
                   @RequestParam(defaultValue = "false") boolean leapMonth) {
        var lunar = new LunarDate(year, month, day, leapMonth);
        return LunarCalendar.toSolar(lunar).map(DateJson::new).orElseThrow(() -> CalendarProblem.noSuchLunarDay(lunar));
    }

    @GetMapping(path = "/announcements/{year}", produces = "text/csv")
    ResponseEntity<String> announcement(@PathVariable int year) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(calendar.announcementCsv(year));
    }

    @PutMapping(path = "/announcements/{year}", consumes = "text/csv")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Replace a year's announcement (CSV date,kind,name) atomically; any bad line and nothing is applied. "
            + "dryRun=true answers the days it would add, remove and change (with a digest) and changes nothing; digest=… replaces only "
            + "if the year is still as previewed (409 calendar.preview-outdated otherwise)")
    Object replace(@PathVariable int year, @RequestBody byte[] csv, @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type,
                   @RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(required = false) @Nullable String digest)
            throws java.io.IOException {
        if (!dryRun && (digest == null || digest.isBlank())) {
            return calendar.replaceAnnouncement(year, CsvBody.read(csv, type));
        }
        var text = new java.io.StringWriter();
        CsvBody.read(csv, type).transferTo(text);
        return dryRun ? calendar.previewAnnouncement(year, text.toString()) : calendar.replaceAnnouncement(year, text.toString(), digest);
    }

    /**
     * Office hours as clients send and read them: the agency by its id ({@code agencyId}) or, on input only, by the
     * electronic ID it holds at the time of the request ({@code agencyElectronicId}); both null for every agency.
     */
    record OfficeHoursJson(@Nullable UUID agencyId, @Nullable String agencyElectronicId, LocalDate validFrom, @Nullable MonthDay seasonFrom,
                           @Nullable MonthDay seasonTo, LocalTime morningStart, LocalTime morningEnd, LocalTime afternoonStart,
                           LocalTime afternoonEnd, LocalTime cutoff, RoundingPolicy rounding) {

        /** The rules of {@link OfficeHours}, checked while the body is read, so that a bad body is a 400. */
        OfficeHoursJson {
            new OfficeHours(null, validFrom, seasonFrom, seasonTo, morningStart, morningEnd, afternoonStart, afternoonEnd, cutoff, rounding);
        }

        static OfficeHoursJson of(OfficeHours h, @Nullable String electronicId) {
            return new OfficeHoursJson(h.agencyId(), electronicId, h.validFrom(), h.seasonFrom(), h.seasonTo(), h.morningStart(),
                    h.morningEnd(), h.afternoonStart(), h.afternoonEnd(), h.cutoff(), h.rounding());
        }
    }

    @GetMapping("/office-hours")
    @Operation(summary = "Every office-hours rule: default and per agency (by id, with the electronic ID it holds today), "
            + "with effective dates and seasons")
    List<OfficeHoursJson> officeHours() {
        var electronicIds = new java.util.HashMap<UUID, String>();
        return calendar.officeHours().stream().map(h -> OfficeHoursJson.of(h, h.agencyId() == null ? null
                : electronicIds.computeIfAbsent(h.agencyId(), id -> agencies.get(id).electronicId()))).toList();
    }

    @org.springframework.web.bind.annotation.PostMapping("/office-hours")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Add office hours in force from a date, for one agency (agencyId, or the agencyElectronicId it holds now) "
            + "or for all when both are null; stored by agency id, so a re-issued electronic ID keeps them")
    ResponseEntity<OfficeHoursJson> addOfficeHours(@RequestBody OfficeHoursJson hours) {
        UUID agency = hours.agencyId() != null ? hours.agencyId()
                : hours.agencyElectronicId() == null || hours.agencyElectronicId().isBlank() ? null : calendar.agencyIdOf(hours.agencyElectronicId());
        var added = calendar.addOfficeHours(new OfficeHours(agency, hours.validFrom(), hours.seasonFrom(), hours.seasonTo(),
                hours.morningStart(), hours.morningEnd(), hours.afternoonStart(), hours.afternoonEnd(), hours.cutoff(), hours.rounding()));
        return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED)
                .body(OfficeHoursJson.of(added, agency == null ? null : agencies.get(agency).electronicId()));
    }

    /** An agency given as its id or as the electronic ID it holds today. */
    private UUID agencyId(String agency) {
        try {
            return calendar.agencyIdOf(UUID.fromString(agency));
        } catch (IllegalArgumentException notAnId) {
            return calendar.agencyIdOf(agency);
        }
    }
}
