package org.talentpipeline.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.talentpipeline.identity.SignInThrottle.Kind;

class SignInThrottleTest {

    static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    static List<Long> schedule(Kind kind, int upTo) {
        return IntStream.rangeClosed(1, upTo)
                .mapToObj(n -> kind.delayAfter(n).toSeconds())
                .toList();
    }

    @Test
    void anAccountHasThreeFreeFailuresThenDoublingDelaysCappedAtThirtySeconds() {
        assertEquals(List.of(0L, 0L, 0L, 1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L), schedule(Kind.ACCOUNT, 11));
    }

    @Test
    void anAddressHasTenFreeFailuresForTheManyBehindOneNat() {
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L, 2L, 4L), schedule(Kind.ADDRESS, 13));
    }

    @Test
    void theDelayNeverPassesThirtySecondsHoweverManyFailures() {
        assertEquals(Duration.ofSeconds(30), Kind.ACCOUNT.delayAfter(1_000_000));
    }

    static SignInThrottle failedTimes(int n, Instant at) {
        SignInThrottle t = new SignInThrottle(Kind.ACCOUNT, "ana", at);
        for (int i = 0; i < n; i++) {
            t.attempt(at, at);
        }
        return t;
    }

    @Test
    void theFourthFailureBlocksForOneSecondFromItsAnswer() {
        Instant answered = T0.plusMillis(750);
        SignInThrottle t = new SignInThrottle(Kind.ACCOUNT, "ana", T0);
        for (int i = 0; i < 4; i++) {
            t.attempt(T0, answered);
        }
        assertTrue(t.isBlockedAt(answered.plusMillis(999)));
        assertFalse(t.isBlockedAt(answered.plusSeconds(1)));
        assertEquals(Duration.ofMillis(500), t.waitAt(answered.plusMillis(500)));
    }

    @Test
    void threeFailuresBlockNothing() {
        assertFalse(failedTimes(3, T0).isBlockedAt(T0));
    }

    @Test
    void theOwnerWaitsAtMostTheCurrentDelay() {
        SignInThrottle t = failedTimes(20, T0);
        assertTrue(t.isBlockedAt(T0.plusSeconds(29)));
        assertFalse(
                t.isBlockedAt(T0.plusSeconds(30)), "no lock-out: after the capped delay the next attempt goes ahead");
    }

    @Test
    void aLateAnswerRestartsTheDelayFromTheAnswer() {
        SignInThrottle t = failedTimes(4, T0);
        t.answered(T0.plusSeconds(2));
        assertTrue(t.isBlockedAt(T0.plusMillis(2_500)));
        assertFalse(t.isBlockedAt(T0.plusSeconds(3)));
    }

    @Test
    void anAnswerNeverShortensADelay() {
        SignInThrottle t = failedTimes(9, T0);
        t.answered(T0.minusSeconds(20));
        assertEquals(T0.plusSeconds(30), t.getBlockedUntil());
    }

    @Test
    void failuresAreForgottenAnHourAfterTheLast() {
        SignInThrottle t = failedTimes(8, T0);
        Instant later = T0.plus(SignInThrottle.FORGOTTEN_AFTER);
        t.attempt(later, later);
        assertEquals(1, t.getFailures());
        assertFalse(t.isBlockedAt(later));
    }

    @Test
    void aGivenBackAttemptLiftsItsDelay() {
        SignInThrottle t = failedTimes(4, T0);
        t.giveBack(T0.plusMillis(10));
        assertEquals(3, t.getFailures());
        assertFalse(t.isBlockedAt(T0.plusMillis(10)));
    }

    @Test
    void userNamesAreCountedIgnoringCaseAndBlanks() {
        assertEquals(SignInThrottle.key(Kind.ACCOUNT, "ana"), SignInThrottle.key(Kind.ACCOUNT, "  ANA "));
    }

    @Test
    void overlongSubjectsAreCutToTheColumn() {
        assertEquals(
                SignInThrottle.SUBJECT_LENGTH,
                SignInThrottle.key(Kind.ACCOUNT, "x".repeat(5000)).subject().length());
    }
}
