package org.talentpipeline.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ApiTokensTest {

    @Test
    void storesTheSha256OfATokenNeverTheTokenItself() {
        // the SHA-256 of "abc", from FIPS 180-2, appendix B.1
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ApiTokens.sha256("abc"));
        assertNotEquals(ApiTokens.sha256("abc"), ApiTokens.sha256("abd"));
    }
}
