package vn.motcua.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Signs an API request in with a personal access token ({@code Authorization: Bearer mct_…}) when there is one.
 * A token that is unknown, revoked or expired is refused with 401 at once. Without a bearer header the request
 * goes on to HTTP Basic or stays anonymous.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    interface Refusal {
        void refuse(HttpServletResponse response) throws IOException;
    }

    private final BearerTokens tokens;
    private final Refusal refusal;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    BearerTokenFilter(BearerTokens tokens, Refusal refusal) {
        this.tokens = tokens;
        this.refusal = refusal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        var authentication = tokens.authenticate(header.substring(7).strip());
        if (authentication.isEmpty()) {
            refusal.refuse(response);
            return;
        }
        var context = contexts.createEmptyContext();
        context.setAuthentication(authentication.get());
        contexts.setContext(context);
        chain.doFilter(request, response);
    }
}
