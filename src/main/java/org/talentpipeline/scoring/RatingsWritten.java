package org.talentpipeline.scoring;

import java.util.Map;

/**
 * Ratings were written, fired inside the writing transaction: after an event rated on top of the
 * stored ratings, the overall talent scores of the students it changed (student id to score);
 * after a full recompute, {@link #everyone()}: every overall rating was replaced. The candidate
 * search observes it to keep its read model in line.
 */
public record RatingsWritten(Map<Long, Double> talentScores, boolean all) {

    public RatingsWritten {
        talentScores = Map.copyOf(talentScores);
    }

    /** The overall scores of these students changed (and theirs only). */
    public static RatingsWritten of(Map<Long, Double> talentScores) {
        return new RatingsWritten(talentScores, false);
    }

    /** Every overall rating was replaced (a full recompute): read them all from the ratings again. */
    public static RatingsWritten everyone() {
        return new RatingsWritten(Map.of(), true);
    }
}
