package org.talentpipeline.scoring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingTest {

    @Test
    void kendallsTauOfAWorkedExample() {
        // x = 1..5, y = 1,3,2,5,4: 8 concordant and 2 discordant pairs of 10, tau = 0.6
        Map<Long, Double> x = new HashMap<>();
        Map<Long, Double> y = new HashMap<>();
        double[] ys = {1, 3, 2, 5, 4};
        for (int i = 0; i < 5; i++) {
            x.put((long) i, (double) i + 1);
            y.put((long) i, ys[i]);
        }
        assertEquals(0.6, Ranking.kendallTau(x, y), 1e-12);
        assertEquals(1.0, Ranking.kendallTau(x, x), 1e-12);
    }

    @Test
    void precisionAtTheTopCountsTheTrueTopFound() {
        Map<Long, Double> truth = new HashMap<>();
        Map<Long, Double> score = new HashMap<>();
        for (long i = 0; i < 100; i++) {
            truth.put(i, (double) i);
            score.put(i, i == 99 ? -1.0 : (double) i);
        }
        assertEquals(0.8, Ranking.precisionAtTop(score, truth, 0.05), 1e-12, "4 of the true top 5");
        assertEquals(0.0, Ranking.precisionAtTop(score, truth, 0.01), 1e-12);
    }

    @Test
    void theCtftimeFormulaAndTheMeanPercentile() {
        Baselines b = new Baselines();
        b.add(1, 1, 10, 500, 500, 1.0);
        b.add(1, 5, 9, 100, 400, 0.5);
        assertEquals(1.0 * (1 + 1) + 0.5 * (0.25 + 0.2), b.ctftime().get(1L), 1e-12);
        assertEquals((1.0 + 0.5) / 2, b.meanPercentile().get(1L), 1e-12);
    }
}
