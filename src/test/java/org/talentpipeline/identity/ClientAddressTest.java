package org.talentpipeline.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.talentpipeline.platform.TrustedProxies;

class ClientAddressTest {

    static final Set<String> PROXY = Set.of("10.0.0.5");

    @Test
    void forwardedForIsIgnoredFromAnUntrustedPeer() {
        assertEquals("203.0.113.9", ClientAddress.of("203.0.113.9", "198.51.100.1", PROXY));
    }

    @Test
    void aTrustedProxyNamesTheClient() {
        assertEquals("198.51.100.1", ClientAddress.of("10.0.0.5", "198.51.100.1", PROXY));
    }

    @Test
    void addressesTheClientWroteItselfAreSkipped() {
        assertEquals("198.51.100.1", ClientAddress.of("10.0.0.5", "1.2.3.4, 198.51.100.1", PROXY));
    }

    @Test
    void anUnreadableHopStopsAtTheProxy() {
        assertEquals("10.0.0.5", ClientAddress.of("10.0.0.5", "<script>", PROXY));
    }

    @Test
    void theSettingIsACommaSeparatedList() {
        assertEquals(Set.of("10.0.0.5", "10.0.0.6"), TrustedProxies.parse(" 10.0.0.5 ,10.0.0.6,"));
    }

    @Test
    void ipv6ClientsAreCountedByTheirSlash64() {
        assertEquals(ClientAddress.throttleKey("2001:db8:1:2::1"), ClientAddress.throttleKey("2001:db8:1:2:ffff::9"));
        assertEquals("2001:db8:1:2:0:0:0:0/64", ClientAddress.throttleKey("2001:db8:1:2::1"));
        assertEquals("192.0.2.7", ClientAddress.throttleKey("192.0.2.7"));
    }
}
