package org.talentpipeline.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The judges' consensus on a judged event, in plain Java. Each judge's totals are standardised
 * (z-scores over the entries that judge scored), so that a severe or a lenient judge, or one who
 * uses only part of the scale, weighs the same as the others; an entry's consensus is the mean of
 * its z-scores. Agreement is Krippendorff's alpha for interval data over the raw totals, which
 * copes with judges who did not score every entry. A judge is flagged when their z-scores
 * correlate poorly with the consensus of the other judges.
 */
public final class Consensus {

    /** Below this correlation with the other judges' consensus a judge is flagged. */
    public static final double FLAG_BELOW = 0.3;

    private Consensus() {}

    /** One entry's consensus: its mean z-score, the judges who scored it, and its place (ties share). */
    public record EntryResult(String entry, double consensus, int judges, int place) {}

    /** A judge's agreement: Pearson's r of their z-scores against the consensus; null while there is too little to compare. */
    public record JudgeResult(String judge, int entries, Double correlation, boolean flagged) {}

    public record Outcome(List<EntryResult> entries, List<JudgeResult> judges, double alpha) {}

    /** {@code totals.get(judge).get(entry)}: each judge's weighted total for each entry they scored. */
    public static Outcome of(Map<String, Map<String, Double>> totals) {
        Map<String, Map<String, Double>> z = new LinkedHashMap<>();
        totals.forEach((judge, scores) -> z.put(judge, standardise(scores)));
        Map<String, Double> consensus = meanByEntry(z);
        List<String> order = new ArrayList<>(consensus.keySet());
        order.sort(Comparator.comparingDouble((String e) -> -consensus.get(e)).thenComparing(e -> e));
        List<EntryResult> entries = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            String e = order.get(i);
            boolean tied = i > 0 && Math.abs(consensus.get(order.get(i - 1)) - consensus.get(e)) < 1e-12;
            int place = tied ? entries.get(i - 1).place() : i + 1;
            int judges = (int) z.values().stream().filter(m -> m.containsKey(e)).count();
            entries.add(new EntryResult(e, consensus.get(e), judges, place));
        }
        List<JudgeResult> judges = new ArrayList<>();
        for (String judge : z.keySet()) {
            List<double[]> pairs = new ArrayList<>();
            z.get(judge).forEach((entry, value) -> pairs.add(new double[] {value, consensus.get(entry)}));
            double r = pearson(pairs);
            boolean comparable = z.size() > 2 && pairs.size() > 2 && !Double.isNaN(r);
            judges.add(new JudgeResult(
                    judge, z.get(judge).size(), Double.isNaN(r) ? null : r, comparable && r < FLAG_BELOW));
        }
        return new Outcome(entries, judges, krippendorffAlphaInterval(totals));
    }

    /** z-scores of one judge's totals; a judge who gave everyone the same total contributes zeros. */
    static Map<String, Double> standardise(Map<String, Double> scores) {
        double mean = scores.values().stream()
                .mapToDouble(Double::doubleValue)
                .average()
                .orElse(0);
        double variance = scores.values().stream()
                        .mapToDouble(v -> (v - mean) * (v - mean))
                        .sum()
                / Math.max(1, scores.size() - 1);
        double sd = Math.sqrt(variance);
        Map<String, Double> z = new LinkedHashMap<>();
        scores.forEach((entry, v) -> z.put(entry, sd == 0 ? 0 : (v - mean) / sd));
        return z;
    }

    private static Map<String, Double> meanByEntry(Map<String, Map<String, Double>> z) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        z.values()
                .forEach(scores -> scores.forEach((entry, v) -> {
                    double[] s = sums.computeIfAbsent(entry, k -> new double[2]);
                    s[0] += v;
                    s[1]++;
                }));
        Map<String, Double> means = new LinkedHashMap<>();
        sums.forEach((entry, s) -> means.put(entry, s[0] / s[1]));
        return means;
    }

    static double pearson(List<double[]> pairs) {
        int n = pairs.size();
        if (n < 2) {
            return Double.NaN;
        }
        double mx = pairs.stream().mapToDouble(p -> p[0]).average().orElse(0);
        double my = pairs.stream().mapToDouble(p -> p[1]).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (double[] p : pairs) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
            syy += (p[1] - my) * (p[1] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    /**
     * Krippendorff's alpha for interval data: 1 - D_o / D_e, from the coincidences of the values
     * pairable within each unit (units scored by fewer than two judges are left out).
     */
    public static double krippendorffAlphaInterval(Map<String, Map<String, Double>> byJudge) {
        Map<String, List<Double>> byUnit = new HashMap<>();
        byJudge.values()
                .forEach(scores -> scores.forEach((unit, v) ->
                        byUnit.computeIfAbsent(unit, k -> new ArrayList<>()).add(v)));
        double observed = 0;
        double n = 0;
        List<Double> pairable = new ArrayList<>();
        for (List<Double> values : byUnit.values()) {
            int m = values.size();
            if (m < 2) {
                continue;
            }
            double sum = 0;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    if (i != j) {
                        double d = values.get(i) - values.get(j);
                        sum += d * d;
                    }
                }
            }
            observed += sum / (m - 1);
            n += m;
            pairable.addAll(values);
        }
        if (n < 2) {
            return Double.NaN;
        }
        double expected = 0;
        for (int i = 0; i < pairable.size(); i++) {
            for (int j = 0; j < pairable.size(); j++) {
                if (i != j) {
                    double d = pairable.get(i) - pairable.get(j);
                    expected += d * d;
                }
            }
        }
        double dObserved = observed / n;
        double dExpected = expected / (n * (n - 1));
        return dExpected == 0 ? 1.0 : 1 - dObserved / dExpected;
    }
}
