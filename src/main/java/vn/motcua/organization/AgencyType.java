package vn.motcua.organization;

/** Kinds of agency in the two-level local government (from 1/7/2025; Decree 118/2025 Art. 7-8). */
public enum AgencyType {
    /** Ủy ban nhân dân tỉnh. */
    PROVINCIAL_PEOPLES_COMMITTEE,
    /** Sở, ban, ngành cấp tỉnh. */
    PROVINCIAL_DEPARTMENT,
    /** Trung tâm Phục vụ hành chính công tỉnh. */
    PROVINCIAL_SERVICE_CENTRE,
    /** Chi nhánh / điểm tiếp nhận of the provincial centre. */
    SERVICE_CENTRE_BRANCH,
    /** Ủy ban nhân dân xã, phường, đặc khu. */
    COMMUNE_PEOPLES_COMMITTEE,
    /** Trung tâm Phục vụ hành chính công cấp xã. */
    COMMUNE_SERVICE_CENTRE,
    /** Cơ quan ngành dọc (tax, police, social insurance…) receiving in the province. */
    VERTICAL_SECTOR_AGENCY
}
