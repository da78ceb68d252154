package vn.motcua.dossier.slip;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrackingBookTests {

    static final Slips SLIPS = new Slips();

    /** The columns of Form 07, as vn-rules §5.2 lists them. */
    static final List<String> FORM_07 = List.of("STT", "Mã hồ sơ", "Tên TTHC", "Số lượng hồ sơ (bộ)", "Tên cá nhân/tổ chức",
            "Địa chỉ, số điện thoại", "Cơ quan chủ trì giải quyết", "Nhận hồ sơ (ngày)", "Hẹn trả kết quả (ngày)",
            "Chuyển hồ sơ đến cơ quan giải quyết (ngày)", "Nhận kết quả từ cơ quan giải quyết (ngày)",
            "Trả kết quả cho cá nhân/tổ chức (ngày)", "Ký nhận", "Ghi chú");

    @Test
    void theWorkbookHoldsTheColumnsOfForm07AndOneRowPerDossier() throws Exception {
        byte[] xlsx = SLIPS.trackingBookXlsx(TestSlipContents.book(40));
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(workbook.getFirstSheet().getName()).isEqualTo("Sổ theo dõi hồ sơ");
            assertThat(rows.get(1).getCellText(0)).isEqualTo("TRUNG TÂM PHỤC VỤ\nHÀNH CHÍNH CÔNG PHƯỜNG\nXUÂN HƯƠNG - ĐÀ LẠT");
            assertThat(rows.get(3).getCellText(0)).isEqualTo("Từ 01/12/2026 đến 31/12/2026");
            assertThat(rows.get(4).stream().map(c -> c.getText()).toList()).isEqualTo(FORM_07);
            assertThat(rows).hasSize(5 + 40);

            Row first = rows.get(5);
            assertThat(first.getCellAsNumber(0).orElseThrow().intValue()).isEqualTo(1281);
            assertThat(first.getCellText(1)).isEqualTo("H36.201.01-261201-0001");
            assertThat(first.getCellText(2)).isEqualTo("Thủ tục đăng ký khai sinh");
            assertThat(first.getCellAsNumber(3).orElseThrow().intValue()).isEqualTo(1);
            assertThat(first.getCellText(4)).isEqualTo("Nguyễn Thị Hồng Nhung");
            // times are Vietnam's wall clock: received 02:15 UTC is 09:15, the appointment 08:30 UTC is 15:30
            assertThat(first.getCellAsDate(7).orElseThrow()).isEqualTo(LocalDateTime.of(2026, 12, 1, 9, 15));
            assertThat(first.getCellAsDate(8).orElseThrow()).isEqualTo(LocalDateTime.of(2026, 12, 4, 15, 30));
            assertThat(first.getCellAsDate(9).orElseThrow()).isEqualTo(LocalDateTime.of(2026, 12, 1, 10, 15));
            assertThat(first.getCellText(10)).isEmpty();

            Row second = rows.get(6);
            assertThat(second.getCellText(2)).isEqualTo("Thủ tục cấp bản sao trích lục hộ tịch");
            assertThat(second.getCellText(13)).isEqualTo("Hồ sơ ủy quyền");
            assertThat(rows.getLast().getCellText(1)).isEqualTo("H36.201.01-261201-0040");
        }
    }

    @Test
    void thePrintedBookRepeatsItsHeaderOnEveryLandscapePage() {
        byte[] pdf = SLIPS.trackingBookPdf(TestSlipContents.book(40));
        var page = PdfPages.render(pdf, 0, 72);
        assertThat(page.getWidth()).isGreaterThan(page.getHeight());
        List<String> pages = PdfPages.pageTexts(pdf);
        assertThat(pages).hasSizeGreaterThan(1);
        assertThat(pages.getFirst()).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SỔ THEO DÕI HỒ SƠ",
                "Từ ngày 01 tháng 12 năm 2026 đến ngày 31 tháng 12 năm 2026");
        for (int p = 0; p < pages.size(); p++) {
            assertThat(pages.get(p)).as("page %d", p + 1).contains("STT Mã hồ sơ Tên TTHC", "Ghi chú",
                    "(1) (2) (3) (4) (5) (6) (7) (8) (9) (10) (11) (12) (13) (14)", "Trang " + (p + 1) + "/" + pages.size());
        }
        // a code may break after its hyphens in the narrow column; every one of the 40 is there, in order
        String all = PdfPages.streamText(pdf).replaceAll("-\\s+", "-");
        int at = -1;
        for (int n = 1; n <= 40; n++) {
            int next = all.indexOf("H36.201.01-261201-%04d".formatted(n));
            assertThat(next).as("dossier %d", n).isGreaterThan(at);
            at = next;
        }
        assertThat(all).contains("1281 H36.201.01-261201-0001 Thủ tục đăng ký khai sinh 1 Nguyễn Thị Hồng Nhung",
                "01/12/2026 09:15 04/12/2026 15:30");
    }

    @Test
    void anEmptyPeriodStillPrintsItsBook() throws Exception {
        var empty = new TrackingBook(TestSlipContents.ISSUER, "Đà Lạt", TestSlipContents.RECEIVED,
                java.time.LocalDate.of(2026, 12, 1), java.time.LocalDate.of(2026, 12, 1), 1, List.of());
        assertThat(PdfPages.text(SLIPS.trackingBookPdf(empty))).contains("SỔ THEO DÕI HỒ SƠ", "Mã hồ sơ");
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(SLIPS.trackingBookXlsx(empty)))) {
            assertThat(workbook.getFirstSheet().read()).hasSize(5);
        }
    }
}
