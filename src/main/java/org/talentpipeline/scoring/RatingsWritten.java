package org.talentpipeline.scoring;

import java.util.Map;

/**
 * Ratings were written, fired inside the writing transaction: after an event rated on top of the
 * stored ratings, the overall talent scores of the students it changed (student id to score);
 * after a full recompute, {@link #everyone()}: every overall rating was replaced. The candidate
 * search observes it to keep its read model in line.
 *
 * <p>{@code table}, where not null, names a table of this transaction that holds the rating rows
 * just written (the rating table's columns; the overall ones have category {@code ''}, with the
 * very talent scores of {@code talentScores}): on PostgreSQL the update's scratch table, from which
 * a set-based statement can take the scores instead of sending them again. It is gone when the
 * transaction ends.
 */
public record RatingsWritten(Map<Long, Double> talentScores, boolean all, String table) {

    public RatingsWritten {
        talentScores = Map.copyOf(talentScores);
    }

    /** The overall scores of these students changed (and theirs only). */
    public static RatingsWritten of(Map<Long, Double> talentScores) {
        return of(talentScores, null);
    }

    /** The overall scores of these students changed (and theirs only); their rows are also in {@code table}. */
    public static RatingsWritten of(Map<Long, Double> talentScores, String table) {
        if (table != null && !table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        return new RatingsWritten(talentScores, false, table);
    }

    /** Every overall rating was replaced (a full recompute): read them all from the ratings again. */
    public static RatingsWritten everyone() {
        return new RatingsWritten(Map.of(), true, null);
    }
}
