package org.talentpipeline.scoring.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    public Map<Long, Rating> rate(List<Placing> match, Map<Long, Rating> before, double weight) {
        int n = match.size();
        double[] teamMu = new double[n];
        double[] teamVar = new double[n];
        for (int i = 0; i < n; i++) {
            for (Placing.Member m : match.get(i).members()) {
                Rating r = before.getOrDefault(m.student(), initial());
                teamMu[i] += r.mu();
                teamVar[i] += r.sigma() * r.sigma();
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
                if (match.get(s).rank() >= match.get(q).rank()) {
                    sumQ[q] += expMu[s];
                }
                if (match.get(s).rank() == match.get(q).rank()) {
                    a[q]++;
                }
            }
        }
        Map<Long, Rating> after = new HashMap<>();
        for (int i = 0; i < n; i++) {
            double omega = 0;
            double delta = 0;
            for (int q = 0; q < n; q++) {
                if (match.get(q).rank() <= match.get(i).rank()) {
                    double p = expMu[i] / sumQ[q];
                    delta += p * (1 - p) / a[q];
                    omega += (q == i ? 1 - p : -p) / a[q];
                }
            }
            omega *= teamVar[i] / c;
            delta *= teamVar[i] / (c * c);
            delta *= Math.sqrt(teamVar[i]) / c;
            for (Placing.Member m : match.get(i).members()) {
                Rating r = before.getOrDefault(m.student(), initial());
                double share = r.sigma() * r.sigma() / teamVar[i];
                double newMu = r.mu() + weight * share * omega;
                double shrink = Math.max(1 - weight * share * delta, kappa);
                after.put(m.student(), new Rating(newMu, r.sigma() * Math.sqrt(shrink)));
            }
        }
        return after;
    }
}
