package org.talentpipeline.scoring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EloMmrTest {

    final EloMmr model = new EloMmr();

    static List<Placing> field(int n) {
        List<Placing> s = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            s.add(Placing.individual(i, i));
        }
        return s;
    }

    @Test
    void theWinnerRisesTheLastFallsAndPlacesOrderTheNewRatings() {
        Map<Long, Rating> after = model.rate(field(50), Map.of(), 1.0);
        assertTrue(after.get(1L).mu() > 1500);
        assertTrue(after.get(50L).mu() < 1500);
        for (long i = 1; i < 50; i++) {
            assertTrue(after.get(i).mu() >= after.get(i + 1).mu() - 1e-9, "place " + i);
        }
    }

    @Test
    void sigmaNeverGrowsFromPlaying() {
        Map<Long, Rating> before = new HashMap<>();
        Random random = new Random(2);
        for (long i = 1; i <= 200; i++) {
            before.put(i, new Rating(1500 + random.nextGaussian() * 300, 60 + random.nextDouble() * 290));
        }
        Map<Long, Rating> after = model.rate(field(200), before, 1.25);
        after.forEach((id, r) -> assertTrue(r.sigma() <= before.get(id).sigma() + 1e-9, "student " + id));
    }

    @Test
    void theOrderOfTheInputChangesNothing() {
        List<Placing> s = field(30);
        s.set(4, Placing.individual(5, 4));
        Map<Long, Rating> before = Map.of(3L, new Rating(1900, 100), 20L, new Rating(1200, 80));
        Map<Long, Rating> a = model.rate(s, before, 1.0);
        List<Placing> shuffled = new ArrayList<>(s);
        Collections.shuffle(shuffled, new Random(9));
        Map<Long, Rating> b = model.rate(shuffled, before, 1.0);
        a.forEach((k, v) -> assertEquals(v.mu(), b.get(k).mu(), 1e-9));
        assertEquals(a.get(4L).mu(), a.get(5L).mu(), 1e-9, "tied newcomers move alike");
    }

    @Test
    void beatingAStrongFieldCountsForMoreThanBeatingAWeakOne() {
        Map<Long, Rating> strong = new HashMap<>();
        Map<Long, Rating> weak = new HashMap<>();
        for (long i = 2; i <= 20; i++) {
            strong.put(i, new Rating(2000, 60));
            weak.put(i, new Rating(1000, 60));
        }
        assertTrue(model.rate(field(20), strong, 1).get(1L).mu()
                > model.rate(field(20), weak, 1).get(1L).mu());
    }

    @Test
    void aLighterEventMovesRatingsLessAndUncertaintyGrowsWithTime() {
        double heavy = model.rate(field(20), Map.of(), 1.0).get(1L).mu() - 1500;
        double light = model.rate(field(20), Map.of(), 0.5).get(1L).mu() - 1500;
        assertTrue(light > 0 && light < heavy);
        Rating r = new Rating(1600, 50);
        assertEquals(50, r.aged(0, 120, 350).sigma(), 1e-12);
        assertTrue(r.aged(365, 120, 350).sigma() > 120);
        assertEquals(350, r.aged(365 * 50, 120, 350).sigma(), 1e-12, "never beyond a newcomer's uncertainty");
    }
}
