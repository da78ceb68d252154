package vn.motcua.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;

import java.util.List;

/**
 * How much a request may send, per use (settings {@code motcua.uploads.*}): catalog exports, CSV files, and
 * everything else (forms, JSON). Archives also have a limit on what they expand to. The limits are stated in
 * every refusal and on the upload pages.
 */
@Component
public class UploadLimits {

    private static final AntPathMatcher PATHS = new AntPathMatcher();
    static final List<String> CATALOG = List.of("/api/v1/procedures/imports", "/admin/catalog/import");
    static final List<String> CSV = List.of("/api/v1/agencies/imports", "/admin/agencies/import", "/api/v1/calendar/announcements/*",
            "/admin/calendar/*/import");
    /** Scans for dossiers (the files module checks each file against {@code motcua.files.max-size} itself). */
    static final List<String> SCANS = List.of("/api/v1/files");
    /** The desk's intake form sends a scan per document at once: up to the servlet's multipart request limit. */
    static final List<String> DESK_INTAKE = List.of("/quay/tiep-nhan");
    /** Historical imports of dossiers (JSON lines), by the API and from the admin page. */
    static final List<String> HISTORY = List.of("/api/v1/dossiers/history-imports", "/admin/history-imports");

    private final DataSize catalogFile;
    private final DataSize catalogExpanded;
    private final DataSize csvFile;
    private final DataSize otherRequest;
    private final DataSize scanRequest;
    private final DataSize deskRequest;
    private final DataSize historyFile;

    UploadLimits(@Value("${motcua.uploads.catalog-file:20MB}") DataSize catalogFile,
                 @Value("${motcua.uploads.catalog-expanded:64MB}") DataSize catalogExpanded,
                 @Value("${motcua.uploads.csv-file:5MB}") DataSize csvFile,
                 @Value("${motcua.uploads.other-request:1MB}") DataSize otherRequest,
                 @Value("${motcua.files.max-size:20MB}") DataSize scanFile,
                 @Value("${spring.servlet.multipart.max-request-size:64MB}") DataSize multipartRequest,
                 @Value("${motcua.history-import.max-bytes:20MB}") DataSize historyFile) {
        this.historyFile = historyFile;
        this.deskRequest = multipartRequest;
        // a scan's own limit plus room for the multipart framing around it
        this.scanRequest = DataSize.ofBytes(scanFile.toBytes() + DataSize.ofKilobytes(64).toBytes());
        this.catalogFile = catalogFile;
        this.catalogExpanded = catalogExpanded;
        this.csvFile = csvFile;
        this.otherRequest = otherRequest;
    }

    /** The most a request to this path may send, in bytes. */
    public long forPath(String path) {
        if (CATALOG.stream().anyMatch(p -> PATHS.match(p, path))) {
            return catalogFile.toBytes();
        }
        if (CSV.stream().anyMatch(p -> PATHS.match(p, path))) {
            return csvFile.toBytes();
        }
        if (SCANS.stream().anyMatch(p -> PATHS.match(p, path))) {
            return scanRequest.toBytes();
        }
        if (HISTORY.contains(path)) {
            return historyFile.toBytes() + DataSize.ofKilobytes(64).toBytes();
        }
        if (DESK_INTAKE.contains(path)) {
            return deskRequest.toBytes();
        }
        return otherRequest.toBytes();
    }

    public DataSize catalogFile() {
        return catalogFile;
    }

    /** The most a catalog export may expand to once decompressed. */
    public DataSize catalogExpanded() {
        return catalogExpanded;
    }

    public DataSize csvFile() {
        return csvFile;
    }

    /** The limits in words, for messages: "20 MB cho danh mục TTHC, 5 MB cho tệp CSV, 1 MB cho biểu mẫu và JSON". */
    public String describeRequest() {
        return human(catalogFile) + " cho tệp danh mục TTHC, " + human(csvFile) + " cho tệp CSV, " + human(otherRequest)
                + " cho biểu mẫu và JSON";
    }

    public static String human(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " byte";
    }
}
