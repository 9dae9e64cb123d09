package org.talentpipeline.scoring.engine;

import java.util.List;

/**
 * How a team's members share its rating update (issue 22, item 2(d)), in one place for the
 * application ({@code scoring.RatedResults}) and the evaluation on simulated cohorts
 * ({@link CohortSimulation}): equal where the results do not say who scored what; where they name
 * every member's own points (a member not named scored none), a part {@code own} of the share
 * follows the member's part of the team's points and the rest is equal. Elo-MMR reads a larger
 * share as a more certain observation of that member ({@link EloMmr#observe}): the team's place
 * moves the one who earned it more surely.
 */
public final class MemberShares {

    private MemberShares() {}

    /**
     * The members' shares (summing to 1). With {@code own} 0.5, a member who scored everything in a
     * team of three takes 2/3 and one who scored nothing 1/6; with 0 the shares are equal, with 1
     * they are the members' parts of the points alone.
     *
     * @param contributions each member's own points, in member order (null: not named, or no log)
     * @param members how many members the team has
     * @param own how much of the share follows the member's points (0 to 1)
     */
    public static double[] of(List<Double> contributions, int members, double own) {
        double[] shares = new double[members];
        double total = 0;
        if (contributions != null) {
            for (Double c : contributions) {
                total += c == null ? 0 : c;
            }
        }
        for (int i = 0; i < members; i++) {
            double equal = 1.0 / members;
            shares[i] = total <= 0
                    ? equal
                    : (1 - own) * equal + own * (contributions.get(i) == null ? 0 : contributions.get(i)) / total;
        }
        return shares;
    }
}
