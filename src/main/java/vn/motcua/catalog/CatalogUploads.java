package vn.motcua.catalog;

import vn.motcua.platform.web.UploadKind;

import java.util.List;

/**
 * What a catalog upload must be, and what happens to its malformed rows. The import takes the national portal's JSON
 * lines (gzipped or not) and provincial lists as CSV (UTF-8) or Excel (.xlsx); a PDF, a Word document, an old .xls or
 * an image is refused with both kinds named. A row that cannot be read as what the file says (a broken JSON line, a
 * procedure without a code or a name, a CSV row with more or fewer cells than the header) refuses the whole file
 * with every such row listed, so nothing is half-imported; rows the real lists carry on purpose (test rows, internal
 * codes, a code listed twice) are skipped and listed in the report of an import that goes ahead.
 */
final class CatalogUploads {

    static final String EXPECTED = "tệp JSON lines của Cổng DVCQG (.jsonl, .jsonl.gz), danh sách CSV UTF-8 hoặc bảng tính Excel (.xlsx)";
    private static final String HINT = "Xuất lại danh mục ở một trong các dạng đó.";

    private CatalogUploads() {
    }

    /** Refuses, from its first bytes, a file that is none of the kinds an import reads (a zip is checked whole). */
    static void refuseOtherKinds(byte[] head) {
        if (!ExcelList.isWorkbook(head)) {
            UploadKind.requireText(head, EXPECTED, HINT);
        }
    }

    /** Refuses a zip that is not an Excel workbook (a .docx, an archive). */
    static void requireWorkbook(byte[] zip) {
        String kind = UploadKind.binaryKind(zip);
        if (kind != null && !kind.contains(".xlsx")) {
            UploadKind.requireText(zip, EXPECTED, HINT);
        }
    }

    /** Refuses the file when any row is malformed, naming every one: nothing of it is imported. */
    static void refuseMalformed(List<CatalogImportReport.Line> malformed) {
        if (!malformed.isEmpty()) {
            throw CatalogProblem.malformedRows(malformed);
        }
    }
}
