package org.talentpipeline.identity;

import java.time.Instant;

/** A throttled user name or address as the users page and the API show it. */
public record ThrottleView(
        SignInThrottle.Kind kind,
        String subject,
        int failures,
        Instant lastFailureAt,
        Instant blockedUntil,
        long waitSeconds) {

    static ThrottleView of(SignInThrottle t, Instant now) {
        return new ThrottleView(
                t.getKind(),
                t.getSubject(),
                t.getFailures(),
                t.getLastFailureAt(),
                t.getBlockedUntil(),
                AccountService.seconds(t.waitAt(now)));
    }
}
