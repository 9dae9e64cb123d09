package org.talentpipeline.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.talentpipeline.competition.ResultRows;
import org.talentpipeline.scoring.engine.MemberShares;
import org.talentpipeline.scoring.engine.Placing;
import org.talentpipeline.scoring.engine.RatingReplay;

/**
 * An event's results as the replay rates them: competition's entrants without the members an
 * appeal excluded, each team member with their share of the team's update ({@link #shares}: equal,
 * or half following their own points where the results name them). An entrant left with no member
 * is left out, as if it had not entered.
 */
final class RatedResults {

    private RatedResults() {}

    static RatingReplay.EventResults of(
            ResultRows.RatedEvent event, List<ResultRows.Entrant> entrants, Map<Long, Set<Long>> excluded) {
        List<RatingReplay.Entry> entries = new ArrayList<>(entrants.size());
        for (ResultRows.Entrant entrant : entrants) {
            Set<Long> out = excluded.isEmpty() ? null : excluded.get(entrant.result());
            if (out == null && entrant.contributions() == null) {
                // the usual entrant: nobody excluded, no member's points named
                entries.add(new RatingReplay.Entry(equalShares(entrant.members()), entrant.place(), entrant.points()));
                continue;
            }
            List<Long> members = new ArrayList<>(entrant.members().size());
            List<Double> own = entrant.contributions() == null
                    ? null
                    : new ArrayList<>(entrant.members().size());
            for (int i = 0; i < entrant.members().size(); i++) {
                long member = entrant.members().get(i);
                if (out == null || !out.contains(member)) {
                    members.add(member);
                    if (own != null) {
                        own.add(entrant.contributions().get(i));
                    }
                }
            }
            if (members.isEmpty()) {
                continue;
            }
            double[] shares = shares(own, members.size());
            List<Placing.Member> placed = new ArrayList<>(members.size());
            for (int i = 0; i < members.size(); i++) {
                placed.add(new Placing.Member(members.get(i), shares[i]));
            }
            entries.add(new RatingReplay.Entry(placed, entrant.place(), entrant.points()));
        }
        return new RatingReplay.EventResults(event.id(), (int) event.day().toEpochDay(), event.weight(), entries);
    }

    private static List<Placing.Member> equalShares(List<Long> members) {
        List<Placing.Member> placed = new ArrayList<>(members.size());
        for (long member : members) {
            placed.add(new Placing.Member(member, 1.0 / members.size()));
        }
        return placed;
    }

    /**
     * How much of a team's result is the members' own and how much the team's: half each, kept by
     * measurement on simulated team events with a solve log (issue 22, item 2(d): the scoring manual,
     * "Individual credit, measured").
     */
    static final double OWN = 0.5;

    /** The members' shares of their team's update: {@link MemberShares#of} with {@link #OWN}. */
    static double[] shares(List<Double> contributions, int members) {
        return MemberShares.of(contributions, members, OWN);
    }
}
