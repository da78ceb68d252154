package vn.motcua.dossier.web;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.ActionRequest;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierProcessing;
import vn.motcua.dossier.DossierWords;
import vn.motcua.dossier.Intake;
import vn.motcua.dossier.WorkQueue;
import vn.motcua.dossier.slip.Slips;
import vn.motcua.organization.AccessScope;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffDirectory;
import vn.motcua.organization.StaffView;
import vn.motcua.platform.CurrentUser;
import vn.motcua.platform.DomainProblem;
import vn.motcua.platform.web.Paged;
import vn.motcua.platform.web.VietnameseDates;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The staff's work: the work queues of every role (mine, my unit's, due today, overdue, due soon, waiting for the
 * applicant, online dossiers waiting for acceptance), sorted by due time with the time left in working time, bulk
 * assignment for the ASSIGNER; and the dossier page for staff ({@code /ho-so/{code}}): timeline, documents, slips,
 * the steps with their budgets, and only the actions the signed-in user may take now, each with the form its needs.
 * A queue tab swaps only the list under htmx ({@code HX-Request}); without JavaScript the tabs are links.
 */
@Controller
@RequestMapping("/ho-so")
class WorkPages {

    /** The tabs, in the order officials read them. */
    static final List<WorkQueue> QUEUES = List.of(WorkQueue.values());
    /** The actions that move a dossier on: the one a holder usually takes. */
    static final java.util.Set<DossierAction> FORWARD = java.util.EnumSet.of(DossierAction.ASSIGN, DossierAction.COMPLETE_STEP,
            DossierAction.APPROVE, DossierAction.ISSUE_RESULT, DossierAction.RETURN_RESULT, DossierAction.SUPPLEMENT_RECEIVED,
            DossierAction.PAYMENT_RECEIVED, DossierAction.CONSULTATION_ANSWERED, DossierAction.RESUME);

    private final DossierProcessing processing;
    private final StaffDirectory staff;
    private final WorkingCalendar calendar;
    private final Slips slips;
    private final Clock clock;
    private final org.springframework.context.MessageSource messages;

    WorkPages(DossierProcessing processing, StaffDirectory staff, WorkingCalendar calendar, Slips slips, Clock clock,
              org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.processing = processing;
        this.staff = staff;
        this.calendar = calendar;
        this.slips = slips;
        this.clock = clock;
    }

    // --- the queues -----------------------------------------------------------------------------------------------

    @GetMapping
    String queues(@RequestParam(name = "queue", required = false) @Nullable String queueParam,
                  @RequestParam(defaultValue = "1") int page, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
                  Model model) {
        WorkQueue queue = queueOf(queueParam);
        fillQueue(queue, page, model);
        return htmx != null ? "dossier/work :: queue" : "dossier/work";
    }

    /** Bulk assignment: each dossier in its own transaction; the list says which were assigned and why not the others. */
    @PostMapping("/phan-cong")
    String assign(@RequestParam(name = "codes", required = false) @Nullable List<String> codes,
                  @RequestParam(defaultValue = "") String assignee, @RequestParam(name = "queue", required = false) @Nullable String queueParam,
                  @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model, HttpServletResponse response) {
        WorkQueue queue = queueOf(queueParam);
        var problems = new LinkedHashMap<String, String>();
        if (codes == null || codes.isEmpty()) {
            problems.put("codes", msg("work.assign.noneChosen"));
        }
        if (assignee.isBlank()) {
            problems.put("assignee", msg("work.assign.noAssignee"));
        }
        if (problems.isEmpty()) {
            var outcomes = processing.assignAll(codes.stream().limit(200).toList(), assignee.strip(), null, "");
            model.addAttribute("outcomes", outcomes);
        } else {
            response.setStatus(422);
            model.addAttribute("assignErrors", problems);
        }
        fillQueue(queue, 1, model);
        return htmx != null ? "dossier/work :: queue" : "dossier/work";
    }

