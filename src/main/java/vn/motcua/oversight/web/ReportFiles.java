package vn.motcua.oversight.web;

import org.apache.commons.csv.CSVFormat;
import org.dhatim.fastexcel.BorderStyle;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.motcua.oversight.HandlingFigures;
import vn.motcua.oversight.HandlingReport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The handling report as CSV (UTF-8 with a byte-order mark, so that Excel reads the diacritics) and as an xlsx workbook. */
final class ReportFiles {

    private ReportFiles() {
    }

    static byte[] csv(HandlingReport report) {
        try (var out = new ByteArrayOutputStream()) {
            out.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            try (var printer = CSVFormat.DEFAULT.print(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
                var header = new ArrayList<Object>(List.of("Nhóm", "Tên"));
                header.addAll(HandlingReport.COLUMNS);
                printer.printRecord(header);
                for (var f : report.byField()) {
                    printer.printRecord(row("Lĩnh vực", f));
                }
                for (var f : report.byAgency()) {
                    printer.printRecord(row("Cơ quan", f));
                }
                printer.printRecord(row("Tổng số", report.total()));
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Object> row(String group, HandlingFigures f) {
        var row = new ArrayList<Object>(List.of(group, f.label()));
        row.addAll(HandlingReport.values(f));
        return row;
    }

    static byte[] xlsx(HandlingReport report) {
        try (var out = new ByteArrayOutputStream()) {
            var workbook = new Workbook(out, "motcua", "1.0");
            sheet(workbook.newWorksheet("Theo lĩnh vực"), report, "Lĩnh vực", report.byField());
            sheet(workbook.newWorksheet("Theo cơ quan"), report, "Cơ quan giải quyết", report.byAgency());
            workbook.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sheet(Worksheet ws, HandlingReport report, String firstColumn, List<HandlingFigures> rows) {
        ws.pageOrientation("landscape");
        ws.width(0, 6);
        ws.width(1, 40);
        for (int c = 0; c < HandlingReport.COLUMNS.size(); c++) {
            ws.width(c + 2, 12);
        }
        ws.value(0, 0, "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH");
        ws.style(0, 0).bold().fontSize(14).set();
        ws.value(1, 0, report.scope() + " — " + report.periodLabel());
        int header = 3;
        ws.value(header, 0, "STT");
        ws.value(header, 1, firstColumn);
        for (int c = 0; c < HandlingReport.COLUMNS.size(); c++) {
            ws.value(header, c + 2, HandlingReport.COLUMNS.get(c));
        }
        ws.range(header, 0, header, HandlingReport.COLUMNS.size() + 1).style().bold().wrapText(true).horizontalAlignment("center")
                .verticalAlignment("center").borderStyle(BorderStyle.THIN).set();
        int r = header + 1;
        for (int i = 0; i < rows.size(); i++, r++) {
            ws.value(r, 0, i + 1);
            write(ws, r, rows.get(i));
        }
        write(ws, r, report.total());
        ws.range(r, 0, r, HandlingReport.COLUMNS.size() + 1).style().bold().set();
        ws.range(header + 1, 0, r, HandlingReport.COLUMNS.size() + 1).style().borderStyle(BorderStyle.THIN).wrapText(true).set();
    }

    private static void write(Worksheet ws, int r, HandlingFigures f) {
        ws.value(r, 1, f.label());
        var values = HandlingReport.values(f);
        for (int c = 0; c < values.size(); c++) {
            Object v = values.get(c);
            if (v instanceof Long n) {
                ws.value(r, c + 2, n);
            } else if (v instanceof BigDecimal d) {
                ws.value(r, c + 2, d);
            }
        }
    }
}
