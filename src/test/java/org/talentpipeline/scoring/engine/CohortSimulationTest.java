package org.talentpipeline.scoring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CohortSimulationTest {

    private static final CohortSimulation.Regime SMALL =
            new CohortSimulation.Regime("test", 400, 12, 2, 20, 120, 365, 0.6, 0.1, 0.25, 0.6, 0.5, false);

    private static final CohortSimulation TEAMS =
            new CohortSimulation(SMALL.withTeams("test teams", new CohortSimulation.Teams(1.0, 40, 0.5)), 3);

    @Test
    void teamsLeaveTheRegimesOtherDrawsAsTheyWere() {
        CohortSimulation alone = new CohortSimulation(SMALL, 3);
        for (int e = 0; e < alone.events().size(); e++) {
            assertEquals(
                    alone.events().get(e).placesAndStudents().stream()
                            .map(ps -> ps[1])
                            .sorted()
                            .toList(),
                    TEAMS.events().get(e).placesAndStudents().stream()
                            .map(ps -> ps[1])
                            .sorted()
                            .toList(),
                    "event " + e + "'s entrants");
        }
    }

    @Test
    void aTeamIsTwoToFourSchoolmates() {
        for (Placing team : TEAMS.events().get(0).standings()) {
            assertTrue(team.members().size() <= 4, "a team of " + team.members().size());
            long school = team.members().get(0).student() / 40;
            assertEquals(
                    List.of(school),
                    team.members().stream()
                            .map(m -> m.student() / 40)
                            .distinct()
                            .toList());
        }
    }

    @Test
    void theLogsCreditSumsToTheTeamsPoints() {
        CohortSimulation.Event event = TEAMS.events().get(0);
        double credited = 0;
        for (int k = 0; k < event.team().length && event.team()[k] == 0; k++) {
            credited += event.own()[k];
        }
        assertEquals(event.points().get(0), credited, 1.0);
    }

    @Test
    void theMembersSplitIsTheApplicationsRule() {
        CohortSimulation.Event event = TEAMS.events().get(0);
        Placing first = event.standings(0.5).get(0);
        int size = first.members().size();
        List<Double> credit = new ArrayList<>();
        for (int k = 0; k < size; k++) {
            credit.add(event.own()[k]);
        }
        double[] expected = MemberShares.of(credit, size, 0.5);
        for (int k = 0; k < size; k++) {
            assertEquals(expected[k], first.members().get(k).share(), 1e-12);
        }
    }

    @Test
    void theHeldOutSeasonStaysIndividual() {
        assertNull(TEAMS.heldOut().get(0).team());
    }
}
