package vn.motcua.oversight;

import org.springframework.http.HttpStatus;
import vn.motcua.platform.DomainProblem;

/** A request oversight refuses (an agency outside the caller's scope, a malformed period), with a stable code. */
public class OversightProblem extends DomainProblem {

    public OversightProblem(HttpStatus status, String code, String message) {
        super(code, status, message);
    }
}
