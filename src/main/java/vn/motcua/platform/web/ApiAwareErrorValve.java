package vn.motcua.platform.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Tomcat refuses some requests before the application sees them (a NUL or invalid UTF-8 in the path, a header
 * too large): its own report would be an English HTML page with the server's version. This one answers a problem
 * detail under {@code /api/} and a short Vietnamese page elsewhere.
 */
public class ApiAwareErrorValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String uri = request.getRequestURI() == null ? "" : request.getRequestURI();
        try {
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer out = response.getReporter();
            if (out == null) {
                return;
            }
            if (uri.startsWith("/api/")) {
                response.setContentType("application/problem+json");
                out.write("{\"type\":\"" + Problems.TYPE_BASE + "bad-request\",\"title\":\"" + Problems.title(status) + "\",\"status\":" + status
                        + ",\"detail\":\"Máy chủ không đọc được yêu cầu (địa chỉ có ký tự không hợp lệ, hoặc header quá lớn).\""
                        + ",\"code\":\"" + (status == 400 ? "bad-request" : "http-" + status) + "\"}");
            } else {
                response.setContentType("text/html");
                out.write("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Yêu cầu không hợp lệ</title></head><body>"
                        + "<h1>Yêu cầu không hợp lệ (" + status + ")</h1><p>Địa chỉ có ký tự không hợp lệ hoặc yêu cầu quá lớn. "
                        + "Kiểm tra lại đường dẫn.</p><p><a href=\"/public/procedures\">Tra cứu thủ tục hành chính</a> · <a href=\"/\">Trang chủ</a></p></body></html>");
            }
            response.finishResponse();
        } catch (IOException | IllegalStateException ignored) {
            // the client has gone; nothing to report to
        }
    }

    /**
     * Installs the valve on the embedded Tomcat's host, and has Tomcat answer {@code Expect: 100-continue} only when
     * the application reads the body, so a body refused for its size (RequestBounds) is never sent at all.
     */
    @Component
    static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addConnectorCustomizers(connector -> connector.setProperty("continueResponseTiming", "onRead"));
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                    host.setErrorReportValveClass(ApiAwareErrorValve.class.getName());
                }
            });
        }
    }
}
