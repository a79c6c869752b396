package io.safla.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressTest {

    @Test
    void clientAddress_forwardedFor_onlyWhenTrusted_andOnlyTheProxysEntry() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("10.0.0.1");
        request.addHeader("X-Forwarded-For", "1.2.3.4, 203.0.113.7");

        assertThat(ClientAddress.of(request, false)).isEqualTo("10.0.0.1");
        assertThat(ClientAddress.of(request, true)).isEqualTo("203.0.113.7");
    }
}
