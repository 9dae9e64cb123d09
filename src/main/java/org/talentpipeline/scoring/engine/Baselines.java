package org.talentpipeline.scoring.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * The simple scores a rating model must beat: the CTFtime formula (per event, weight times
 * points over the winner's points plus one over the place, summed) and each student's mean
 * percentile (the share of the field they finished ahead of).
 */
public final class Baselines {

    private final Map<Long, Double> ctftime = new HashMap<>();
    private final Map<Long, double[]> percentile = new HashMap<>();

    /** One student's result: place (1 the best) among fieldSize, their points and the winner's. */
    public void add(long student, int place, int fieldSize, double points, double best, double weight) {
        ctftime.merge(student, weight * ((best > 0 ? points / best : 0) + 1.0 / place), Double::sum);
        double p = fieldSize <= 1 ? 1 : (double) (fieldSize - place) / (fieldSize - 1);
        double[] s = percentile.computeIfAbsent(student, k -> new double[2]);
        s[0] += p;
        s[1]++;
    }

    public Map<Long, Double> ctftime() {
        return ctftime;
    }

    public Map<Long, Double> meanPercentile() {
        Map<Long, Double> m = new HashMap<>();
        percentile.forEach((k, s) -> m.put(k, s[0] / s[1]));
        return m;
    }
}
