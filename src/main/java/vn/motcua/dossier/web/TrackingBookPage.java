package vn.motcua.dossier.web;

import jakarta.servlet.http.HttpServletResponse;
import org.dhatim.fastexcel.PaperSize;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.DossierWords;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffDirectory;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The tracking book (Form 07, Sổ theo dõi hồ sơ) of the desk for a period: every dossier the desk decided in it, in
 * the order received, as an HTML page printed on A4 landscape and as an xlsx workbook (officials keep it in Excel).
 * The columns are the form's; hand-over and return dates stay empty until processing records them.
 */
@Controller
class TrackingBookPage {

    /** A book of more rows is a report, not a page: the page says so and the officer narrows the period. */
    static final int MAX_ROWS = 5000;
    static final int MAX_DAYS = 366;

    private final DossierIntake intake;
    private final StaffDirectory staff;
    private final Clock clock;

    TrackingBookPage(DossierIntake intake, StaffDirectory staff, Clock clock) {
        this.intake = intake;
        this.staff = staff;
        this.clock = clock;
    }

    /** One line of the book. */
    record Line(int number, Dossier dossier, String contact, String receivedOn, String dueOn, String note) {
    }

    @GetMapping("/quay/so-theo-doi")
    String page(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
                Authentication user, Model model) {
        requireDesk(user);
        var period = period(from, to, model);
        model.addAttribute("from", period == null ? nz(from) : DossierWords.date(period[0]));
        model.addAttribute("to", period == null ? nz(to) : DossierWords.date(period[1]));
        if (period != null) {
            var lines = lines(period[0], period[1]);
            model.addAttribute("lines", lines);
            model.addAttribute("truncated", lines.size() >= MAX_ROWS);
            model.addAttribute("maxRows", MAX_ROWS);
        }
        return "dossier/tracking-book";
    }

