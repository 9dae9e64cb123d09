package org.talentpipeline.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.talentpipeline.scoring.engine.CohortSimulation;
import org.talentpipeline.scoring.engine.EloMmr;
import org.talentpipeline.scoring.engine.PlackettLuce;
import org.talentpipeline.scoring.engine.Ranking;
import org.talentpipeline.scoring.engine.Rating;

/**
 * Issue 5's evaluation: on simulated national cohorts with a known skill, how well each model and
 * each baseline finds the true top 1 % and 5 %, and Kendall's tau against the true skill. Averaged
 * over several seeds. Run with {@code mvn -Pbench -Dbench=ScoringEvaluation}
 * ({@code -Dbench.args="--students=5000 --events=250 --seeds=3"}).
 */
public final class ScoringEvaluation {

    private ScoringEvaluation() {
    }

    public static void main(String[] args) {
        Map<String, String> opts = GenerateData.options(args);
        int students = Integer.parseInt(opts.getOrDefault("students", "5000"));
        int events = Integer.parseInt(opts.getOrDefault("events", "250"));
        int seeds = Integer.parseInt(opts.getOrDefault("seeds", "3"));
        Map<String, double[]> table = new LinkedHashMap<>();
        for (int seed = 1; seed <= seeds; seed++) {
            long started = System.nanoTime();
            CohortSimulation sim = new CohortSimulation(students, events, 1095, 1.0, seed);
            Map<Long, Double> truth = sim.truthAtEnd();
            Map<String, Map<Long, Double>> scores = new LinkedHashMap<>();
            double beta = Double.parseDouble(opts.getOrDefault("beta", "" + EloMmr.DEFAULT_BETA));
            Map<Long, Rating> elo = sim.run(new EloMmr(1500, 350, beta, 40), 120);
            Map<Long, Rating> pl = sim.run(new PlackettLuce(), 25.0 / 3 * 0.35);
            scores.put("Elo-MMR (mu - 3 sigma)", conservative(elo));
            scores.put("Elo-MMR (mu)", mean(elo));
            scores.put("Plackett-Luce / OpenSkill (mu - 3 sigma)", conservative(pl));
            scores.put("Plackett-Luce / OpenSkill (mu)", mean(pl));
            scores.put("baseline: CTFtime formula", sim.baselines().ctftime());
            scores.put("baseline: mean percentile", sim.baselines().meanPercentile());
            scores.forEach((name, score) -> {
                double[] row = table.computeIfAbsent(name, k -> new double[3]);
                row[0] += Ranking.precisionAtTop(score, truth, 0.01) / seeds;
                row[1] += Ranking.precisionAtTop(score, truth, 0.05) / seeds;
                row[2] += Ranking.kendallTau(score, truth) / seeds;
            });
            long results = sim.events().stream().mapToLong(e -> e.placesAndStudents().size()).sum();
            System.out.printf(Locale.ROOT, "seed %d: %,d students, %,d competed, %d events, %,d results (%.1f s)%n", seed,
                    students, truth.size(), events, results, (System.nanoTime() - started) / 1e9);
        }
        System.out.printf(Locale.ROOT, "%n| model | precision at top 1%% | precision at top 5%% | Kendall's tau |%n| --- | --- | --- | --- |%n");
        table.forEach((name, row) -> System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |%n", name, row[0], row[1], row[2]));
    }

    static Map<Long, Double> conservative(Map<Long, Rating> ratings) {
        Map<Long, Double> m = new LinkedHashMap<>();
        ratings.forEach((k, r) -> m.put(k, r.conservative()));
        return m;
    }

    static Map<Long, Double> mean(Map<Long, Rating> ratings) {
        Map<Long, Double> m = new LinkedHashMap<>();
        ratings.forEach((k, r) -> m.put(k, r.mu()));
        return m;
    }
}
