package vn.motcua.organization;

import org.springframework.http.HttpStatus;
import vn.motcua.platform.DomainProblem;

import java.util.List;

/** Refusals of the organization module, each a named fact with a stable code. */
public class OrganizationProblem extends DomainProblem {

    private OrganizationProblem(String code, HttpStatus status, String message, List<InvalidParam> params) {
        super("organization." + code, status, message, params);
    }

    static OrganizationProblem agencyNotFound(Object id) {
        return new OrganizationProblem("agency-not-found", HttpStatus.NOT_FOUND, "Không tìm thấy cơ quan " + id + ".", List.of());
    }

    static OrganizationProblem agencyOutsideProvince(Object id) {
        return new OrganizationProblem("agency-outside-province", HttpStatus.UNPROCESSABLE_CONTENT,
                "Cơ quan " + id + " không thuộc tỉnh này: không thể giao vai trò ở đó.",
                List.of(new InvalidParam("agencyId", "cơ quan không thuộc tỉnh")));
    }

    static OrganizationProblem electronicIdTaken(String id) {
        return new OrganizationProblem("electronic-id-taken", HttpStatus.CONFLICT,
                "Mã định danh " + id + " đang được cơ quan khác sử dụng.",
                List.of(new InvalidParam("electronicId", "đã được sử dụng")));
    }

    static OrganizationProblem unitNotFound(Object id) {
        return new OrganizationProblem("unit-not-found", HttpStatus.NOT_FOUND, "Không tìm thấy đơn vị " + id + ".", List.of());
    }

    static OrganizationProblem unitOutsideAgency() {
        return new OrganizationProblem("unit-outside-agency", HttpStatus.UNPROCESSABLE_CONTENT,
                "Đơn vị không thuộc cơ quan đã chọn.", List.of(new InvalidParam("unitId", "không thuộc cơ quan đã chọn")));
    }

    static OrganizationProblem staffNotFound(Object id) {
        return new OrganizationProblem("staff-not-found", HttpStatus.NOT_FOUND, "Không tìm thấy cán bộ " + id + ".", List.of());
    }

    static OrganizationProblem tokenNotFound(Object id) {
        return new OrganizationProblem("token-not-found", HttpStatus.NOT_FOUND, "Không tìm thấy mã truy cập " + id + ".", List.of());
    }

    static OrganizationProblem duplicateUsername(String username) {
        return new OrganizationProblem("duplicate-username", HttpStatus.CONFLICT,
                "Tên đăng nhập '" + username + "' đã có người dùng.",
                List.of(new InvalidParam("username", "đã có người dùng")));
    }

    static OrganizationProblem invalid(String field, String reason) {
        return new OrganizationProblem("validation", HttpStatus.BAD_REQUEST, reason, List.of(new InvalidParam(field, reason)));
    }

    static OrganizationProblem importRejected(List<InvalidParam> rows) {
        return new OrganizationProblem("import-rejected", HttpStatus.BAD_REQUEST,
                "Tệp có " + rows.size() + " dòng lỗi; không dòng nào được nhập.", rows);
    }

    static OrganizationProblem outsideScope() {
        return new OrganizationProblem("outside-scope", HttpStatus.FORBIDDEN,
                "Dữ liệu này thuộc cơ quan ngoài phạm vi phân quyền của bạn.", List.of());
    }

    /**
     * The role is there, the data is not the user's: says what was asked for and where the user's roles reach
     * ({@code yourPlaces} from {@link AgencyDirectory#places(AccessScope)}).
     */
    public static OrganizationProblem outsideScope(String what, List<String> yourPlaces) {
        String places = yourPlaces.isEmpty() ? "không nơi nào" : yourPlaces.size() <= 5 ? String.join("; ", yourPlaces)
                : String.join("; ", yourPlaces.subList(0, 5)) + " và " + (yourPlaces.size() - 5) + " nơi khác";
        return new OrganizationProblem("outside-scope", HttpStatus.FORBIDDEN,
                what + " nằm ngoài phạm vi phân quyền của bạn. Vai trò của bạn ở trang này gắn với: " + places + ".", List.of());
    }
}
