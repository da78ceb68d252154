package vn.motcua.catalog;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A province's procedure list saved as an Excel workbook ("DANH SÁCH THỦ TỤC HÀNH CHÍNH": title rows, then a
 * header such as STT | Mã TTHC | Mức độ DVC | Tên TTHC | Lĩnh vực | Quyết định công bố). The first sheet is turned
 * into the CSV layout {@link ProvincialListParser} reads, headers recognised with or without diacritics.
 */
final class ExcelList {

    /** Folded header text → the CSV column it means. */
    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("stt", "stt"),
            Map.entry("ma tthc", "ma_tthc"), Map.entry("ma thu tuc", "ma_tthc"),
            Map.entry("ma chuan", "ma_tthc"), Map.entry("ma", "ma_tthc"),
            Map.entry("ten tthc", "ten_tthc"), Map.entry("ten thu tuc", "ten_tthc"), Map.entry("ten thu tuc hanh chinh", "ten_tthc"),
            Map.entry("linh vuc", "linh_vuc"),
            Map.entry("muc do dvc", "muc_do_dvc"), Map.entry("muc do", "muc_do_dvc"), Map.entry("muc do dvctt", "muc_do_dvc"),
            Map.entry("muc do dich vu cong", "muc_do_dvc"),
            Map.entry("quyet dinh cong bo", "quyet_dinh_cong_bo"), Map.entry("so quyet dinh", "quyet_dinh_cong_bo"),
            Map.entry("co quan thuc hien", "co_quan_thuc_hien"));

    private ExcelList() {
    }

    static boolean isWorkbook(byte[] content) {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    /**
     * Refuses a workbook whose parts expand beyond {@code maxExpanded} bytes, or that holds more parts than any real
     * spreadsheet: an .xlsx is a zip, and a 1 MB one can hold a sheet of gigabytes. Each part is inflated and counted
     * (never kept) before the reader sees any of it.
     */
    static void checkExpandedSize(byte[] workbook, long maxExpanded) {
        long total = 0;
        int parts = 0;
        byte[] buffer = new byte[64 * 1024];
        // read as a spreadsheet reader does, through the central directory (writers such as FastExcel's own put sizes
        // only there, after the data)
        try (var zip = org.apache.commons.compress.archivers.zip.ZipFile.builder()
                .setSeekableByteChannel(new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(workbook)).get()) {
            for (var entries = zip.getEntries(); entries.hasMoreElements(); ) {
                var entry = entries.nextElement();
                if (++parts > 10_000) {
                    throw CatalogProblem.unreadableFile("tệp Excel có quá nhiều phần (hơn 10.000)");
                }
                try (var part = zip.getInputStream(entry)) {
                    for (int n; (n = part.read(buffer)) > 0; ) {
                        total += n;
                        if (total > maxExpanded) {
                            throw CatalogProblem.tooLarge(org.springframework.util.unit.DataSize.ofBytes(maxExpanded).toMegabytes());
                        }
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw CatalogProblem.unreadableFile("tệp Excel bị hỏng (" + e.getMessage() + ")");
        }
    }

    static String toCsv(byte[] workbook) {
        try (var book = new ReadableWorkbook(new ByteArrayInputStream(workbook));
             Stream<Row> rows = book.getFirstSheet().openStream()) {
            var all = rows.toList();
            int headerRow = -1;
            List<String> columns = List.of();
            for (int i = 0; i < Math.min(15, all.size()) && headerRow < 0; i++) {
                var mapped = new ArrayList<String>();
                for (int c = 0; c < all.get(i).getCellCount(); c++) {
                    String folded = String.join(" ", VietnameseText.words(all.get(i).getCellText(c)));
                    mapped.add(HEADERS.getOrDefault(folded, ""));
                }
                if (mapped.contains("ma_tthc") && mapped.contains("ten_tthc")) {
                    headerRow = i;
                    columns = mapped;
                }
            }
            if (headerRow < 0) {
                throw CatalogProblem.unreadableFile("không thấy dòng tiêu đề có cột Mã TTHC và Tên TTHC trong 15 dòng đầu của sheet thứ nhất");
            }
            var out = new StringWriter();
            var wanted = columns.stream().filter(c -> !c.isEmpty()).distinct().toList();
            try (var csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
                csv.printRecord(wanted);
                for (Row row : all.subList(headerRow + 1, all.size())) {
                    var values = new ArrayList<String>();
                    boolean any = false;
                    for (String column : wanted) {
                        int index = columns.indexOf(column);
                        String value = index < row.getCellCount() ? row.getCellText(index) : "";
                        any |= !value.isBlank();
                        values.add(value);
                    }
                    if (any) {
                        csv.printRecord(values);
                    }
                }
            }
            return out.toString();
        } catch (IOException e) {
            throw CatalogProblem.unreadableFile("tệp Excel hỏng: " + e.getMessage());
        }
    }
}
