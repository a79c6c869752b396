package io.safla.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressTest {

    private static MockHttpServletRequest request(String... forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("10.0.0.1");
        for (String header : forwardedFor) {
            request.addHeader("X-Forwarded-For", header);
        }
        return request;
    }

    @Test
    void clientAddress_forwardedFor_onlyWhenTrusted_andOnlyTheProxysEntry() {
        MockHttpServletRequest request = request("1.2.3.4, 203.0.113.7");

        assertThat(ClientAddress.of(request, false)).isEqualTo("10.0.0.1");
        assertThat(ClientAddress.of(request, true)).isEqualTo("203.0.113.7");
    }

    /** Whatever the client writes in front of the proxy's entry, the address is the proxy's (last) entry. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "203.0.113.7",
                "6.6.6.6, 203.0.113.7",
                "6.6.6.6, 7.7.7.7, 203.0.113.7",
                "203.0.113.7, 203.0.113.7",
                "not-an-ip, , ;;, 203.0.113.7",
                "2001:db8::1, 203.0.113.7",
                "[2001:db8::1]:443,203.0.113.7",
                "unknown,203.0.113.7 ",
                "127.0.0.1, 10.0.0.1, 203.0.113.7"
            })
    void forgedEntries_inFrontOfTheProxysEntry_areIgnored(String header) {
        assertThat(ClientAddress.of(request(header), true)).isEqualTo("203.0.113.7");
    }

    @Test
    void severalHeaders_countAsOneList_andOnlyItsLastEntryIsTrusted() {
        assertThat(ClientAddress.of(request("6.6.6.6", "7.7.7.7, 203.0.113.7"), true))
                .isEqualTo("203.0.113.7");
        assertThat(ClientAddress.of(request("6.6.6.6, 7.7.7.7", "203.0.113.7"), true))
                .isEqualTo("203.0.113.7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ",", "6.6.6.6, garbage", "6.6.6.6,", "example.com", "1.2.3.4%eth0", "::1::2"})
    void aLastEntryThatIsNoAddress_fallsBackToThePeer_neverToAnEarlierEntry(String header) {
        assertThat(ClientAddress.of(request(header), true)).isEqualTo("10.0.0.1");
    }

    @Test
    void noHeader_isThePeer() {
        assertThat(ClientAddress.of(request(), true)).isEqualTo("10.0.0.1");
    }

    @Test
    void ipv6_isKeyedByItsSlash64_inAnySpelling() {
        String key = ClientAddress.of(request("2001:db8:1:2::a"), true);

        assertThat(key).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(ClientAddress.of(request("6.6.6.6, 2001:DB8:1:2:ffff:1:2:3"), true))
                .isEqualTo(key);
        assertThat(ClientAddress.of(request("[2001:db8:1:2::b]"), true)).isEqualTo(key);
        assertThat(ClientAddress.of(request("2001:db8:1:3::a"), true)).isNotEqualTo(key);
        assertThat(ClientAddress.of(request("::ffff:203.0.113.7"), true)).isEqualTo("203.0.113.7");
    }
}
