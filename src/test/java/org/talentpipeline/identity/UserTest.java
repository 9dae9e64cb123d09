package org.talentpipeline.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserTest {

    static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    User user() {
        return new User("ana", "hash", Set.of(Role.EVALUATOR), null, null, T0);
    }

    @Test
    void disablingRaisesTheCredentialGeneration() {
        User u = user();
        u.disable();
        assertFalse(u.isEnabled());
        assertEquals(1, u.getCredentialsGeneration());
    }

    @Test
    void enablingAgainDoesNotRestoreOldSessions() {
        User u = user();
        u.disable();
        u.enable();
        assertTrue(u.isEnabled());
        assertEquals(1, u.getCredentialsGeneration(), "sessions from before the disabling stay signed out");
    }

    @Test
    void aNewPasswordRaisesTheCredentialGeneration() {
        User u = user();
        u.changePassword("new-hash");
        assertEquals("new-hash", u.getPasswordHash());
        assertEquals(1, u.getCredentialsGeneration());
    }

    @Test
    void theCallerCarriesRolesAndAffiliations() {
        User u = new User("sam", "hash", Set.of(Role.SCHOOL_ADMIN), "XDU", null, T0);
        Caller c = u.toCaller();
        assertTrue(c.has(Role.SCHOOL_ADMIN));
        assertFalse(c.has(Role.ADMIN));
        assertEquals("XDU", c.schoolCode());
        assertEquals(Set.of("SCHOOL_ADMIN"), c.groups());
    }
}
