package org.talentpipeline.scoring.engine;

import java.util.Locale;

/**
 * The talent score: the lower bound {@code mu - k sigma} of a rating, rounded, never below 0. The k
 * is a measured choice (see the scoring manual): larger k favours students seen often (whose sigma
 * is small), k = 0 ranks by the estimate alone.
 *
 * @param k how many standard deviations the score stays below the mean
 */
public record TalentScore(double k) {

    public TalentScore {
        if (k < 0 || Double.isNaN(k)) {
            throw new IllegalArgumentException("k must be 0 or more");
        }
    }

    /** The score of a rating. */
    public double of(Rating r) {
        return Math.max(0, Math.round(r.mu() - k * r.sigma()));
    }

    /** The formula in words: {@code mu - 1 sigma, rounded, at least 0}. */
    public String formula() {
        return String.format(Locale.ROOT, "mu - %s sigma, rounded, at least 0", number(k));
    }

    /** The formula with a rating's numbers: {@code 1,843 - 1 × 92 = 1,751}. */
    public String worked(Rating r) {
        return String.format(Locale.ROOT, "%,.0f - %s × %,.0f = %,.0f", r.mu(), number(k), r.sigma(), of(r));
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
