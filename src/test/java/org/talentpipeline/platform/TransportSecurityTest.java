package org.talentpipeline.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class TransportSecurityTest {

    private final TransportSecurity.Settings byRequest =
            new TransportSecurity.Settings(false, Set.of("127.0.0.1", "10.0.0.5"));

    @Test
    void plainHttpIsNotHttps() {
        assertFalse(byRequest.overHttps(false, "203.0.113.9", null));
    }

    @Test
    void tlsToTheServerItselfIsHttps() {
        assertTrue(byRequest.overHttps(true, "203.0.113.9", null));
    }

    @Test
    void aTrustedProxysForwardedProtoCounts() {
        assertTrue(byRequest.overHttps(false, "10.0.0.5", "https"));
        assertTrue(byRequest.overHttps(false, "127.0.0.1", "HTTPS, http"));
        assertFalse(byRequest.overHttps(false, "10.0.0.5", "http"));
    }

    @Test
    void anyoneElsesForwardedProtoIsIgnored() {
        assertFalse(byRequest.overHttps(false, "203.0.113.9", "https"));
    }

    @Test
    void configuredHttpsMakesEveryRequestHttps() {
        assertTrue(new TransportSecurity.Settings(true, Set.of()).overHttps(false, "203.0.113.9", null));
    }
}
