package vn.motcua.workspace;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.motcua.organization.AccessScope;
import vn.motcua.organization.Province;
import vn.motcua.organization.StaffDirectory;

/** What every page's layout shows: the province, and who is signed in with which roles (for the menu). */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutAttributes {

    private final Province province;
    private final StaffDirectory staff;

    LayoutAttributes(Province province, StaffDirectory staff) {
        this.province = province;
        this.staff = staff;
    }

    @ModelAttribute("province")
    Province province() {
        return province;
    }

    @ModelAttribute("me")
    AccessScope me(@Nullable Authentication user) {
        if (user == null || user instanceof AnonymousAuthenticationToken) {
            return AccessScope.nobody();
        }
        return staff.scopeOf(user.getName());
    }
}
