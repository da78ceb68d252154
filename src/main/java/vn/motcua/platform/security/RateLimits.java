package vn.motcua.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.motcua.platform.web.Problems;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests per client address on the public endpoints and on login, each rule a token bucket set in
 * {@code motcua.rate-limits.<name>.paths / .methods / .requests / .period}: a client may send {@code requests} at once,
 * then one more each {@code period / requests}. Past that it gets 429 with {@code Retry-After} and a Vietnamese
 * message (a problem detail under {@code /api/}). Buckets live in memory, per node: two nodes let twice the rate through.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RateLimits extends OncePerRequestFilter {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final Map<String, Rule> rules;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private final java.util.Set<String> exempt;

    RateLimits(Settings settings, @org.springframework.beans.factory.annotation.Value("${motcua.rate-limits-exempt:}") List<String> exempt) {
        this.rules = settings.rateLimits() == null ? Map.of() : settings.rateLimits();
        this.exempt = java.util.Set.copyOf(exempt);
    }

    @ConfigurationProperties("motcua")
    record Settings(Map<String, Rule> rateLimits) {
    }

    /** Paths (Ant patterns), methods (empty: all), how many requests in how long. */
    record Rule(List<String> paths, List<String> methods, int requests, Duration period) {
        Rule {
            methods = methods == null ? List.of() : methods;
            paths = paths == null ? List.of() : paths;
        }

        boolean matches(HttpServletRequest request, String path) {
            return (methods.isEmpty() || methods.contains(request.getMethod())) && paths.stream().anyMatch(p -> PATHS.match(p, path));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(Settings.class)
    static class Enable {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (exempt.contains(request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        long now = System.nanoTime();
        for (var rule : rules.entrySet()) {
            if (!rule.getValue().matches(request, path)) {
                continue;
            }
            var bucket = buckets.computeIfAbsent(rule.getKey() + "|" + request.getRemoteAddr(), k -> new Bucket(rule.getValue(), now));
            long waitNanos = bucket.take(now);
            if (waitNanos > 0) {
                refuse(request, response, Math.max(1, Duration.ofNanos(waitNanos).toSeconds() + 1));
                return;
            }
        }
        if (buckets.size() > 100_000) {
            buckets.values().removeIf(b -> b.full(now));
        }
        chain.doFilter(request, response);
    }

    static void refuse(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds) throws IOException {
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        request.setAttribute(Problems.PAGE_PROBLEM, new Problems.PageProblem(429,
                "Bạn (hoặc mạng của bạn) đã gửi quá nhiều yêu cầu. Thử lại sau " + retryAfterSeconds + " giây.", null));
        response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
    }

    /** A token bucket; {@link #take} is atomic. */
    private static final class Bucket {
        private final double capacity;
        private final double nanosPerToken;
        private double tokens;
        private long updated;

        Bucket(Rule rule, long now) {
            this.capacity = Math.max(1, rule.requests());
            this.nanosPerToken = (double) rule.period().toNanos() / capacity;
            this.tokens = capacity;
            this.updated = now;
        }

        /** 0 when a request may pass, else how long until it could. */
        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) ((1 - tokens) * nanosPerToken);
        }

        synchronized boolean full(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - updated) / nanosPerToken);
            updated = now;
        }
    }
}
