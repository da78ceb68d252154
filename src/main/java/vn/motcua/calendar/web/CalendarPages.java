package vn.motcua.calendar.web;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.calendar.AnnouncedDay;
import vn.motcua.calendar.CalendarDay;
import vn.motcua.calendar.DayKind;
import vn.motcua.calendar.LunarCalendar;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.platform.DomainProblem;
import vn.motcua.platform.web.CsvBody;

import java.io.IOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The calendar as people see it: the public list of the year's days off, and for administrators a printable
 * twelve-month grid of the year with its announcement to edit day by day or replace from a CSV file.
 */
@Controller
class CalendarPages {

    private final WorkingCalendar calendar;
    private final vn.motcua.organization.AgencyDirectory agencies;
    private final Clock clock;

    CalendarPages(WorkingCalendar calendar, vn.motcua.organization.AgencyDirectory agencies, Clock clock) {
        this.calendar = calendar;
        this.agencies = agencies;
        this.clock = clock;
    }

    /** A month of the grid: weeks of seven cells from Monday, empty cells outside the month. */
    record Month(int number, List<List<@Nullable CalendarDay>> weeks) {
    }

    @GetMapping("/public/calendar")
    String publicCalendar(@RequestParam(required = false) @Nullable Integer year, Model model) {
        int y = year != null ? year : LocalDate.now(clock).getYear();
        var days = calendar.days(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
        model.addAttribute("year", y);
        model.addAttribute("yearName", LunarCalendar.toLunar(LocalDate.of(y, 6, 1)).yearName());
        model.addAttribute("offDays", days.stream().filter(d -> !d.working() && d.kind() != DayKind.WEEKEND).toList());
        model.addAttribute("makeUpDays", days.stream().filter(d -> d.kind() == DayKind.MAKEUP_WORKDAY).toList());
        var source = calendar.source(y);
        model.addAttribute("announced", source.announced());
        model.addAttribute("localDays", source.localDays());
        return "calendar/public";
    }

    @GetMapping("/admin/calendar")
    String currentYear() {
        return "redirect:/admin/calendar/" + LocalDate.now(clock).getYear();
    }

    @GetMapping("/admin/calendar/{year}")
    String year(@PathVariable int year, Model model) {
        var days = calendar.days(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        var months = new ArrayList<Month>();
        for (int m = 1; m <= 12; m++) {
            final int month = m;
            months.add(month(month, days.stream().filter(d -> d.date().getMonthValue() == month).toList()));
        }
        model.addAttribute("year", year);
        model.addAttribute("yearName", LunarCalendar.toLunar(LocalDate.of(year, 6, 1)).yearName());
        model.addAttribute("months", months);
        var source = calendar.source(year);
        model.addAttribute("announced", source.announced());
        model.addAttribute("source", source);
        model.addAttribute("edited", calendar.announcement(year).isPresent() && !source.announced());
        model.addAttribute("exceptions", calendar.exceptions(year));
        model.addAttribute("workingDays", days.stream().filter(CalendarDay::working).count());
        model.addAttribute("kinds", List.of(DayKind.HOLIDAY, DayKind.COMPENSATORY, DayKind.SWAPPED_OFF, DayKind.MAKEUP_WORKDAY));
        model.addAttribute("officeHours", calendar.officeHours());
        var electronicIds = new java.util.HashMap<java.util.UUID, String>();
        calendar.officeHours().stream().map(vn.motcua.calendar.OfficeHours::agencyId).filter(java.util.Objects::nonNull).distinct()
                .forEach(id -> electronicIds.put(id, agencies.get(id).electronicId()));
        model.addAttribute("electronicIds", electronicIds);
        return "calendar/admin-year";
    }

    /** Setting one day locally: previewed first, applied on confirmation with its authorising document. */
    @PostMapping("/admin/calendar/{year}/days")
    String addDay(@PathVariable int year, @RequestParam java.util.Map<String, String> form, Model model, RedirectAttributes flash) {
        return previewEdit(year, form, false, model, flash);
    }

    /** Removing one day locally: the preview asks for the authorising document. */
    @PostMapping("/admin/calendar/{year}/days/{date}/removal")
    String removeDay(@PathVariable int year, @PathVariable String date, @RequestParam java.util.Map<String, String> form, Model model,
                     RedirectAttributes flash) {
        var withDate = new java.util.HashMap<>(form);
        withDate.put("date", date);
        withDate.put("kind", "");
        return previewEdit(year, withDate, false, model, flash);
    }

    @PostMapping("/admin/calendar/{year}/days/confirmation")
    String confirmEdit(@PathVariable int year, @RequestParam java.util.Map<String, String> form, Model model, RedirectAttributes flash) {
        return previewEdit(year, form, true, model, flash);
    }

    private String previewEdit(int year, java.util.Map<String, String> form, boolean confirm, Model model, RedirectAttributes flash) {
        var errors = new java.util.LinkedHashMap<String, String>();
        LocalDate date = date(form.get("date"), "date", errors);
        LocalDate documentDate = date(form.get("documentDate"), "documentDate", errors);
        DayKind kind = null;
        if (!form.getOrDefault("kind", "").isBlank()) {
            try {
                kind = DayKind.valueOf(form.get("kind"));
                if (!kind.announceable()) {
                    throw new IllegalArgumentException(kind.name());
                }
            } catch (IllegalArgumentException e) {
                errors.put("kind", "loại ngày không hợp lệ");
            }
        }
        if (date == null || errors.containsKey("kind")) {
            errors.putIfAbsent("date", "cần ngày (dd/MM/yyyy)");
            flash.addFlashAttribute("problem", "Chưa thay đổi gì: " + String.join("; ", errors.values()));
            return "redirect:/admin/calendar/" + year;
        }
        var edit = new vn.motcua.calendar.LocalEdit(date, kind, kind == null ? null : form.getOrDefault("name", "").strip(),
                form.getOrDefault("documentNumber", "").strip(), documentDate, form.getOrDefault("documentIssuer", "").strip());
        try {
            if (confirm && errors.isEmpty()) {
                var days = calendar.applyLocalEdit(year, edit, form.getOrDefault("digest", ""));
                flash.addFlashAttribute("savedLocal", days.size());
                return "redirect:/admin/calendar/" + year;
            }
            model.addAttribute("preview", calendar.previewLocalEdit(year, edit));
        } catch (DomainProblem problem) {
            if (!confirm) {
                flash.addFlashAttribute("problem", problem.getMessage());
                flash.addFlashAttribute("problemLines", problem.invalidParams());
                return "redirect:/admin/calendar/" + year;
            }
            problem.invalidParams().forEach(p -> errors.putIfAbsent(p.name(), p.reason()));
            model.addAttribute("problem", problem.getMessage());
            try {
                model.addAttribute("preview", calendar.previewLocalEdit(year, edit));
            } catch (DomainProblem again) {
                flash.addFlashAttribute("problem", again.getMessage());
                return "redirect:/admin/calendar/" + year;
            }
        }
        model.addAttribute("year", year);
        model.addAttribute("form", form);
        model.addAttribute("errors", confirm ? errors : java.util.Map.of());
        return "calendar/preview";
    }

    /** Replacing the year from a CSV: previewed first (days added and removed, Tết among them), applied on confirmation. */
    @PostMapping("/admin/calendar/{year}/import")
    String importFile(@PathVariable int year, @RequestParam("file") MultipartFile file, Model model, RedirectAttributes flash) throws IOException {
        try {
            String csv = readAll(CsvBody.read(file.getBytes(), null));
            model.addAttribute("preview", calendar.previewAnnouncement(year, csv));
            model.addAttribute("csv", csv);
            model.addAttribute("fileName", file.getOriginalFilename());
            model.addAttribute("year", year);
            model.addAttribute("errors", java.util.Map.of());
            return "calendar/preview";
        } catch (DomainProblem problem) {
            flash.addFlashAttribute("problem", problem.getMessage());
            flash.addFlashAttribute("problemLines", problem.invalidParams());
            return "redirect:/admin/calendar/" + year;
        }
    }

    @PostMapping("/admin/calendar/{year}/import/confirmation")
    String confirmImport(@PathVariable int year, @RequestParam String csv, @RequestParam String digest, Model model, RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("saved", calendar.replaceAnnouncement(year, csv, digest).size());
            return "redirect:/admin/calendar/" + year;
        } catch (DomainProblem problem) {
            model.addAttribute("problem", problem.getMessage());
            model.addAttribute("preview", calendar.previewAnnouncement(year, csv));
            model.addAttribute("csv", csv);
            model.addAttribute("year", year);
            model.addAttribute("errors", java.util.Map.of());
            return "calendar/preview";
        }
    }

    private static String readAll(java.io.Reader reader) throws IOException {
        var out = new java.io.StringWriter();
        reader.transferTo(out);
        return out.toString();
    }

    private static final java.time.format.DateTimeFormatter VIETNAMESE_DATE = java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private static @Nullable LocalDate date(@Nullable String raw, String field, java.util.Map<String, String> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return raw.contains("/") ? LocalDate.parse(raw.strip(), VIETNAMESE_DATE) : LocalDate.parse(raw.strip());
        } catch (java.time.format.DateTimeParseException e) {
            errors.put(field, "'" + raw + "' không phải ngày: ghi dd/MM/yyyy");
            return null;
        }
    }

