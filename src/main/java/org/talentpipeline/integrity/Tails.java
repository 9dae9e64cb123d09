package org.talentpipeline.integrity;

import java.util.Arrays;

/** Upper tails of the counts the detectors test: binomial and Poisson-binomial, computed exactly. */
final class Tails {

    private Tails() {}

    /** P(K >= k) for K the number of successes among independent trials of the given probabilities. */
    static double poissonBinomialAtLeast(double[] p, int k) {
        if (k <= 0) {
            return 1;
        }
        if (k > p.length) {
            return 0;
        }
        double[] dist = new double[p.length + 1];
        dist[0] = 1;
        for (int i = 0; i < p.length; i++) {
            for (int j = i + 1; j >= 1; j--) {
                dist[j] = dist[j] * (1 - p[i]) + dist[j - 1] * p[i];
            }
            dist[0] *= 1 - p[i];
        }
        double tail = 0;
        for (int j = k; j <= p.length; j++) {
            tail += dist[j];
        }
        return Math.min(1, Math.max(0, tail));
    }

    /** P(K >= k) for K binomial(n, p). */
    static double binomialAtLeast(int n, double p, int k) {
        double[] ps = new double[n];
        Arrays.fill(ps, p);
        return poissonBinomialAtLeast(ps, k);
    }
}
