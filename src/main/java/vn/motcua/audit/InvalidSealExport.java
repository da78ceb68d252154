package vn.motcua.audit;

import org.springframework.http.HttpStatus;
import vn.motcua.platform.DomainProblem;

/** An uploaded list of seals that holds no seal line, or whose signature does not match. */
public class InvalidSealExport extends DomainProblem {

    InvalidSealExport(String message) {
        super("audit.invalid-seal-export", HttpStatus.BAD_REQUEST, message);
    }
}
