package vn.motcua.dossier;

import org.springframework.http.HttpStatus;
import vn.motcua.platform.DomainProblem;

import java.util.List;

/** An intake refused, with a problem per field (RFC 9457 {@code invalidParams}), or a dossier not there for this user. */
public class DossierProblem extends DomainProblem {

    DossierProblem(String code, HttpStatus status, String message, List<InvalidParam> fields) {
        super(code, status, message, fields);
    }

    static DossierProblem invalid(List<InvalidParam> fields) {
        return new DossierProblem("dossier.invalid", HttpStatus.UNPROCESSABLE_CONTENT,
                fields.size() == 1 ? fields.getFirst().reason() : "Hồ sơ chưa tiếp nhận được: " + fields.size() + " mục cần sửa.", fields);
    }

    static DossierProblem notFound(String code) {
        return new DossierProblem("dossier.not-found", HttpStatus.NOT_FOUND,
                "Không có hồ sơ mã " + code + ", hoặc bạn không được xem hồ sơ này.", List.of());
    }

    /** No earlier dossier of this applicant: the desk types the details in. */
    public static DossierProblem noSuchApplicant() {
        return new DossierProblem("dossier.applicant-not-found", HttpStatus.NOT_FOUND,
                "Chưa có hồ sơ nào của người nộp với số này: nhập thông tin mới.", List.of());
    }

    static DossierProblem notDeskOfficer() {
        return new DossierProblem("dossier.not-desk-officer", HttpStatus.FORBIDDEN,
                "Chỉ cán bộ tiếp nhận (vai trò DESK_OFFICER) của bộ phận một cửa mới tiếp nhận hồ sơ.", List.of());
    }

    static DossierProblem idempotencyMismatch() {
        return new DossierProblem("dossier.idempotency-key-reused", HttpStatus.UNPROCESSABLE_CONTENT,
                "Khóa Idempotency-Key này đã dùng cho một yêu cầu khác: hãy dùng khóa mới cho hồ sơ mới.",
                List.of(new InvalidParam("Idempotency-Key", "đã dùng cho một yêu cầu có nội dung khác")));
    }

    static DossierProblem wrongState(String code, DossierState state) {
        return new DossierProblem("dossier.wrong-state", HttpStatus.CONFLICT,
                "Hồ sơ " + code + " đang ở trạng thái \"" + DossierWords.state(state) + "\": không làm được việc này.", List.of());
    }

    static DossierProblem changedMeanwhile(String code) {
        return new DossierProblem("dossier.changed", HttpStatus.CONFLICT,
                "Hồ sơ " + code + " vừa được người khác xử lý. Hãy tải lại trang để xem trạng thái mới.", List.of());
    }

    /** The lifecycle does not allow this action in this state (DossierState's table, DossierAction.allowedIn). */
    static DossierProblem illegalMove(String code, DossierState state, DossierAction action) {
        return new DossierProblem("dossier.illegal-move", HttpStatus.CONFLICT,
                "Hồ sơ " + code + " đang ở trạng thái \"" + DossierWords.state(state) + "\": không thể " + DossierWords.action(action).toLowerCase()
                        + ".", List.of());
    }

    /** A rule of processing refuses the action now (window closed, already extended, consultations open…). */
    static DossierProblem refused(String code, String message) {
        return new DossierProblem(code, HttpStatus.CONFLICT, message, List.of());
    }

    static DossierProblem outsideScope(String code) {
        return new DossierProblem("dossier.outside-scope", HttpStatus.FORBIDDEN,
                "Hồ sơ " + code + " không thuộc phạm vi cơ quan, đơn vị bạn được phân quyền.", List.of());
    }

    static DossierProblem notYours(String code, DossierAction action, String who) {
        return new DossierProblem("dossier.not-your-step", HttpStatus.FORBIDDEN,
                "Bạn không được " + DossierWords.action(action).toLowerCase() + " hồ sơ " + code + " lúc này: việc này do " + who + " thực hiện.",
                List.of());
    }

    static DossierProblem badAction(List<InvalidParam> fields) {
        return new DossierProblem("dossier.action-invalid", HttpStatus.BAD_REQUEST,
                fields.size() == 1 ? fields.getFirst().reason() : "Yêu cầu chưa đủ: " + fields.size() + " mục cần sửa.", fields);
    }
}