    private void fillQueue(WorkQueue queue, int page, Model model) {
        int size = Paged.DEFAULT_SIZE;
        var result = processing.queue(queue, null, null, null, Math.max(0, page - 1), size);
        Instant now = clock.instant();
        var rows = result.items().stream().map(i -> new Row(i.code(), i.procedureName(), i.applicantName(), i.step(), i.assignee(),
                i.stepDueAt(), i.dueAt(), i.extended(), countdown(i.stepDueAt() != null ? i.stepDueAt() : i.dueAt(), i.stepAgencyId(), now))).toList();
        var filters = new LinkedHashMap<String, String>();
        filters.put("queue", param(queue));
        model.addAttribute("queue", queue);
        model.addAttribute("queueParam", param(queue));
        model.addAttribute("queues", QUEUES);
        model.addAttribute("counts", result.counts());
        model.addAttribute("rows", rows);
        model.addAttribute("paged", new Paged<>(rows, Math.max(1, page), size, result.total(), "/ho-so", filters));
        AccessScope scope = staff.scopeOf(CurrentUser.name());
        boolean assigner = scope.has(Role.ASSIGNER);
        model.addAttribute("assigner", assigner);
        model.addAttribute("specialists", assigner ? specialists(scope) : List.of());
        model.addAttribute("views", new Views());
    }

    /** The specialists an ASSIGNER may give work to: SPECIALISTs of the agencies where they assign. */
    private List<StaffView> specialists(AccessScope scope) {
        var me = staff.byUsername(CurrentUser.name()).orElse(null);
        if (me == null) {
            return List.of();
        }
        var agencies = me.roles().stream().filter(r -> r.role() == Role.ASSIGNER).map(r -> r.agencyId()).distinct().toList();
        var out = new ArrayList<StaffView>();
        for (UUID agency : agencies) {
            staff.ofAgency(agency, scope).stream().filter(StaffView::active)
                    .filter(s -> s.roles().stream().anyMatch(r -> r.role() == Role.SPECIALIST && r.agencyId().equals(agency)))
                    .filter(s -> out.stream().noneMatch(o -> o.id().equals(s.id())))
                    .forEach(out::add);
        }
        return out;
    }

    /** A queue row with the working time left before the step's due time (the dossier's when the step has none). */
    record Row(String code, String procedureName, String applicantName, @Nullable String step, @Nullable String assignee,
               @Nullable Instant stepDueAt, @Nullable Instant dueAt, boolean extended, @Nullable Left left) {
    }

    /** Working time left before a due time (negative: past it), in words, with its urgency. */
    record Left(long minutes, String words, Countdown.Urgency urgency) {
        public String css() {
            return switch (urgency) {
                case OVERDUE -> "text-bg-danger";
                case DUE_SOON -> "text-bg-warning";
                case ON_TRACK -> "text-bg-success";
            };
        }
    }

    private @Nullable Left countdown(@Nullable Instant due, @Nullable UUID agencyId, Instant now) {
        if (due == null) {
            return null;
        }
        LocalDateTime from = LocalDateTime.ofInstant(now, DossierWords.VIETNAM);
        LocalDateTime to = LocalDateTime.ofInstant(due, DossierWords.VIETNAM);
        long minutes = due.isBefore(now) ? -calendar.workingMinutesBetween(to, from, agencyId) : calendar.workingMinutesBetween(from, to, agencyId);
        if (minutes == 0 && due.isBefore(now)) {
            minutes = -1; // past it outside office hours: late all the same
        }
        var h = calendar.officeHoursOn(from.toLocalDate(), agencyId);
        int perDay = (int) (java.time.Duration.between(h.morningStart(), h.morningEnd()).toMinutes()
                + java.time.Duration.between(h.afternoonStart(), h.afternoonEnd()).toMinutes());
        return new Left(minutes, Countdown.words(minutes, perDay, LocaleContextHolder.getLocale()), Countdown.urgency(minutes, perDay));
    }

    /** The queue asked for; by default the caller's own work, or the desk's waiting online dossiers for a desk officer. */
    private WorkQueue queueOf(@Nullable String p) {
        if (p != null) {
            try {
                return WorkQueue.of(p);
            } catch (IllegalArgumentException unknown) {
                // fall through to the default
            }
        }
        AccessScope scope = staff.scopeOf(CurrentUser.name());
        if (scope.has(Role.ASSIGNER)) {
            return WorkQueue.UNIT;
        }
        return WorkQueue.MINE;
    }

    static String param(WorkQueue q) {
        return q.param();
    }

    // --- one dossier ------------------------------------------------------------------------------------------------

    @GetMapping("/{code}")
    String dossier(@PathVariable String code, Model model) {
        return dossierView(processing.get(code), new ActionForm(), null, model);
    }

