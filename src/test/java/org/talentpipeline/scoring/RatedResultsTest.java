package org.talentpipeline.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.talentpipeline.competition.ResultRows;
import org.talentpipeline.scoring.engine.Placing;
import org.talentpipeline.scoring.engine.RatingReplay;

class RatedResultsTest {

    private static final ResultRows.RatedEvent EVENT =
            new ResultRows.RatedEvent(7, "CTF-1", LocalDate.of(2026, 5, 1), 1.5);
    private static final List<ResultRows.Entrant> ENTRANTS = List.of(
            new ResultRows.Entrant(100, 1, List.of(1L, 2L, 3L), Map.of("web", 300.0)),
            new ResultRows.Entrant(101, 2, List.of(4L), Map.of()));

    @Test
    void teamMembersShareThePlaceEqually() {
        RatingReplay.EventResults results = RatedResults.of(EVENT, ENTRANTS, Map.of());
        assertEquals(
                List.of(new Placing.Member(1, 1.0 / 3), new Placing.Member(2, 1.0 / 3), new Placing.Member(3, 1.0 / 3)),
                results.entries().get(0).members());
    }

    @Test
    void theEventKeepsItsDayAndWeight() {
        RatingReplay.EventResults results = RatedResults.of(EVENT, ENTRANTS, Map.of());
        assertEquals(
                List.of(7L, (long) LocalDate.of(2026, 5, 1).toEpochDay(), 1.5),
                List.of(results.event(), (long) results.day(), results.weight()));
    }

    @Test
    void anExcludedMemberIsReadAsIfTheyHadNotEntered() {
        RatingReplay.EventResults results = RatedResults.of(EVENT, ENTRANTS, Map.of(100L, Set.of(2L)));
        assertEquals(
                List.of(new Placing.Member(1, 0.5), new Placing.Member(3, 0.5)),
                results.entries().get(0).members());
    }

    @Test
    void anEntrantWithEveryMemberExcludedIsLeftOut() {
        RatingReplay.EventResults results = RatedResults.of(EVENT, ENTRANTS, Map.of(101L, Set.of(4L)));
        assertEquals(1, results.entries().size());
    }

    @Test
    void anExclusionAtAnotherResultChangesNothing() {
        RatingReplay.EventResults results = RatedResults.of(EVENT, ENTRANTS, Map.of(999L, Set.of(1L)));
        assertEquals(
                List.of(3, 1),
                results.entries().stream().map(e -> e.members().size()).toList());
    }

    @Test
    void withoutContributionsSharesAreEqual() {
        assertEquals(List.of(0.25, 0.25, 0.25, 0.25), boxed(RatedResults.shares(null, 4)));
    }

    @Test
    void aMemberWhoScoredEverythingTakesTwoThirdsOfATeamOfThree() {
        double[] shares = RatedResults.shares(Arrays.asList(300.0, 0.0, null), 3);
        assertEquals(boxed(new double[] {2.0 / 3, 1.0 / 6, 1.0 / 6}), boxed(shares));
    }

    @Test
    void contributionsOfNoPointsLeaveTheSharesEqual() {
        assertEquals(List.of(0.5, 0.5), boxed(RatedResults.shares(List.of(0.0, 0.0), 2)));
    }

    @Test
    void theEntrantsContributionsBecomeTheMembersShares() {
        ResultRows.Entrant team =
                new ResultRows.Entrant(100, 1, List.of(1L, 2L), Map.of(), Arrays.asList(300.0, 100.0));
        RatingReplay.EventResults results = RatedResults.of(EVENT, List.of(team, ENTRANTS.get(1)), Map.of());
        assertEquals(
                List.of(new Placing.Member(1, 0.625), new Placing.Member(2, 0.375)),
                results.entries().get(0).members());
    }

    @Test
    void anExcludedMembersContributionLeavesWithThem() {
        ResultRows.Entrant team =
                new ResultRows.Entrant(100, 1, List.of(1L, 2L, 3L), Map.of(), List.of(300.0, 100.0, 100.0));
        RatingReplay.EventResults results =
                RatedResults.of(EVENT, List.of(team, ENTRANTS.get(1)), Map.of(100L, Set.of(1L)));
        assertEquals(
                List.of(new Placing.Member(2, 0.5), new Placing.Member(3, 0.5)),
                results.entries().get(0).members());
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).map(v -> Math.round(v * 1e9) / 1e9).boxed().toList();
    }
}
