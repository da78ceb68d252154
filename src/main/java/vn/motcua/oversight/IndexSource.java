package vn.motcua.oversight;

/**
 * Where the numbers of a 766 indicator come from. While the module that holds them is not built, the indicator is
 * not applicable and says why; it lights up when that module starts publishing its figures.
 */
public enum IndexSource {
    /** The procedure catalog: publishing decisions, public records and their components. */
    CATALOG,
    /** Dossiers handled in this system: received, resolved, on time, online. */
    DOSSIER,
    /** The exchange with the national public-service portal (Cổng DVCQG): synchronisation, personal data storage. */
    NATIONAL_PORTAL,
    /** Online payment of fees and charges. */
    PAYMENT,
    /** Digitised dossier components and results, electronic certified copies, reuse of data. */
    DIGITISATION,
    /** Feedback and petitions on administrative regulations (phản ánh, kiến nghị). */
    PAKN;

    /** Why an indicator fed by this source has no figures yet, in Vietnamese, for the officer reading the index. */
    public String notHeldReason() {
        return switch (this) {
            case CATALOG -> "Danh mục TTHC chưa có đủ dữ liệu cho chỉ tiêu này (nguồn công bố không ghi ngày quyết định)";
            case DOSSIER -> "Chưa có dữ liệu hồ sơ cho chỉ tiêu này";
            case NATIONAL_PORTAL -> "Hệ thống chưa kết nối trao đổi dữ liệu với Cổng Dịch vụ công quốc gia";
            case PAYMENT -> "Hệ thống chưa có phân hệ thanh toán trực tuyến";
            case DIGITISATION -> "Hệ thống chưa có phân hệ số hóa hồ sơ, kết quả và chứng thực điện tử";
            case PAKN -> "Hệ thống chưa có phân hệ tiếp nhận, xử lý phản ánh, kiến nghị";
        };
    }
}
