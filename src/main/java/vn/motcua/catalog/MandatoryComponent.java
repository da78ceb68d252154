package vn.motcua.catalog;

/**
 * The seven components every procedure must state (Decree 63/2010/NĐ-CP Art. 8(2), as amended by Decree 48/2013 and
 * 92/2017): a procedure lacking one is not fully published, which indicator 1.3 of the Decision 766/QĐ-TTg index counts.
 */
public enum MandatoryComponent {
    /** Tên thủ tục. */
    NAME,
    /** Trình tự thực hiện. */
    STEPS,
    /** Cách thức thực hiện (trực tiếp, trực tuyến, bưu chính). */
    CHANNELS,
    /** Thành phần, số lượng hồ sơ. */
    DOCUMENTS,
    /** Thời hạn giải quyết. */
    TIME_LIMIT,
    /** Đối tượng thực hiện. */
    APPLICANTS,
    /** Cơ quan giải quyết (thực hiện). */
    AGENCY;

    boolean presentIn(ProcedureRecord r) {
        return switch (this) {
            case NAME -> !r.name().isBlank();
            case STEPS -> !r.steps().isBlank();
            case CHANNELS -> !r.channels().isEmpty();
            case DOCUMENTS -> !r.documents().isEmpty();
            case TIME_LIMIT -> r.channels().stream().anyMatch(Channel::timeStated);
            case APPLICANTS -> !r.applicants().isBlank();
            case AGENCY -> !r.implementingAgency().isBlank() || !r.competentAgency().isBlank();
        };
    }
}
