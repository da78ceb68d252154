package vn.motcua.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses, before anything reads them, a request body over its use's limit ({@link UploadLimits}) with 413 (by its
 * {@code Content-Length}, or for a chunked body as soon as more than the limit has been read), and parameters that
 * are not valid UTF-8 with 400.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestBounds extends OncePerRequestFilter {

    private static final tools.jackson.databind.json.JsonMapper JSON = new tools.jackson.databind.json.JsonMapper();

    private final UploadLimits limits;

    RequestBounds(UploadLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        long limit = limits.forPath(path);
        if (request.getContentLengthLong() > limit) {
            String detail = "Nội dung gửi lên quá lớn (" + request.getContentLengthLong() / 1024 + " KB): tối đa "
                    + UploadLimits.human(org.springframework.util.unit.DataSize.ofBytes(limit)) + " ở địa chỉ này.";
            if (path.startsWith("/api/")) {
                // answered here, before anything reads the body, so a client that sent Expect: 100-continue never sends it
                response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
                response.setHeader("Connection", "close");
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write("{\"type\":\"" + Problems.TYPE_BASE + "too-large\",\"title\":\"Content Too Large\",\"status\":413,"
                        + "\"detail\":\"" + detail + "\",\"code\":\"too-large\",\"limit\":" + limit + "}");
                return;
            }
            request.setAttribute(Problems.PAGE_PROBLEM, new Problems.PageProblem(413, detail, null));
            response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
            return;
        }
        if (!decodableParameters(request)) {
            request.setAttribute(Problems.PAGE_PROBLEM, new Problems.PageProblem(400,
                    "Tham số của địa chỉ không phải văn bản UTF-8 hợp lệ; kiểm tra lại đường dẫn.", null));
            response.sendError(HttpStatus.BAD_REQUEST.value());
            return;
        }
        String controlled = parameterWithControlCharacter(request);
        if (controlled != null) {
            String detail = "Tham số " + controlled + " có ký tự điều khiển (như U+0000), không được phép trong văn bản; gõ lại nội dung.";
            if (path.startsWith("/api/")) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                var body = new java.util.LinkedHashMap<String, Object>();
                body.put("type", Problems.TYPE_BASE + "control-character");
                body.put("title", Problems.title(400));
                body.put("status", 400);
                body.put("detail", detail);
                body.put("code", "control-character");
                body.put("invalidParams", java.util.List.of(java.util.Map.of("name", controlled, "reason", "có ký tự điều khiển")));
                response.getWriter().write(JSON.writeValueAsString(body));
                return;
            }
            request.setAttribute(Problems.PAGE_PROBLEM, new Problems.PageProblem(400, detail, null));
            response.sendError(HttpStatus.BAD_REQUEST.value());
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new Bounded(request, limit) : request, response);
    }

    /** The name of the first parameter (query or form body) whose name or value holds a control character, or null. */
    private static @org.jspecify.annotations.Nullable String parameterWithControlCharacter(HttpServletRequest request) {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            return null;
        }
        for (var e : request.getParameterMap().entrySet()) {
            if (vn.motcua.platform.text.ControlCharacters.firstForbidden(e.getKey()) >= 0) {
                return "(tên tham số)";
            }
            for (String v : e.getValue()) {
                if (vn.motcua.platform.text.ControlCharacters.firstForbidden(v) >= 0) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    /** Reads the query (and a form body) once, so a bad byte sequence is a 400 here rather than a fault deep inside. */
    private static boolean decodableParameters(HttpServletRequest request) {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            return true;
        }
        try {
            request.getParameterMap();
            return true;
        } catch (IllegalStateException e) {
            if (e instanceof org.apache.tomcat.util.http.InvalidParameterException) {
                return false;
            }
            throw e;
        }
    }

    /** A body sent without a length may read up to the limit, then fails as "too large". */
    private static final class Bounded extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                var in = super.getInputStream();
                stream = new ServletInputStream() {
                    long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int off, int len) throws IOException {
                        int n = in.read(buffer, off, len);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws IOException {
                        read += n;
                        if (read > limit) {
                            throw new BodyTooLarge(limit);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }

    /** Thrown while reading a body that grew past its limit. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge(long limit) {
            super("request body over " + limit + " bytes");
        }
    }
}
