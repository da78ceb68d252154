package vn.motcua.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import vn.motcua.platform.web.Problems;

import java.io.IOException;
import java.util.List;

/**
 * A page refused for want of a role says which: the roles the page needs ({@link AdminPage}) and the roles the
 * user holds, or that only administrators change data here. A refusal for want of scope (the role is there, the
 * agency is not the user's) is the owning module's to explain, with its own message.
 */
final class PageRefusals implements AccessDeniedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) throws IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        List<String> held = auth == null ? List.of() : auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length())).sorted().toList();
        if (denied instanceof CsrfException) {
            // not a missing role: the form was older than the session, or came from elsewhere
            request.setAttribute(Problems.PAGE_PROBLEM, new Problems.PageProblem(HttpServletResponse.SC_FORBIDDEN,
                    "Biểu mẫu đã cũ hoặc phiên làm việc đã hết hạn, nên chưa gửi được. Tải lại trang rồi làm lại.", null));
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        var page = AdminPage.deciding(request).orElse(AdminPage.ADMINISTRATION);
        if (!page.openTo(held)) { // the role is what is missing; otherwise the page's own refusal explains itself
            boolean change = !HttpMethod.GET.matches(request.getMethod()) && !HttpMethod.HEAD.matches(request.getMethod());
            request.setAttribute(Problems.REFUSAL, new Problems.Refusal(page.name(), page.roles(), held, change));
        }
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
}
