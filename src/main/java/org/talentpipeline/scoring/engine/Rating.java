package org.talentpipeline.scoring.engine;

/**
 * A skill estimate: mean {@code mu} and uncertainty {@code sigma}. The conservative estimate
 * {@code mu - 3 sigma} is what talent scores are made of.
 */
public record Rating(double mu, double sigma) {

    public double conservative() {
        return mu - 3 * sigma;
    }

    /**
     * The rating after {@code days} without an event: uncertainty grows with time, not per match,
     * by {@code growthPerYear} of variance a year, never beyond {@code ceiling}.
     */
    public Rating aged(double days, double growthPerYear, double ceiling) {
        if (days <= 0) {
            return this;
        }
        double variance = sigma * sigma + growthPerYear * growthPerYear * days / 365.0;
        return new Rating(mu, Math.min(ceiling, Math.sqrt(variance)));
    }
}
