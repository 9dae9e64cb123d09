package org.talentpipeline.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;

/**
 * Talent scores at a percentile, counted as {@link Percentile#leastScore} counts them: the least
 * score that reaches it. Used by the recruiters'
 * category filter and by the top-1% figure of a school's certification evidence, both of which
 * read where reads may lag (the replica, if there is one). Also a group of students' median score
 * and how many of them reach a score, for the same evidence (the group is one school's students, a
 * few thousand at most). The scores at a percentile and the median are {@link ThresholdRows}'; how
 * many reach a score is the percentile's own count ({@link ReportRows#overallBelow}).
 */
@ApplicationScoped
public class TalentThresholds {

    /** The overall rating's category. */
    public static final String OVERALL = "";

    @Inject
    ThresholdRows rows;

    @Inject
    ReportRows ratings;

    /**
     * The least talent score in a category that reaches this percentile (from 0 to 100); {@link Double#MAX_VALUE}
     * when none is rated.
     */
    public double leastScore(String category, double percentile) {
        return rows.leastScore(category, percentile);
    }

    /** The median overall talent score of these students, null when none of them is rated. */
    public Double median(Collection<Long> students) {
        return students.isEmpty() ? null : rows.median(students);
    }

    /** How many of these students have an overall talent score of at least {@code score}. */
    public int reaching(Collection<Long> students, double score) {
        if (students.isEmpty()) {
            return 0;
        }
        ReportRows.Counts below = ratings.overallBelow(score, students);
        return (int) (below.rated() - below.lower());
    }
}
