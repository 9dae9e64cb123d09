package org.talentpipeline.scoring.engine;

import java.text.MessageFormat;
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
        return formula("mu - {0} sigma, rounded, at least 0");
    }

    /** The formula in the words of a message pattern whose argument {0} is k ({@code mu - {0} sigma, ...}). */
    public String formula(String pattern) {
        return MessageFormat.format(pattern, number(k));
    }

    /**
     * The formula with a rating's numbers, to one decimal so that they add up: {@code 1,843.4 - 1 ×
     * 92.2 = 1,751}.
     */
    public String worked(Rating r) {
        return String.format(Locale.ROOT, "%,.1f - %s × %,.1f = %,.0f", r.mu(), number(k), r.sigma(), of(r));
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
