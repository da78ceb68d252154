package vn.motcua.files;

import org.springframework.http.HttpStatus;
import vn.motcua.platform.DomainProblem;

import java.util.List;

/** An upload refused, or a file that is not there for this user. */
public class FileProblem extends DomainProblem {

    private FileProblem(String code, HttpStatus status, String message) {
        super(code, status, message, List.of(new InvalidParam("file", message)));
    }

    static FileProblem tooLarge(long limit) {
        return new FileProblem("files.too-large", HttpStatus.PAYLOAD_TOO_LARGE,
                "Tệp lớn hơn giới hạn %d MB cho mỗi tệp. Hãy quét lại với độ phân giải thấp hơn (200-300 dpi) hoặc tách tệp."
                        .formatted(limit / (1024 * 1024)));
    }

    static FileProblem unsupported() {
        return new FileProblem("files.unsupported-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Nội dung tệp không phải PDF, JPEG hay PNG (hệ thống kiểm tra nội dung, không dựa vào tên tệp).");
    }

    static FileProblem empty() {
        return new FileProblem("files.empty", HttpStatus.BAD_REQUEST, "Tệp rỗng.");
    }

    static FileProblem notFound() {
        return new FileProblem("files.not-found", HttpStatus.NOT_FOUND, "Không có tệp này, hoặc bạn không được xem tệp này.");
    }

    static FileProblem alreadyAttached() {
        return new FileProblem("files.already-attached", HttpStatus.CONFLICT, "Tệp đã được đính kèm vào hồ sơ khác.");
    }
}
