package org.talentpipeline.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Talent scores at a percentile, counted as the scouting report counts percentiles (the share of
 * rated students with a lower score): the least score that reaches it. Used by the recruiters'
 * category filter and by the top-1% figure of a school's certification evidence, both of which
 * read where reads may lag (the replica, if there is one). The scores are {@link ThresholdRows}'.
 */
@ApplicationScoped
public class TalentThresholds {

    /** The overall rating's category. */
    public static final String OVERALL = "";

    @Inject
    ThresholdRows rows;

    /** The least talent score in a category that reaches this percentile; {@link Double#MAX_VALUE} when none is rated. */
    public double leastScore(String category, double percentile) {
        return rows.leastScore(category, percentile);
    }

    /**
     * How many of {@code rated} scores lie below the least one that reaches {@code percentile} (the
     * share of rated students with a lower score), at most the last.
     */
    static long below(double percentile, long rated) {
        return Math.min((long) Math.ceil(percentile / 100 * (rated - 1)), rated - 1);
    }
}
