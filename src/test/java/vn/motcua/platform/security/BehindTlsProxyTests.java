package vn.motcua.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production behind a TLS proxy ({@code motcua.require-https}): the proxy on this machine (a trusted address) says
 * how the browser came in with {@code X-Forwarded-Proto}; plain HTTP is sent to HTTPS, HTTPS gets HSTS and cookies
 * marked Secure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"motcua.require-https=true", "motcua.public-base-url=https://dichvucong.lamdong.gov.vn"})
class BehindTlsProxyTests {

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void plainHttpThroughTheProxyIsRedirectedToHttps() throws Exception {
        var response = get("/public/procedures", "http");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("https://"));
    }

    @Test
    void httpsThroughTheProxyIsServedWithHstsAndSecureCookies() throws Exception {
        var response = get("/login", "https");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).contains("max-age="));
        assertThat(response.headers().allValues("Set-Cookie")).isNotEmpty().allSatisfy(c -> assertThat(c).contains("Secure"));
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void theQrCodeOfAProcedureLeadsToTheConfiguredAddressNotTheRequestsHost() throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/procedures/1.000894/qr"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "attacker.example").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(response.body()));
        var decoded = new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(
                new com.google.zxing.common.HybridBinarizer(new com.google.zxing.client.j2se.BufferedImageLuminanceSource(image))));
        assertThat(decoded.getText()).isEqualTo("https://dichvucong.lamdong.gov.vn/public/procedures/1.000894");
    }

    private HttpResponse<String> get(String path, String proto) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Forwarded-Proto", proto).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
