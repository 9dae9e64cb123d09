package org.talentpipeline.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
    void fourFailuresDoNotLockButTheFifthDoesForFifteenMinutes() {
        User u = user();
        for (int i = 0; i < 4; i++) {
            assertFalse(u.signInFailed(T0.plusSeconds(i)));
        }
        assertFalse(u.isLockedAt(T0.plusSeconds(4)));
        assertTrue(u.signInFailed(T0.plusSeconds(5)), "the fifth failure locks");
        assertTrue(u.isLockedAt(T0.plusSeconds(6)));
        assertTrue(u.isLockedAt(T0.plusSeconds(5).plus(User.LOCK_OUT).minusMillis(1)));
        assertFalse(u.isLockedAt(T0.plusSeconds(5).plus(User.LOCK_OUT)));
    }

    @Test
    void failuresWhileLockedNeitherCountNorExtendTheLock() {
        User u = user();
        for (int i = 0; i < 5; i++) {
            u.signInFailed(T0);
        }
        Instant until = u.getLockedUntil();
        assertFalse(u.signInFailed(T0.plusSeconds(60)));
        assertEquals(until, u.getLockedUntil());
    }

    @Test
    void aSuccessClearsTheCountSoFailuresMustBeInARow() {
        User u = user();
        for (int i = 0; i < 4; i++) {
            u.signInFailed(T0);
        }
        u.signInSucceeded();
        assertEquals(0, u.getFailedSignIns());
        for (int i = 0; i < 4; i++) {
            assertFalse(u.signInFailed(T0));
        }
        assertFalse(u.isLockedAt(T0));
    }

    @Test
    void afterALockRunsOutCountingStartsAfresh() {
        User u = user();
        for (int i = 0; i < 5; i++) {
            u.signInFailed(T0);
        }
        Instant later = T0.plus(User.LOCK_OUT).plusSeconds(1);
        assertFalse(u.signInFailed(later));
        assertNull(u.getLockedUntil());
        assertEquals(1, u.getFailedSignIns());
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
