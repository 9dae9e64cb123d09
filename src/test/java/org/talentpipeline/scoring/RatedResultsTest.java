package org.talentpipeline.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.talentpipeline.competition.ResultRows;
import org.talentpipeline.scoring.engine.Placing;
import org.talentpipeline.scoring.engine.RatingReplay;

class RatedResultsTest {

    private static final ResultRows.RatedEvent EVENT = new ResultRows.RatedEvent(7, "CTF-1", LocalDate.of(2026, 5, 1), 1.5);
    private static final List<ResultRows.Entrant> ENTRANTS = List.of(
            new ResultRows.Entrant(100, 1, List.of(1L, 2L, 3L), Map.of("web", 300.0)),
            new ResultRows.Entrant(101, 2, List.of(4L), Map.of()));

    @Test
    void teamMembersShareThePlaceEqually() {
        RatingReplay.EventResults results = RatedResults.of(EVENT, ENTRANTS, Map.of());
        assertEquals(List.of(new Placing.Member(1, 1.0 / 3), new Placing.Member(2, 1.0 / 3), new Placing.Member(3, 1.0 / 3)),
                results.entries().get(0).members());
    }

    @Test
    void theEventKeepsItsDayAndWeight() {
        RatingReplay.EventResults results = RatedResults.of(EVENT, ENTRANTS, Map.of());
        assertEquals(List.of(7L, (long) LocalDate.of(2026, 5, 1).toEpochDay(), 1.5),
                List.of(results.event(), (long) results.day(), results.weight()));
    }

    @Test
    void anExcludedMemberIsReadAsIfTheyHadNotEntered() {
        RatingReplay.EventResults results = RatedResults.of(EVENT, ENTRANTS, Map.of(100L, Set.of(2L)));
        assertEquals(List.of(new Placing.Member(1, 0.5), new Placing.Member(3, 0.5)), results.entries().get(0).members());
    }

    @Test
    void anEntrantWithEveryMemberExcludedIsLeftOut() {
        RatingReplay.EventResults results = RatedResults.of(EVENT, ENTRANTS, Map.of(101L, Set.of(4L)));
        assertEquals(1, results.entries().size());
    }

    @Test
    void anExclusionAtAnotherResultChangesNothing() {
        RatingReplay.EventResults results = RatedResults.of(EVENT, ENTRANTS, Map.of(999L, Set.of(1L)));
        assertEquals(List.of(3, 1), results.entries().stream().map(e -> e.members().size()).toList());
    }
}
