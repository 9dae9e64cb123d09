package org.talentpipeline.scoring;

import java.time.Instant;
import org.talentpipeline.identity.Caller;

/**
 * A full recompute of the ratings: QUEUED, RUNNING, then DONE or FAILED, with its progress.
 * {@code onBehalfOf} is the caller who asked for it, whom the job checks again when it runs; null for
 * system work (ratings following stored results, start-up), whose {@code requestedBy} names what set
 * it off.
 */
public record ScoringJob(
        long id,
        String state,
        int percent,
        String reason,
        String requestedBy,
        Instant requestedAt,
        Instant startedAt,
        Instant finishedAt,
        String message,
        Caller onBehalfOf) {

    public boolean isFinished() {
        return "DONE".equals(state) || "FAILED".equals(state);
    }
}
