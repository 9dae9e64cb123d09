package org.talentpipeline.scoring.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A way to turn match results into ratings. Implementations are plain Java and deterministic: the
 * same ratings and match give the same result whatever order the standings come in.
 */
public interface RatingModel {

    /** The model's name and parameters, recorded with every score computed by it. */
    String version();

    /** A newcomer's rating. */
    Rating initial();

    /**
     * Rates a match in place: {@code mu} and {@code sigma} hold the members' ratings before it, in
     * match order (placing by placing, member by member), and receive their ratings after it.
     * {@code weight} scales how far the event moves ratings (1 for a national event). The replay's
     * path: tens of millions of placings, no object per member.
     */
    void rate(List<Placing> match, double[] mu, double[] sigma, double weight);

    /** New ratings for everyone in the match, by student, given theirs before it (newcomers start at {@link #initial}). */
    default Map<Long, Rating> rate(List<Placing> match, Map<Long, Rating> before, double weight) {
        int size = Placing.members(match);
        double[] mu = new double[size];
        double[] sigma = new double[size];
        int k = 0;
        for (Placing p : match) {
            for (Placing.Member m : p.members()) {
                Rating r = before.getOrDefault(m.student(), initial());
                mu[k] = r.mu();
                sigma[k++] = r.sigma();
            }
        }
        rate(match, mu, sigma, weight);
        Map<Long, Rating> after = new HashMap<>(size * 2);
        k = 0;
        for (Placing p : match) {
            for (Placing.Member m : p.members()) {
                after.put(m.student(), new Rating(mu[k], sigma[k++]));
            }
        }
        return after;
    }
}
