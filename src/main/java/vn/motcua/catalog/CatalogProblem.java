package vn.motcua.catalog;

import org.springframework.http.HttpStatus;
import vn.motcua.platform.DomainProblem;

import java.util.List;

/** Refusals of the catalog module. */
public class CatalogProblem extends DomainProblem {

    private CatalogProblem(String code, HttpStatus status, String message, List<InvalidParam> params) {
        super("catalog." + code, status, message, params);
    }

    static CatalogProblem notInForce(String code, java.time.LocalDate on) {
        return new CatalogProblem("procedure-not-in-force", HttpStatus.NOT_FOUND,
                "Thủ tục " + code + " không có phiên bản có hiệu lực ngày " + on + ".", List.of());
    }

    static CatalogProblem notFound(String code) {
        return new CatalogProblem("procedure-not-found", HttpStatus.NOT_FOUND, "Không có thủ tục mã " + code + ".", List.of());
    }

    static CatalogProblem invalidDecision(String reason, String item) {
        return new CatalogProblem("invalid-decision", HttpStatus.UNPROCESSABLE_CONTENT, reason, List.of(new InvalidParam(item, reason)));
    }

    static CatalogProblem decisionNotFound(Object id) {
        return new CatalogProblem("decision-not-found", HttpStatus.NOT_FOUND, "Không có quyết định " + id + ".", List.of());
    }

    public static CatalogProblem noInternalProcess(String code) {
        return new CatalogProblem("no-internal-process", HttpStatus.NOT_FOUND,
                "Thủ tục " + code + " chưa có quy trình nội bộ được phê duyệt.", List.of());
    }

    static CatalogProblem unknownAgency(String agency) {
        return new CatalogProblem("unknown-agency", HttpStatus.BAD_REQUEST, "Không có cơ quan " + agency + ".",
                List.of(new InvalidParam("agency", "không có cơ quan này")));
    }

    static CatalogProblem unreadableFile(String reason) {
        return new CatalogProblem("unreadable-file", HttpStatus.BAD_REQUEST, "Không đọc được tệp: " + reason,
                List.of(new InvalidParam("file", reason)));
    }
}
