package org.talentpipeline.scoring.engine;

import java.util.List;

/**
 * The Weng-Lin Bayesian approximation with the Plackett-Luce model (Weng and Lin, "A Bayesian
 * Approximation Method for Online Ranking", JMLR 12, 2011, algorithm 4), as OpenSkill implements
 * it: a team's skill is the sum of its members'; ties share a rank. Made for a few teams per match,
 * it is the reference for correctness here. The event weight scales both the mean's move and the
 * variance's reduction.
 */
public final class PlackettLuce implements RatingModel {

    private final double mu;
    private final double sigma;
    private final double beta;
    private final double kappa;

    public PlackettLuce() {
        this(25.0, 25.0 / 3, 25.0 / 6, 0.0001);
    }

    public PlackettLuce(double mu, double sigma, double beta, double kappa) {
        this.mu = mu;
        this.sigma = sigma;
        this.beta = beta;
        this.kappa = kappa;
    }

    @Override
    public String version() {
        return "plackett-luce(mu=" + mu + ",sigma=" + sigma + ",beta=" + beta + ",kappa=" + kappa + ")";
    }

    @Override
    public Rating initial() {
        return new Rating(mu, sigma);
    }

    @Override
    public void rate(List<Placing> match, double[] mu, double[] sigma, double weight) {
        int n = match.size();
        double[] teamMu = new double[n];
        double[] teamVar = new double[n];
        int[] rank = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            rank[i] = match.get(i).rank();
            for (int m = match.get(i).members().size(); m > 0; m--, k++) {
                teamMu[i] += mu[k];
                teamVar[i] += sigma[k] * sigma[k];
            }
        }
        double c = 0;
        for (int i = 0; i < n; i++) {
            c += teamVar[i] + beta * beta;
        }
        c = Math.sqrt(c);
        double[] expMu = new double[n];
        for (int i = 0; i < n; i++) {
            expMu[i] = Math.exp(teamMu[i] / c);
        }
        // sumQ[q]: the sum over teams ranked at or below q; a[q]: how many teams share q's rank
        double[] sumQ = new double[n];
        int[] a = new int[n];
        for (int q = 0; q < n; q++) {
            for (int s = 0; s < n; s++) {
                if (rank[s] >= rank[q]) {
                    sumQ[q] += expMu[s];
                }
                if (rank[s] == rank[q]) {
                    a[q]++;
                }
            }
        }
        k = 0;
        for (int i = 0; i < n; i++) {
            double omega = 0;
            double delta = 0;
            for (int q = 0; q < n; q++) {
                if (rank[q] <= rank[i]) {
                    double p = expMu[i] / sumQ[q];
                    delta += p * (1 - p) / a[q];
                    omega += (q == i ? 1 - p : -p) / a[q];
                }
            }
            omega *= teamVar[i] / c;
            delta *= teamVar[i] / (c * c);
            delta *= Math.sqrt(teamVar[i]) / c;
            for (int m = match.get(i).members().size(); m > 0; m--, k++) {
                double share = sigma[k] * sigma[k] / teamVar[i];
                double shrink = Math.max(1 - weight * share * delta, kappa);
                mu[k] += weight * share * omega;
                sigma[k] *= Math.sqrt(shrink);
            }
        }
    }
}
