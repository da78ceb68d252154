package vn.motcua.organization;

/** What a staff member may do, always within the agency or unit the role is assigned for. */
public enum Role {
    /** Công chức tiếp nhận và trả kết quả at the one-stop desk. */
    DESK_OFFICER,
    /** Lãnh đạo phân công: assigns dossiers to specialists. */
    ASSIGNER,
    /** Chuyên viên thụ lý. */
    SPECIALIST,
    /** Trưởng phòng: reviews drafts. */
    UNIT_HEAD,
    /** Lãnh đạo có thẩm quyền ký. */
    SIGNER,
    /** Văn thư: numbers, stamps and issues results. */
    CLERK,
    /** Lãnh đạo Trung tâm Phục vụ hành chính công. */
    CENTRE_MANAGER,
    /** Cán bộ kiểm soát TTHC: keeps the procedure catalog. */
    CATALOG_OFFICER,
    /** Oversight (Home Affairs reform officers, leaders): reads figures, changes nothing. */
    OVERSIGHT_VIEWER,
    /** Manages the province's agencies, staff and settings. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
