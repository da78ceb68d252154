package vn.motcua.platform;

import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * A business outcome that refuses a request: thrown inside a module, shown outside as RFC 9457 problem
 * details with a stable {@code code}, and on web pages as a message next to the field.
 */
public abstract class DomainProblem extends RuntimeException {

    private final String code;
    private final HttpStatus status;
    private final List<InvalidParam> invalidParams;

    protected DomainProblem(String code, HttpStatus status, String message) {
        this(code, status, message, List.of());
    }

    protected DomainProblem(String code, HttpStatus status, String message, List<InvalidParam> invalidParams) {
        super(message);
        this.code = code;
        this.status = status;
        this.invalidParams = List.copyOf(invalidParams);
    }

    /** Stable machine code, for example {@code organization.duplicate-username}. */
    public String code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }

    /** The fields or rows at fault, with a reason for each. */
    public List<InvalidParam> invalidParams() {
        return invalidParams;
    }

    /** One field (or CSV row) and what is wrong with it. */
    /** Serializable: pages pass it to the next request as a flash attribute, kept in the JDBC session. */
    public record InvalidParam(String name, String reason) implements java.io.Serializable {
    }
}
