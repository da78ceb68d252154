package vn.motcua.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Who may open which administration page, in the order the rules are tried (the first that matches decides).
 * Each role reads what it oversees (README, "Who sees what"); the module that owns a page then narrows the rows to
 * the reader's scope through the same roles ({@link #roles()}). Changing anything stays with ADMIN, and with
 * CATALOG_OFFICER for the catalog. The same table explains a refusal on the 403 page: which roles the page needs.
 * Roles are named as the organization module's {@code Role} constants (a test keeps the two in step).
 */
public enum AdminPage {
    /** Forms that create records or import files: administrators only, although the lists around them are readable. */
    NEW_RECORDS(HttpMethod.GET, List.of("/admin/agencies/new", "/admin/agencies/import", "/admin/staff/new"), "ADMIN"),
    AUDIT_LOG(HttpMethod.GET, List.of("/admin/audit"), "ADMIN", "OVERSIGHT_VIEWER"),
    AGENCIES(HttpMethod.GET, List.of("/admin/agencies", "/admin/agencies/*"), "ADMIN", "OVERSIGHT_VIEWER", "CENTRE_MANAGER", "SIGNER"),
    STAFF(HttpMethod.GET, List.of("/admin/staff", "/admin/staff/*"),
            "ADMIN", "OVERSIGHT_VIEWER", "CENTRE_MANAGER", "SIGNER", "ASSIGNER", "UNIT_HEAD"),
    OFFICE_HOURS(HttpMethod.GET, List.of("/admin/office-hours"), "ADMIN", "OVERSIGHT_VIEWER", "CENTRE_MANAGER", "SIGNER"),
    CATALOG(null, List.of("/admin/catalog/**"), "CATALOG_OFFICER", "ADMIN"),
    /** Everything else under /admin, and every change: administrators. */
    ADMINISTRATION(null, List.of("/admin/**"), "ADMIN");

    private final @Nullable HttpMethod method;
    private final List<String> patterns;
    private final List<String> roles;
    private final RequestMatcher matcher;

    AdminPage(@Nullable HttpMethod method, List<String> patterns, String... roles) {
        this.method = method;
        this.patterns = patterns;
        this.roles = List.of(roles);
        var builder = PathPatternRequestMatcher.withDefaults();
        this.matcher = new OrRequestMatcher(patterns.stream().map(p -> (RequestMatcher) builder.matcher(method, p)).toList());
    }

    /** The roles that open the page (each within its own scope). */
    public List<String> roles() {
        return roles;
    }

    /** Whether the page only shows (GET); the others also take changes. */
    public boolean readOnly() {
        return method == HttpMethod.GET;
    }

    List<String> patterns() {
        return patterns;
    }

    RequestMatcher matcher() {
        return matcher;
    }

    /** Whether a holder of {@code held} (role names) may open the page. */
    public boolean openTo(java.util.Collection<String> held) {
        return roles.stream().anyMatch(held::contains);
    }

    /** The rule that decides this request, if it is an administration page. */
    static Optional<AdminPage> deciding(HttpServletRequest request) {
        return Arrays.stream(values()).filter(p -> p.matcher.matches(request)).findFirst();
    }
}