    @GetMapping("/quay/so-theo-doi.xlsx")
    void xlsx(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
              Authentication user, Model model, HttpServletResponse response) throws IOException {
        requireDesk(user);
        var period = period(from, to, model);
        if (period == null) {
            response.sendRedirect("/quay/so-theo-doi?from=" + java.net.URLEncoder.encode(nz(from), java.nio.charset.StandardCharsets.UTF_8)
                    + "&to=" + java.net.URLEncoder.encode(nz(to), java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        var lines = lines(period[0], period[1]);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"so-theo-doi-" + period[0] + "-" + period[1] + ".xlsx\"");
        try (var out = response.getOutputStream()) {
            var workbook = new Workbook(out, "motcua", "1.0");
            Worksheet ws = workbook.newWorksheet("Sổ theo dõi hồ sơ");
            ws.pageOrientation("landscape");
            ws.paperSize(PaperSize.A4_PAPER);
            ws.fitToWidth((short) 1);
            ws.value(0, 0, "SỔ THEO DÕI HỒ SƠ (Mẫu số 07)");
            ws.style(0, 0).bold().set();
            ws.value(1, 0, "Từ ngày " + DossierWords.date(period[0]) + " đến ngày " + DossierWords.date(period[1]));
            String[] heads = {"STT", "Mã hồ sơ", "Tên TTHC", "Số lượng hồ sơ (bộ)", "Tên cá nhân, tổ chức", "Địa chỉ, số điện thoại",
                    "Cơ quan chủ trì giải quyết", "Nhận hồ sơ", "Hẹn trả kết quả", "Chuyển hồ sơ đến cơ quan giải quyết",
                    "Nhận kết quả từ cơ quan giải quyết", "Trả kết quả cho cá nhân, tổ chức", "Ký nhận", "Ghi chú"};
            double[] widths = {6, 26, 40, 10, 24, 32, 28, 16, 16, 14, 14, 14, 10, 28};
            for (int c = 0; c < heads.length; c++) {
                ws.value(3, c, heads[c]);
                ws.width(c, widths[c]);
            }
            ws.range(3, 0, 3, heads.length - 1).style().bold().wrapText(true).borderStyle("thin").set();
            ws.repeatRows(3);
            int r = 4;
            for (Line line : lines) {
                Dossier d = line.dossier();
                ws.value(r, 0, line.number());
                ws.value(r, 1, d.code());
                ws.value(r, 2, d.procedure().name());
                ws.value(r, 3, 1);
                ws.value(r, 4, d.applicant().fullName());
                ws.value(r, 5, line.contact());
                ws.value(r, 6, d.handlingAgency().name());
                ws.value(r, 7, line.receivedOn());
                ws.value(r, 8, line.dueOn());
                ws.value(r, 13, line.note());
                r++;
            }
            if (r > 4) {
                ws.range(4, 0, r - 1, heads.length - 1).style().wrapText(true).borderStyle("thin").set();
            }
            workbook.finish();
        }
    }

    static String contact(Dossier d) {
        var a = d.applicant();
        String address = a.address() == null ? "" : a.address().line();
        return a.phone() == null ? address : address.isEmpty() ? a.phone() : address + "; " + a.phone();
    }

    private List<Line> lines(LocalDate from, LocalDate to) {
        var found = new ArrayList<Dossier>();
        for (int page = 0; found.size() < MAX_ROWS; page++) {
            var batch = intake.search(from, to, null, false, page, 200);
            found.addAll(batch);
            if (batch.size() < 200) {
                break;
            }
        }
        // the book runs in the order dossiers came in; the search answers newest first
        found.sort(java.util.Comparator.comparing(Dossier::decidedAt).thenComparing(Dossier::code));
        var lines = new ArrayList<Line>();
        for (Dossier d : found.subList(0, Math.min(found.size(), MAX_ROWS))) {
            var at = d.receivedAt() != null ? d.receivedAt() : d.submittedAt() != null ? d.submittedAt() : d.decidedAt();
            String note = switch (d.state()) {
                case REFUSED_AT_INTAKE -> "Từ chối tiếp nhận: " + d.note();
                case AWAITING_INTAKE_SUPPLEMENT -> "Yêu cầu bổ sung (" + d.missing().size() + " mục)";
                case SUBMITTED -> "Chờ kiểm tra (" + DossierWords.channel(d.channel()).toLowerCase() + ")";
                default -> d.channel() == vn.motcua.dossier.Channel.DIRECT ? "" : DossierWords.channel(d.channel());
            };
            lines.add(new Line(lines.size() + 1, d, contact(d), DossierWords.dateTime(at), d.dueAt() == null ? "" : DossierWords.dateTime(d.dueAt()),
                    note));
        }
        return lines;
    }

    /** The period typed as dd/MM/yyyy; by default this month up to today. Null, with the problem in the model, when unreadable. */
    private LocalDate @Nullable [] period(@Nullable String from, @Nullable String to, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(DossierWords.VIETNAM));
        LocalDate start = parse(from, today.withDayOfMonth(1), "fromProblem", model);
        LocalDate end = parse(to, today, "toProblem", model);
        if (start == null || end == null) {
            return null;
        }
        if (end.isBefore(start)) {
            model.addAttribute("toProblem", "desk.book.toBeforeFrom");
            return null;
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            model.addAttribute("toProblem", "desk.book.tooLong");
            return null;
        }
        return new LocalDate[]{start, end};
    }

    private static @Nullable LocalDate parse(@Nullable String text, LocalDate otherwise, String problem, Model model) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text.strip(), DeskForm.DAY);
        } catch (DateTimeParseException e) {
            model.addAttribute(problem, "desk.book.badDate");
            return null;
        }
    }

    private void requireDesk(Authentication user) {
        if (!staff.scopeOf(user.getName()).has(Role.DESK_OFFICER)) {
            throw new AccessDeniedException(user.getName() + " is not a desk officer");
        }
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }
}
