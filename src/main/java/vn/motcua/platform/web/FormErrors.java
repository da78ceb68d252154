package vn.motcua.platform.web;

import org.springframework.validation.BindingResult;
import vn.motcua.platform.DomainProblem;

/** Puts a refusal next to the fields it names on a web form (or at the top when it names none). */
public final class FormErrors {

    private FormErrors() {
    }

    public static void show(DomainProblem problem, BindingResult form) {
        if (problem.invalidParams().isEmpty()) {
            form.reject(problem.code(), problem.getMessage());
            return;
        }
        for (var param : problem.invalidParams()) {
            if (form.getTarget() != null && hasField(form, param.name())) {
                form.rejectValue(param.name(), problem.code(), problem.getMessage());
            } else {
                form.reject(problem.code(), problem.getMessage());
            }
        }
    }

    private static boolean hasField(BindingResult form, String field) {
        try {
            return form.getFieldType(field) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
