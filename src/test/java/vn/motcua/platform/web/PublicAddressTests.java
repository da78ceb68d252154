package vn.motcua.platform.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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
        var address = new PublicAddress("https://dichvucong.lamdong.gov.vn/");
        assertThat(address.of("/public/procedures/{code}", "1.013225"))
                .isEqualTo("https://dichvucong.lamdong.gov.vn/public/procedures/1.013225");
    }

    @Test
    void withoutOneTheRequestsOwnAddressServesDevelopment() {
        requestWithHost("localhost");
        assertThat(new PublicAddress("").of("/public/procedures/{code}", "1.013225"))
                .isEqualTo("http://localhost:8080/public/procedures/1.013225");
    }

    private static void requestWithHost(String host) {
        var request = new MockHttpServletRequest("GET", "/api/v1/procedures/1.013225/qr");
        request.setServerName(host);
        request.setServerPort(8080);
        request.addHeader("Host", host + ":8080");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }
}
