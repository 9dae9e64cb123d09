package org.talentpipeline.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void storesTheSha256OfASecretNeverTheSecretItself() {
        // the SHA-256 of "abc", from FIPS 180-2, appendix B.1
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Secrets.sha256("abc"));
        assertNotEquals(Secrets.sha256("abc"), Secrets.sha256("abd"));
    }

    @Test
    void aReadableCodeComesInDashedGroupsOfUnmistakableCharacters() {
        String code = Secrets.readable(12, 4);
        assertTrue(code.matches("[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}"), code);
    }

    @Test
    void aMachineSecretIsUrlSafe() {
        String secret = Secrets.urlSafe(32);
        assertEquals(43, secret.length());
        assertTrue(secret.matches("[A-Za-z0-9_-]+"), secret);
    }
}
