package org.talentpipeline.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.talentpipeline.competition.ResultRows;
import org.talentpipeline.scoring.engine.Placing;
import org.talentpipeline.scoring.engine.RatingReplay;

/**
 * An event's results as the replay rates them: competition's entrants without the members an
 * appeal excluded, each team member with an equal share of the team's place. An entrant left with
 * no member is left out, as if it had not entered.
 */
final class RatedResults {

    private RatedResults() {
    }

    static RatingReplay.EventResults of(ResultRows.RatedEvent event, List<ResultRows.Entrant> entrants,
            Map<Long, Set<Long>> excluded) {
        List<RatingReplay.Entry> entries = new ArrayList<>(entrants.size());
        for (ResultRows.Entrant entrant : entrants) {
            Set<Long> out = excluded.isEmpty() ? null : excluded.get(entrant.result());
            List<Long> members = out == null ? entrant.members()
                    : entrant.members().stream().filter(member -> !out.contains(member)).toList();
            if (members.isEmpty()) {
                continue;
            }
            List<Placing.Member> shares = new ArrayList<>(members.size());
            for (long member : members) {
                shares.add(new Placing.Member(member, 1.0 / members.size()));
            }
            entries.add(new RatingReplay.Entry(shares, entrant.place(), entrant.points()));
        }
        return new RatingReplay.EventResults(event.id(), (int) event.day().toEpochDay(), event.weight(), entries);
    }
}
