package vn.motcua.dossier.slip;

import org.dhatim.fastexcel.BorderStyle;
import org.dhatim.fastexcel.PaperSize;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;
import vn.motcua.platform.TimeConfiguration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/** Form 07 as an xlsx sheet (FastExcel streams it): a title block, the 14 columns of the form, one row per dossier. */
final class TrackingBookWorkbook {

    /** The columns of Form 07 (vn-rules §5.2), with their widths in characters. */
    static final List<String> COLUMNS = List.of("STT", "Mã hồ sơ", "Tên TTHC", "Số lượng hồ sơ (bộ)", "Tên cá nhân/tổ chức",
            "Địa chỉ, số điện thoại", "Cơ quan chủ trì giải quyết", "Nhận hồ sơ (ngày)", "Hẹn trả kết quả (ngày)",
            "Chuyển hồ sơ đến cơ quan giải quyết (ngày)", "Nhận kết quả từ cơ quan giải quyết (ngày)",
            "Trả kết quả cho cá nhân/tổ chức (ngày)", "Ký nhận", "Ghi chú");
    private static final double[] WIDTHS = {6, 22, 40, 9, 24, 30, 28, 16, 16, 16, 16, 16, 12, 20};
    static final int HEADER_ROW = 4;
    private static final String DATE_TIME = "dd/mm/yyyy hh:mm";

    private TrackingBookWorkbook() {
    }

    static byte[] write(TrackingBook book) {
        try (var out = new ByteArrayOutputStream()) {
            var workbook = new Workbook(out, "motcua", "1.0");
            Worksheet ws = workbook.newWorksheet("Sổ theo dõi hồ sơ");
            ws.pageOrientation("landscape");
            ws.paperSize(PaperSize.A4_PAPER);
            ws.setFitToPage(true);
            ws.fitToWidth((short) 1);
            ws.fitToHeight((short) 0);
            ws.repeatRows(HEADER_ROW);
            ws.freezePane(0, HEADER_ROW + 1);
            for (int c = 0; c < WIDTHS.length; c++) {
                ws.width(c, WIDTHS[c]);
            }
            ws.value(0, 0, book.issuer().parentName().toUpperCase(Slips.VIETNAMESE));
            ws.value(1, 0, book.issuer().name().toUpperCase(Slips.VIETNAMESE));
            ws.style(1, 0).bold().set();
            ws.value(2, 0, "SỔ THEO DÕI HỒ SƠ");
            ws.style(2, 0).bold().fontSize(14).set();
            ws.value(3, 0, "Từ " + book.from().format(TrackingBookView.DAY) + " đến " + book.to().format(TrackingBookView.DAY));
            for (int c = 0; c < COLUMNS.size(); c++) {
                ws.value(HEADER_ROW, c, COLUMNS.get(c));
            }
            ws.range(HEADER_ROW, 0, HEADER_ROW, COLUMNS.size() - 1).style().bold().wrapText(true)
                    .horizontalAlignment("center").verticalAlignment("center").borderStyle(BorderStyle.THIN).set();
            int r = HEADER_ROW + 1;
            for (int i = 0; i < book.rows().size(); i++, r++) {
                TrackingBook.Row row = book.rows().get(i);
                ws.value(r, 0, book.firstNumber() + i);
                ws.value(r, 1, row.dossierCode());
                ws.value(r, 2, row.procedureName());
                ws.value(r, 3, row.sets());
                ws.value(r, 4, row.applicantName());
                text(ws, r, 5, row.addressAndPhone());
                ws.value(r, 6, row.handlingAgency());
                time(ws, r, 7, row.receivedAt());
                time(ws, r, 8, row.appointmentAt());
                time(ws, r, 9, row.transferredAt());
                time(ws, r, 10, row.resultReceivedAt());
                time(ws, r, 11, row.returnedAt());
                text(ws, r, 13, row.note());
            }
            if (!book.rows().isEmpty()) {
                ws.range(HEADER_ROW + 1, 0, r - 1, COLUMNS.size() - 1).style().wrapText(true).verticalAlignment("top")
                        .borderStyle(BorderStyle.THIN).set();
                ws.range(HEADER_ROW + 1, 7, r - 1, 11).style().format(DATE_TIME).wrapText(true).verticalAlignment("top")
                        .borderStyle(BorderStyle.THIN).set();
            }
            workbook.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(Worksheet ws, int r, int c, @Nullable String value) {
        if (value != null) {
            ws.value(r, c, value);
        }
    }

    /** Excel has no time zones: the cell holds Vietnam's wall-clock time, as the paper book would. */
    private static void time(Worksheet ws, int r, int c, @Nullable Instant at) {
        if (at != null) {
            ws.value(r, c, LocalDateTime.ofInstant(at, TimeConfiguration.VIETNAM));
        }
    }
}
