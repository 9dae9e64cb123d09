package org.talentpipeline.scoring;

import java.time.Instant;

/** A full recompute of the ratings: QUEUED, RUNNING, then DONE or FAILED, with its progress. */
public record ScoringJob(long id, String state, int percent, String reason, String requestedBy, Instant requestedAt,
        Instant startedAt, Instant finishedAt, String message) {

    public boolean isFinished() {
        return "DONE".equals(state) || "FAILED".equals(state);
    }
}
