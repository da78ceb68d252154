package vn.motcua.organization;

import vn.motcua.platform.text.NamedValues;

import java.util.List;
import java.util.Optional;

/**
 * Kinds of agency in the two-level local government (from 1/7/2025; Decree 118/2025 Art. 7-8). Next to each
 * constant, the names an import file may use for it instead of the code (diacritics, case and punctuation aside).
 */
public enum AgencyType {
    /** Ủy ban nhân dân tỉnh. */
    PROVINCIAL_PEOPLES_COMMITTEE("Ủy ban nhân dân tỉnh", "UBND tỉnh"),
    /** Sở, ban, ngành cấp tỉnh. */
    PROVINCIAL_DEPARTMENT("Sở, ban, ngành", "Sở", "Ban", "Cơ quan chuyên môn thuộc UBND tỉnh"),
    /** Trung tâm Phục vụ hành chính công tỉnh. */
    PROVINCIAL_SERVICE_CENTRE("Trung tâm Phục vụ hành chính công tỉnh", "Trung tâm PVHCC tỉnh", "TTPVHCC tỉnh"),
    /** Chi nhánh / điểm tiếp nhận of the provincial centre. */
    SERVICE_CENTRE_BRANCH("Chi nhánh Trung tâm Phục vụ hành chính công", "Chi nhánh Trung tâm PVHCC", "Chi nhánh", "Điểm tiếp nhận"),
    /** Ủy ban nhân dân xã, phường, đặc khu. */
    COMMUNE_PEOPLES_COMMITTEE("Ủy ban nhân dân xã", "UBND xã", "Ủy ban nhân dân phường", "UBND phường",
            "Ủy ban nhân dân đặc khu", "UBND đặc khu", "UBND xã, phường", "Ủy ban nhân dân cấp xã", "UBND cấp xã"),
    /** Trung tâm Phục vụ hành chính công cấp xã. */
    COMMUNE_SERVICE_CENTRE("Trung tâm Phục vụ hành chính công xã", "Trung tâm PVHCC xã", "Trung tâm Phục vụ hành chính công phường",
            "Trung tâm PVHCC phường", "Trung tâm Phục vụ hành chính công cấp xã", "Trung tâm PVHCC cấp xã"),
    /** Cơ quan ngành dọc (tax, police, social insurance…) receiving in the province. */
    VERTICAL_SECTOR_AGENCY("Cơ quan ngành dọc", "Ngành dọc");

    private final List<String> vietnameseNames;

    AgencyType(String... vietnameseNames) {
        this.vietnameseNames = List.of(vietnameseNames);
    }

    /** The names a file may use for this type, the official one first. */
    public List<String> vietnameseNames() {
        return vietnameseNames;
    }

    private static final NamedValues<AgencyType> NAMES = new NamedValues<>(List.of(values()), AgencyType::vietnameseNames);

    /** The type written as its code or one of its Vietnamese names. */
    public static Optional<AgencyType> fromWritten(String written) {
        return NAMES.find(written);
    }

    /** What a file may write, for error messages. */
    public static String accepted() {
        return NAMES.accepted();
    }
}
