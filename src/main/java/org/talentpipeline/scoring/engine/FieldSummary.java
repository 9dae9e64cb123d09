package org.talentpipeline.scoring.engine;

import java.util.Arrays;
import java.util.Locale;

/**
 * An event's field as it stood before the event, in a few numbers kept with the event: its size,
 * sixteen quantiles of the entrants' means (at 1/32, 3/32, ... 31/32) and their mean uncertainty.
 * Enough to say how strong the field was and where a rating was expected to finish in it, without
 * keeping every entrant's rating before every event.
 */
public record FieldSummary(int size, double[] quantiles, double meanSigma) {

    private static final int QUANTILES = 16;
    private static final double LOGISTIC = Math.sqrt(3) / Math.PI;

    /** The summary of the entrants' means and uncertainties before the event. */
    public static FieldSummary of(double[] mu, double[] sigma) {
        double[] sorted = mu.clone();
        Arrays.sort(sorted);
        double[] q = new double[QUANTILES];
        for (int i = 0; i < QUANTILES; i++) {
            q[i] = sorted[Math.min(sorted.length - 1, (int) ((2 * i + 1) * (long) sorted.length / (2 * QUANTILES)))];
        }
        double s = 0;
        for (double v : sigma) {
            s += v;
        }
        return new FieldSummary(mu.length, q, sigma.length == 0 ? 0 : s / sigma.length);
    }

    /** The field's strength: the mean of its entrants' means (from the quantiles). */
    public double strength() {
        double s = 0;
        for (double v : quantiles) {
            s += v;
        }
        return s / quantiles.length;
    }

    /**
     * The place a rating was expected to take among the event's {@code entrants} under the model
     * (each other entrant ahead with the logistic probability of the rating gap, performance noise
     * {@code beta} included): 1 plus the expected number of entrants ahead. The quantiles are of the
     * competitors' means, a team's members each counted, so {@link #size} can be larger than the
     * entrants of a team event; the places are the entrants'.
     */
    public double expectedPlace(Rating r, double beta, int entrants) {
        double ahead = 0;
        double own = r.sigma() * r.sigma() + beta * beta;
        double scale = Math.sqrt(own + meanSigma * meanSigma + beta * beta) * LOGISTIC;
        for (double q : quantiles) {
            ahead += 1 / (1 + Math.exp(-(q - r.mu()) / scale));
        }
        return 1 + (entrants - 1) * ahead / quantiles.length;
    }

    /** Kept as "size:mean sigma:q1,q2,...". */
    public String encode() {
        StringBuilder s = new StringBuilder(160)
                .append(size)
                .append(':')
                .append(String.format(Locale.ROOT, "%.1f", meanSigma))
                .append(':');
        for (int i = 0; i < quantiles.length; i++) {
            s.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.1f", quantiles[i]));
        }
        return s.toString();
    }

    /** The summary {@link #encode} wrote; null for null (an event rated before summaries were kept). */
    public static FieldSummary parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String[] f = text.split(":");
        return new FieldSummary(
                Integer.parseInt(f[0]),
                Arrays.stream(f[2].split(",")).mapToDouble(Double::parseDouble).toArray(),
                Double.parseDouble(f[1]));
    }
}
