package org.talentpipeline.scoring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlackettLuceTest {

    final PlackettLuce model = new PlackettLuce();

    /*
     * OpenSkill's published example (openskill.js README, "rate"): two newcomers (mu 25,
     * sigma 8.333), the first wins: [[{mu: 27.63523138347365, sigma: 8.065506316323548}],
     * [{mu: 22.36476861652635, sigma: 8.065506316323548}]].
     */
    @Test
    void matchesOpenSkillsReferenceValuesForOneVersusOne() {
        Map<Long, Rating> after =
                model.rate(List.of(Placing.individual(1, 1), Placing.individual(2, 2)), Map.of(), 1.0);
        assertEquals(27.63523138347365, after.get(1L).mu(), 1e-9);
        assertEquals(8.065506316323548, after.get(1L).sigma(), 1e-9);
        assertEquals(22.36476861652635, after.get(2L).mu(), 1e-9);
        assertEquals(8.065506316323548, after.get(2L).sigma(), 1e-9);
    }

    @Test
    void theWinnerRisesTheLastFallsAndNobodysSigmaGrows() {
        List<Placing> field = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            field.add(Placing.individual(i, i));
        }
        Map<Long, Rating> after = model.rate(field, Map.of(), 1.0);
        assertTrue(after.get(1L).mu() > 25);
        assertTrue(after.get(10L).mu() < 25);
        after.values().forEach(r -> assertTrue(r.sigma() <= 25.0 / 3));
    }

    @Test
    void theOrderOfTheInputChangesNothing() {
        List<Placing> field = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            field.add(Placing.individual(i, i == 8 ? 7 : i));
        }
        Map<Long, Rating> before = Map.of(3L, new Rating(30, 5), 5L, new Rating(20, 6));
        Map<Long, Rating> a = model.rate(field, before, 1.0);
        List<Placing> shuffled = new ArrayList<>(field);
        Collections.shuffle(shuffled, new Random(3));
        Map<Long, Rating> b = model.rate(shuffled, before, 1.0);
        a.forEach((k, v) -> {
            assertEquals(v.mu(), b.get(k).mu(), 1e-12);
            assertEquals(v.sigma(), b.get(k).sigma(), 1e-12);
        });
        assertEquals(a.get(7L).mu(), a.get(8L).mu(), 1e-12, "tied newcomers move alike");
    }

    @Test
    void aTeamsMembersMoveByTheirShareOfTheTeamsUncertainty() {
        Map<Long, Rating> before = Map.of(1L, new Rating(25, 8), 2L, new Rating(25, 2));
        Placing team = new Placing(List.of(new Placing.Member(1, 0.5), new Placing.Member(2, 0.5)), 1);
        Map<Long, Rating> after = model.rate(List.of(team, Placing.individual(3, 2)), before, 1.0);
        assertTrue(after.get(1L).mu() - 25 > after.get(2L).mu() - 25, "the less certain member moves more");
    }

    @Test
    void aLighterEventMovesRatingsLess() {
        List<Placing> match = List.of(Placing.individual(1, 1), Placing.individual(2, 2));
        double heavy = model.rate(match, Map.of(), 1.0).get(1L).mu() - 25;
        double light = model.rate(match, Map.of(), 0.5).get(1L).mu() - 25;
        assertEquals(heavy / 2, light, 1e-9);
    }
}
