package vn.motcua.dossier.web;

import org.springframework.http.HttpStatus;
import vn.motcua.platform.DomainProblem;

/** A request to the dossier API that cannot be read as it stands (an unknown queue). */
class DossierApiProblem extends DomainProblem {
    DossierApiProblem(String code, HttpStatus status, String message) {
        super(code, status, message);
    }
}
