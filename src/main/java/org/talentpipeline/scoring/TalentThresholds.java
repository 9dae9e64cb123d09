package org.talentpipeline.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Talent scores at a percentile, counted as {@link Percentile#leastScore} counts them: the least
 * score that reaches it. Used by the recruiters'
 * category filter and by the top-1% figure of a school's certification evidence, both of which
 * read where reads may lag (the replica, if there is one). The scores are {@link ThresholdRows}'.
 */
@ApplicationScoped
public class TalentThresholds {

    /** The overall rating's category. */
    public static final String OVERALL = "";

    @Inject
    ThresholdRows rows;

    /**
     * The least talent score in a category that reaches this percentile (from 0 to 100); {@link Double#MAX_VALUE}
     * when none is rated.
     */
    public double leastScore(String category, double percentile) {
        return rows.leastScore(category, percentile);
    }
}