    @PostMapping("/{code}/hanh-dong")
    String act(@PathVariable String code, @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
               RedirectAttributes flash) {
        var f = ActionForm.of(form);
        var problems = new LinkedHashMap<String, String>();
        ActionRequest request = f.toRequest(problems);
        if (request == null || !problems.isEmpty()) {
            response.setStatus(400);
            return dossierView(processing.get(code), f, problems, model);
        }
        try {
            processing.act(code, request, f.token().isBlank() ? null : f.token());
            flash.addFlashAttribute("done", DossierWords.action(request.action()));
            return "redirect:/ho-so/" + code;
        } catch (DomainProblem refused) {
            response.setStatus(refused.status().value());
            if (refused.invalidParams().isEmpty()) {
                if (refused.status().value() == 404) {
                    throw refused;
                }
                model.addAttribute("refusal", refused.getMessage());
                model.addAttribute("conflict", refused.code().equals("dossier.changed") || refused.code().equals("dossier.illegal-move"));
                return dossierView(processing.get(code), new ActionForm(), null, model);
            }
            refused.invalidParams().forEach(p -> problems.putIfAbsent(ActionForm.fieldOf(p.name()), p.reason()));
            return dossierView(processing.get(code), f, problems, model);
        }
    }

    @GetMapping("/{code}/phieu/{form}.pdf")
    ResponseEntity<byte[]> slip(@PathVariable String code, @PathVariable String form) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", org.springframework.http.ContentDisposition.inline()
                        .filename("mau-" + form + "-" + code + ".pdf", java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(slips.pdf(processing.slip(code, form)));
    }

    private String dossierView(Dossier d, ActionForm form, @Nullable Map<String, String> problems, Model model) {
        // the move forward first (its form is open), then the others in the service's order
        List<DossierProcessing.AvailableAction> actions = processing.actions(d.code()).stream()
                .sorted(java.util.Comparator.comparing(a -> FORWARD.contains(a.action()) ? 0 : 1)).toList();
        model.addAttribute("d", d);
        model.addAttribute("actions", actions);
        model.addAttribute("postedAction", form.action());
        // keyed by the input's id ("ISSUE_RESULT-resultDate"): the message and what was typed go back to the action's own form
        var errors = new LinkedHashMap<String, String>();
        if (problems != null) {
            problems.forEach((k, v) -> errors.put(form.action() + "-" + k, v));
        }
        var values = new LinkedHashMap<String, String>();
        form.values().forEach((k, v) -> values.put(form.action() + "-" + k, v));
        values.put(form.action() + "-newDueDate", form.newDueDate());
        values.put(form.action() + "-newDueTime", form.newDueTime());
        for (int i = 0; i < form.missing().size(); i++) {
            values.put(form.action() + "-missing-" + i + "-requirement", form.missing().get(i).requirement());
            values.put(form.action() + "-missing-" + i + "-reason", form.missing().get(i).reason());
        }
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        model.addAttribute("summary", problems == null ? List.of() : problems.entrySet().stream()
                .map(e -> new DeskPages.ErrorLinks(form.action() + "-" + e.getKey(), e.getValue())).toList());
        Instant now = clock.instant();
        UUID stepAgency = d.currentSteps().isEmpty() ? d.handlingAgency().id() : d.currentSteps().getFirst().agencyId();
        model.addAttribute("left", d.state().isFinal() ? null : countdown(d.dueAt(), stepAgency, now));
        model.addAttribute("views", new Views());
        model.addAttribute("dossierViews", new DeskPages.DossierViews());
        AccessScope scope = staff.scopeOf(CurrentUser.name());
        model.addAttribute("desk", scope.has(Role.DESK_OFFICER));
        model.addAttribute("specialists", actions.stream().anyMatch(a -> a.action() == DossierAction.ASSIGN) ? assignable(d, scope) : List.of());
        model.addAttribute("token", UUID.randomUUID().toString());
        return "dossier/case";
    }

    /** Who the ASSIGN form offers: the specialists of the agency that holds the current step. */
    private List<StaffView> assignable(Dossier d, AccessScope scope) {
        UUID agency = d.currentSteps().isEmpty() ? d.handlingAgency().id() : d.currentSteps().getFirst().agencyId();
        return staff.ofAgency(agency, scope).stream().filter(StaffView::active)
                .filter(s -> s.roles().stream().anyMatch(r -> r.role() == Role.SPECIALIST && r.agencyId().equals(agency))).toList();
    }

