package vn.motcua.dossier.rating;

import org.springframework.http.HttpStatus;
import vn.motcua.platform.DomainProblem;

import java.util.List;

/** A rating refused: each with a stable code (RFC 9457 problem details under the API, a message on the page). */
public class RatingProblem extends DomainProblem {

    RatingProblem(String code, HttpStatus status, String message, List<InvalidParam> fields) {
        super(code, status, message, fields);
    }

    static RatingProblem invalid(List<InvalidParam> fields) {
        return new RatingProblem("rating.invalid", HttpStatus.UNPROCESSABLE_CONTENT,
                fields.size() == 1 ? fields.getFirst().reason() : "Phiếu đánh giá có " + fields.size() + " mục cần sửa.", fields);
    }

    /** The same words as the public lookup's for an unknown code: nothing more is told than the lookup tells. */
    static RatingProblem notFound(String code) {
        return new RatingProblem("rating.dossier-not-found", HttpStatus.NOT_FOUND,
                "Không có hồ sơ mã " + code + ". Kiểm tra lại mã trên giấy tiếp nhận.", List.of());
    }

    static RatingProblem notApplicant() {
        return new RatingProblem("rating.not-applicant", HttpStatus.FORBIDDEN,
                "Chỉ người nộp hồ sơ được đánh giá: nhập đúng 4 số cuối số điện thoại hoặc số định danh đã khai khi nộp.",
                List.of(new InvalidParam("verify", "4 số cuối không khớp với hồ sơ")));
    }

    static RatingProblem tooManyTries(String code) {
        return new RatingProblem("rating.too-many-tries", HttpStatus.TOO_MANY_REQUESTS,
                "Hồ sơ " + code + " đã bị nhập sai 4 số cuối quá nhiều lần gần đây; thử lại sau 24 giờ, hoặc đánh giá tại bộ phận một cửa.",
                List.of(new InvalidParam("verify", "tạm khoá do nhập sai nhiều lần")));
    }

    static RatingProblem notReturned(String code) {
        return new RatingProblem("rating.not-returned", HttpStatus.CONFLICT,
                "Hồ sơ " + code + " chưa trả kết quả: ông/bà đánh giá được sau khi nhận kết quả.", List.of());
    }

    static RatingProblem alreadyRated(String code) {
        return new RatingProblem("rating.already-rated", HttpStatus.CONFLICT,
                "Hồ sơ " + code + " đã được đánh giá. Mỗi hồ sơ chỉ đánh giá một lần; cảm ơn ông/bà.", List.of());
    }

    static RatingProblem notDeskHere(String code) {
        return new RatingProblem("rating.not-desk-officer", HttpStatus.FORBIDDEN,
                "Chỉ cán bộ một cửa nơi tiếp nhận hồ sơ " + code + " mới mở màn hình đánh giá cho người nộp.", List.of());
    }
}
