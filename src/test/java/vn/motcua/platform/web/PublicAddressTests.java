package vn.motcua.platform.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

class PublicAddressTests {

    @AfterEach
    void clear() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aConfiguredAddressIsUsedWhateverHostTheRequestClaims() {
        requestWithHost("attacker.example");
        var address = new PublicAddress("https://dichvucong.lamdong.gov.vn/", new MockEnvironment());
        assertThat(address.of("/public/procedures/{code}", "1.013225"))
                .isEqualTo("https://dichvucong.lamdong.gov.vn/public/procedures/1.013225");
    }

    @Test
    void withoutOneTheRequestsOwnAddressServesDevelopment() {
        requestWithHost("localhost");
        assertThat(new PublicAddress("", new MockEnvironment()).of("/public/procedures/{code}", "1.013225"))
                .isEqualTo("http://localhost:8080/public/procedures/1.013225");
    }

    @Test
    void outsideARequestTheLocalServerServesDevelopment() {
        var environment = new MockEnvironment().withProperty("local.server.port", "18123");
        assertThat(new PublicAddress("", environment).of("/tra-cuu/{code}", "H36.50-261201-0001"))
                .isEqualTo("http://localhost:18123/tra-cuu/H36.50-261201-0001");
    }

    private static void requestWithHost(String host) {
        var request = new MockHttpServletRequest("GET", "/api/v1/procedures/1.013225/qr");
        request.setServerName(host);
        request.setServerPort(8080);
        request.addHeader("Host", host + ":8080");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }
}
