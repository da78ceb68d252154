package vn.motcua.organization.web;

import org.springframework.http.HttpStatus;
import vn.motcua.platform.DomainProblem;

import java.util.List;

/** Reads the version a client saw from an {@code If-Match} header ({@code "3"} or {@code W/"3"}). */
final class Versions {

    private Versions() {
    }

    static int parse(String ifMatch) {
        String digits = ifMatch.replace("W/", "").replace("\"", "").strip();
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new BadVersion();
        }
    }

    /** If-Match names no version this API issued. */
    static final class BadVersion extends DomainProblem {
        BadVersion() {
            super("organization.bad-version", HttpStatus.BAD_REQUEST,
                    "If-Match phải mang phiên bản đã đọc (ETag), ví dụ \"3\".", List.of(new InvalidParam("If-Match", "không phải số phiên bản")));
        }
    }
}
