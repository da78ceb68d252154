package vn.motcua.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import vn.motcua.platform.web.Problems;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What the web door adds to Spring Security's defaults: a Content Security Policy and Referrer-Policy on every
 * page, HSTS on HTTPS (behind a proxy: when it sends {@code X-Forwarded-Proto: https}), the CSRF token in a cookie
 * rather than the session (so an anonymous visit to {@code /login} stores no session row), and 429 with
 * {@code Retry-After} for a throttled sign-in; with {@code motcua.require-https}, plain HTTP redirected to HTTPS.
 */
final class WebHardening {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private WebHardening() {
    }

    /**
     * With {@code motcua.require-https} (production behind a TLS proxy), a request that arrived over plain HTTP (the
     * proxy says so with {@code X-Forwarded-Proto: http}) is redirected to the same address over HTTPS.
     */
    private static void https(HttpSecurity http, boolean required) throws Exception {
        if (required) {
            http.redirectToHttps(org.springframework.security.config.Customizer.withDefaults());
        }
    }

    static void pages(HttpSecurity http, boolean requireHttps) throws Exception {
        https(http, requireHttps);
        var csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        http.headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true)))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens));
    }

    static void api(HttpSecurity http, boolean requireHttps) throws Exception {
        https(http, requireHttps);
        http.headers(h -> h
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true)));
    }

    /** The form's failure: throttled → 429 page with Retry-After; anything else → the same "wrong name or password". */
    static void formFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        if (e instanceof ThrottledAuthentication.SignInThrottled throttled) {
            response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
            request.setAttribute(Problems.PAGE_PROBLEM, new Problems.PageProblem(429, "Đã có nhiều lần đăng nhập sai vào tài khoản này từ địa chỉ "
                    + "của bạn. Thử lại sau " + throttled.retryAfterSeconds() + " giây; từ máy khác tài khoản vẫn dùng được.", null));
            response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
            return;
        }
        response.sendRedirect(request.getContextPath() + "/login?error");
    }

    /** HTTP Basic's refusal: 429 with Retry-After when throttled, else 401. */
    static void basicFailure(HttpServletResponse response, AuthenticationException e) throws IOException {
        if (e instanceof ThrottledAuthentication.SignInThrottled throttled) {
            response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
            write(response, HttpStatus.TOO_MANY_REQUESTS, "too-many-sign-ins", "Quá nhiều lần đăng nhập sai vào tài khoản này từ địa chỉ này. Thử lại sau "
                    + throttled.retryAfterSeconds() + " giây.");
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"motcua\"");
        write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Cần đăng nhập: mã truy cập (Bearer) hoặc tài khoản cán bộ (HTTP Basic).");
    }

    private static void write(HttpServletResponse response, HttpStatus status, String code, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("""
                {"type":"%s%s","title":"%s","status":%d,"detail":"%s","code":"%s"}"""
                .formatted(Problems.TYPE_BASE, code, Problems.title(status.value()), status.value(), detail, code));
    }
}