    @PostMapping("/admin/calendar/{year}/office-hours")
    String addOfficeHours(@PathVariable int year, @RequestParam(required = false) @Nullable String agencyElectronicId,
                          @RequestParam LocalDate validFrom,
                          @RequestParam(required = false) @Nullable String seasonFrom, @RequestParam(required = false) @Nullable String seasonTo,
                          @RequestParam @DateTimeFormat(pattern = "HH:mm") java.time.LocalTime morningStart,
                          @RequestParam @DateTimeFormat(pattern = "HH:mm") java.time.LocalTime morningEnd,
                          @RequestParam @DateTimeFormat(pattern = "HH:mm") java.time.LocalTime afternoonStart,
                          @RequestParam @DateTimeFormat(pattern = "HH:mm") java.time.LocalTime afternoonEnd,
                          @RequestParam @DateTimeFormat(pattern = "HH:mm") java.time.LocalTime cutoff,
                          @RequestParam vn.motcua.calendar.RoundingPolicy rounding, RedirectAttributes flash) {
        try {
            calendar.addOfficeHours(new vn.motcua.calendar.OfficeHours(agencyElectronicId == null || agencyElectronicId.isBlank()
                    ? null : calendar.agencyIdOf(agencyElectronicId), validFrom, monthDay(seasonFrom), monthDay(seasonTo),
                    morningStart, morningEnd, afternoonStart, afternoonEnd, cutoff, rounding));
            flash.addFlashAttribute("hoursSaved", true);
        } catch (IllegalArgumentException | DomainProblem | java.time.DateTimeException wrong) {
            flash.addFlashAttribute("hoursProblem", wrong.getMessage());
        }
        return "redirect:/admin/calendar/" + year + "#office-hours";
    }

    /** A season's day as officials write it, "15/4" or "15/04"; blank means no season. */
    private static java.time.@Nullable MonthDay monthDay(@Nullable String ddMM) {
        if (ddMM == null || ddMM.isBlank()) {
            return null;
        }
        String[] parts = ddMM.strip().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("Ngày của mùa '" + ddMM + "' phải có dạng ngày/tháng, ví dụ 15/4");
        }
        return java.time.MonthDay.of(Integer.parseInt(parts[1].strip()), Integer.parseInt(parts[0].strip()));
    }

    private static Month month(int number, List<CalendarDay> days) {
        var weeks = new ArrayList<List<@Nullable CalendarDay>>();
        var week = new ArrayList<@Nullable CalendarDay>();
        int lead = days.getFirst().date().getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
        for (int i = 0; i < lead; i++) {
            week.add(null);
        }
        for (CalendarDay day : days) {
            week.add(day);
            if (week.size() == 7) {
                weeks.add(week);
                week = new ArrayList<>();
            }
        }
        if (!week.isEmpty()) {
            while (week.size() < 7) {
                week.add(null);
            }
            weeks.add(week);
        }
        return new Month(number, weeks);
    }
}
