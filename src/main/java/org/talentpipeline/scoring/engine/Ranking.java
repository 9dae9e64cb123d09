package org.talentpipeline.scoring.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** How well a score ranks students against their true skill: precision at the top, Kendall's tau. */
public final class Ranking {

    private Ranking() {}

    /** The share of the true top {@code fraction} that the score's top {@code fraction} finds. */
    public static double precisionAtTop(Map<Long, Double> score, Map<Long, Double> truth, double fraction) {
        int k = Math.max(1, (int) Math.round(truth.size() * fraction));
        Set<Long> trueTop = new HashSet<>(top(truth, k));
        return top(score, k).stream().filter(trueTop::contains).count() / (double) k;
    }

    static List<Long> top(Map<Long, Double> score, int k) {
        List<Long> ids = new ArrayList<>(score.keySet());
        ids.sort(Comparator.comparingDouble((Long id) -> -score.get(id)).thenComparing(id -> id));
        return ids.subList(0, Math.min(k, ids.size()));
    }

    /** Kendall's tau-b between a score and the truth over the students both know. */
    public static double kendallTau(Map<Long, Double> score, Map<Long, Double> truth) {
        List<Long> ids = new ArrayList<>(truth.keySet());
        ids.removeIf(id -> !score.containsKey(id));
        int n = ids.size();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = score.get(ids.get(i));
            y[i] = truth.get(ids.get(i));
        }
        long concordant = 0;
        long discordant = 0;
        long tiesX = 0;
        long tiesY = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = Math.signum(x[i] - x[j]);
                double dy = Math.signum(y[i] - y[j]);
                if (dx == 0 && dy == 0) {
                    continue;
                } else if (dx == 0) {
                    tiesX++;
                } else if (dy == 0) {
                    tiesY++;
                } else if (dx == dy) {
                    concordant++;
                } else {
                    discordant++;
                }
            }
        }
        double denominator = Math.sqrt((double) (concordant + discordant + tiesX) * (concordant + discordant + tiesY));
        return denominator == 0 ? 0 : (concordant - discordant) / denominator;
    }
}
