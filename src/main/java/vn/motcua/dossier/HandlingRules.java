package vn.motcua.dossier;

import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.organization.AgencyType;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which agencies may be named as the competent (handling) agency of a procedure, by the level the catalog gives it
 * (two-level local government from 1/7/2025: provincial procedures by the provincial People's Committee and its
 * departments, commune procedures by commune People's Committees, sector procedures by vertical-sector agencies).
 * Service centres and their branches receive and return but never decide (Decree 118/2025 Art. 7-8). The catalog
 * does not yet say which agency of a level handles a procedure; until it does, any agency of the right level may be
 * chosen, which is what location-independent receiving needs.
 */
final class HandlingRules {

    private static final Set<AgencyType> RECEIVING_ONLY = EnumSet.of(AgencyType.PROVINCIAL_SERVICE_CENTRE,
            AgencyType.SERVICE_CENTRE_BRANCH, AgencyType.COMMUNE_SERVICE_CENTRE);

    private HandlingRules() {
    }

    /** Why the agency cannot handle a procedure of these levels, in words; empty when it can. */
    static Optional<String> problem(AgencyType agency, List<ProcedureLevel> levels) {
        if (RECEIVING_ONLY.contains(agency)) {
            return Optional.of("Trung tâm phục vụ hành chính công chỉ tiếp nhận và trả kết quả; hãy chọn cơ quan có thẩm quyền giải quyết.");
        }
        if (levels.isEmpty() || levels.contains(ProcedureLevel.OTHER)) {
            return Optional.empty();
        }
        for (ProcedureLevel level : levels) {
            boolean fits = switch (level) {
                case PROVINCE -> agency == AgencyType.PROVINCIAL_PEOPLES_COMMITTEE || agency == AgencyType.PROVINCIAL_DEPARTMENT;
                case COMMUNE -> agency == AgencyType.COMMUNE_PEOPLES_COMMITTEE;
                case VERTICAL_SECTOR -> agency == AgencyType.VERTICAL_SECTOR_AGENCY;
                case MINISTRY, OTHER -> false;
            };
            if (fits) {
                return Optional.empty();
            }
        }
        return Optional.of("Cơ quan này không giải quyết thủ tục cấp " + String.join(", ", levels.stream().map(HandlingRules::word).toList()) + ".");
    }

    private static String word(ProcedureLevel level) {
        return switch (level) {
            case MINISTRY -> "bộ";
            case PROVINCE -> "tỉnh";
            case COMMUNE -> "xã";
            case VERTICAL_SECTOR -> "ngành dọc";
            case OTHER -> "khác";
        };
    }
}