    private String msg(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private static @Nullable LocalDate readDate(String text) {
        try {
            return VietnameseDates.read(text.strip());
        } catch (java.text.ParseException | RuntimeException e) {
            return null;
        }
    }

    /** What the action forms typed, one set of fields per action (only one is sent at a time). */
    record ActionForm(String action, String version, String note, String assignee, String agency, String days, String reason,
                      String newDueDate, String newDueTime, String resultNumber, String resultDate, String delivery,
                      String receivedBy, String amount, String consultationId, String role, List<Intake.Missing> missing,
                      String token) {

        ActionForm() {
            this("", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", List.of(), "");
        }

        static ActionForm of(MultiValueMap<String, String> f) {
            var missing = new ArrayList<Intake.Missing>();
            for (int i = 0; i < 10; i++) {
                String req = first(f, "missing[" + i + "].requirement");
                String why = first(f, "missing[" + i + "].reason");
                if (!req.isBlank() || !why.isBlank()) {
                    missing.add(new Intake.Missing(req, why));
                }
            }
            return new ActionForm(first(f, "action"), first(f, "version"), first(f, "note"), first(f, "assignee"), first(f, "agency"),
                    first(f, "days"), first(f, "reason"), first(f, "newDueDate"), first(f, "newDueTime"), first(f, "resultNumber"),
                    first(f, "resultDate"), first(f, "delivery"), first(f, "receivedBy"), first(f, "amount"),
                    first(f, "consultationId"), first(f, "role"), missing, first(f, "token"));
        }

        /** The plain fields by their request names, for the template's generic inputs. */
        public Map<String, String> values() {
            var m = new LinkedHashMap<String, String>();
            m.put("note", note);
            m.put("assignee", assignee);
            m.put("agency", agency);
            m.put("days", days);
            m.put("reason", reason);
            m.put("resultNumber", resultNumber);
            m.put("resultDate", resultDate);
            m.put("receivedBy", receivedBy);
            m.put("amount", amount);
            m.put("consultationId", consultationId);
            m.put("role", role);
            return m;
        }

        /** The request, or null with what the page itself could not read (a date, a number). */
        @Nullable ActionRequest toRequest(Map<String, String> problems) {
            DossierAction a;
            try {
                a = DossierAction.valueOf(action);
            } catch (IllegalArgumentException e) {
                problems.put("action", "Chọn một việc cần làm.");
                return null;
            }
            Integer v = version.matches("\\d{1,9}") ? Integer.valueOf(version) : null;
            var r = ActionRequest.of(a, v);
            if (!note.isBlank()) {
                r = r.withNote(note.strip());
            }
            if (!assignee.isBlank()) {
                r = r.withAssignee(assignee.strip(), null);
            }
            if (!agency.isBlank()) {
                Integer d = null;
                if (!days.isBlank()) {
                    if (!days.strip().matches("\\d{1,3}") || Integer.parseInt(days.strip()) < 1
                            || Integer.parseInt(days.strip()) > DossierProcessing.MAX_DAYS) {
                        problems.put("days", "Nhập số ngày làm việc, từ 1 đến " + DossierProcessing.MAX_DAYS + ".");
                    } else {
                        d = Integer.valueOf(days.strip());
                    }
                }
                r = r.withAgency(agency.strip(), d);
            }
            if (!reason.isBlank()) {
                r = r.withReason(reason.strip());
            }
            if (!role.isBlank()) {
                r = r.withRole(role.strip());
            }
            if (!missing.isEmpty()) {
                r = r.withMissing(missing);
            }
            if (!consultationId.isBlank()) {
                try {
                    r = r.withConsultation(UUID.fromString(consultationId.strip()));
                } catch (IllegalArgumentException e) {
                    problems.put("consultationId", "Chọn ý kiến cần ghi nhận.");
                }
            }
            if (!amount.isBlank()) {
                String digits = amount.replaceAll("[.,\\s]", "");
                if (!digits.matches("\\d{1,12}")) {
                    problems.put("amount", "Nhập số tiền bằng số (đồng), ví dụ 200.000.");
                } else {
                    r = r.withPayment(Long.parseLong(digits));
                }
            }
            if (!newDueDate.isBlank()) {
                var date = readDate(newDueDate);
                LocalTime time = newDueTime.isBlank() ? LocalTime.of(17, 0) : parseTime(newDueTime);
                if (date == null) {
                    problems.put("newDueDate", "Nhập ngày hẹn mới dạng ngày/tháng/năm, ví dụ 15/12/2026.");
                } else if (time == null) {
                    problems.put("newDueTime", "Nhập giờ hẹn dạng 24 giờ, ví dụ 16:30.");
                } else {
                    r = r.withNewDueAt(date.atTime(time).atZone(DossierWords.VIETNAM).toInstant());
                }
            }
            if (!resultNumber.isBlank() || !resultDate.isBlank()) {
                LocalDate date = resultDate.isBlank() ? null : readDate(resultDate);
                if (!resultDate.isBlank() && date == null) {
                    problems.put("resultDate", "Nhập ngày ban hành dạng ngày/tháng/năm, ví dụ 15/12/2026.");
                } else {
                    r = r.withResult(resultNumber.strip(), date, null);
                }
            }
            if (!delivery.isBlank()) {
                try {
                    r = r.withDelivery(ActionRequest.Delivery.valueOf(delivery), receivedBy.strip());
                } catch (IllegalArgumentException e) {
                    problems.put("delivery", "Chọn cách trả kết quả.");
                }
            }
            return r;
        }

        private static @Nullable LocalTime parseTime(String s) {
            var m = java.util.regex.Pattern.compile("(\\d{1,2})[:hg](\\d{2})?").matcher(s.strip());
            if (!m.matches()) {
                return null;
            }
            int h = Integer.parseInt(m.group(1));
            int min = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            return h < 24 && min < 60 ? LocalTime.of(h, min) : null;
        }

        /** {@code newDueAt} is typed as a date and a time; {@code missing[0].reason} stays as it is. */
        static String fieldOf(String param) {
            return switch (param) {
                case "newDueAt" -> "newDueDate";
                case "result", "resultNumber" -> "resultNumber";
                case "signedFileId" -> "resultNumber";
                default -> param.startsWith("missing") ? "missing" : param;
            };
        }

        private static String first(MultiValueMap<String, String> f, String name) {
            var v = f.get(name);
            return v == null || v.isEmpty() || v.getFirst() == null ? "" : v.getFirst();
        }
    }

    /** Formatting for the templates. */
    public static class Views {
        public String time(@Nullable Instant at) {
            return at == null ? "" : DossierWords.dateTime(at);
        }

        public String queue(WorkQueue q) {
            return param(q);
        }

        /** The last hand-over out of a step of the plan: whether that step kept its budget. */
        public vn.motcua.dossier.Progress.@Nullable Handover handoverOf(Dossier d, vn.motcua.dossier.Progress.PlannedStep p) {
            vn.motcua.dossier.Progress.Handover found = null;
            for (var h : d.progress().handovers()) {
                if (h.step().equals(p.name())) {
                    found = h;
                }
            }
            return found;
        }

        /** A step's budget in words: its own duration, or its share of the legal time in working time. */
        public String budget(vn.motcua.dossier.Progress.PlannedStep p) {
            boolean en = "en".equals(LocaleContextHolder.getLocale().getLanguage());
            if (p.timeUnit() != null && p.duration() > 0) {
                return p.duration() + " " + switch (p.timeUnit()) {
                    case WORKING_DAY -> en ? "working days" : "ngày làm việc";
                    case WORKING_HOUR -> en ? "working hours" : "giờ làm việc";
                    case CALENDAR_DAY -> en ? "days" : "ngày";
                    case SAME_DAY -> en ? "(same day)" : "(trong ngày)";
                    case MONTH -> en ? "months" : "tháng";
                };
            }
            if (p.budgetMinutes() > 0) {
                long h = p.budgetMinutes() / 60;
                long m = p.budgetMinutes() % 60;
                String amount = (h > 0 ? h + (en ? " h" : " giờ") : "") + (m > 0 ? (h > 0 ? " " : "") + m + (en ? " min" : " phút") : "");
                return amount + (en ? " of working time" : " làm việc");
            }
            return en ? "until the appointment" : "đến hạn trả kết quả";
        }

        public String late(int minutes) {
            return Countdown.words(-Math.max(1, minutes), 450, LocaleContextHolder.getLocale());
        }
    }
}
