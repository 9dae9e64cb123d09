package org.talentpipeline.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.talentpipeline.scoring.engine.CohortSimulation;
import org.talentpipeline.scoring.engine.CohortSimulation.Event;
import org.talentpipeline.scoring.engine.CohortSimulation.Regime;
import org.talentpipeline.scoring.engine.EloMmr;
import org.talentpipeline.scoring.engine.Placing;
import org.talentpipeline.scoring.engine.Ranking;
import org.talentpipeline.scoring.engine.Rating;
import org.talentpipeline.scoring.engine.WholeHistory;

/**
 * Issue 22's evaluation: three regimes of simulated cohorts (dense, as issue 5 measured; sparse,
 * a median of 3 to 4 events a student; few seasons, most competitors with one or two events), each
 * over several draws. For every candidate, the baselines and the oracle (the exact posterior from
 * the true performances, the ceiling) it prints mean and spread of precision at the true top 1 %
 * and 5 %, Kendall's tau against the true skill at the end of the rated period, and pairwise
 * accuracy on the held-out last season. Run with {@code mvn -Pbench -Dbench=ScoringEvaluation}
 * ({@code -Dbench.args="--draws=10 --first=101 --regimes=dense,sparse,few --grid=1"}): one thread.
 * The regime {@code teams} (or {@code --teams=SHARE} on any regime, {@code --credit-noise=SD})
 * enters rated events as teams with a solve log, and adds the members' split of item 2(d) at each
 * {@code --own=0,0.25,0.5,0.75,1} for the chosen settings and the forward replay.
 */
public final class ScoringEvaluation {

    /**
     * A candidate: a newcomer's sigma, beta, sigma growth a year, the talent score's k (mu - k sigma)
     * and the number of whole-history smoothing passes (0: forward only).
     */
    record Candidate(String name, double sigma, double beta, double growth, double k, int passes) {
        String label() {
            return String.format(
                    Locale.ROOT,
                    "%s (sigma %.0f, beta %.0f, growth %.0f, mu - %.1f sigma%s)",
                    name,
                    sigma,
                    beta,
                    growth,
                    k,
                    passes > 0 ? ", " + passes + " smoothing passes" : "");
        }
    }

    static final Candidate DEFAULT = new Candidate("2026.11 default", 350, EloMmr.DEFAULT_BETA, 120, 3, 0);

    /** Settings 2026.12: tuned on draws 1 to 4 of all three regimes, reported on draws 101 to 110. */
    static final Candidate FORWARD = new Candidate("2026.12", 500, 350, 120, 0.5, 0);

    /**
     * The chosen settings (2026.12-elo-mmr-smoothed): 2026.12 with one whole-history smoothing pass
     * in the full recompute (the grid of draws 1 to 4: a second pass adds nothing).
     */
    static final Candidate CHOSEN = new Candidate("2026.12 smoothed", 500, 350, 120, 0.5, 1);

    static List<Candidate> candidates() {
        List<Candidate> c = new ArrayList<>();
        c.add(DEFAULT);
        c.add(new Candidate("2026.11 default, mu", 350, EloMmr.DEFAULT_BETA, 120, 0, 0));
        c.add(FORWARD);
        c.add(new Candidate("2026.12, mu", 500, 350, 120, 0, 0));
        c.add(CHOSEN);
        c.add(new Candidate("2026.12 smoothed, mu", 500, 350, 120, 0, 1));
        c.add(new Candidate("2026.12 smoothed, mu - 1 sigma", 500, 350, 120, 1, 1));
        c.add(new Candidate("2026.12 smoothed, 2 passes", 500, 350, 120, 0.5, 2));
        c.add(new Candidate("2026.12, growth 180", 500, 350, 180, 0.5, 0));
        c.add(new Candidate("wide newcomer, beta 450", 650, 450, 150, 0.5, 0));
        return c;
    }

    /** The tuning grid, {@code sigmas/betas/growths/ks/passes}, each a comma list ("1" for the first grid searched). */
    static List<Candidate> grid(String spec) {
        String[] parts = ("1".equals(spec) ? "350,500,650/150,250,400/80,150,250/0,0.5,1/0" : spec).split("/");
        List<Candidate> c = new ArrayList<>();
        for (String sigma : parts[0].split(",")) {
            for (String beta : parts[1].split(",")) {
                for (String growth : parts[2].split(",")) {
                    for (String k : parts[3].split(",")) {
                        for (String passes : parts[4].split(",")) {
                            c.add(new Candidate(
                                    "grid",
                                    Double.parseDouble(sigma),
                                    Double.parseDouble(beta),
                                    Double.parseDouble(growth),
                                    Double.parseDouble(k),
                                    Integer.parseInt(passes)));
                        }
                    }
                }
            }
        }
        return c;
    }

    private ScoringEvaluation() {}

    public static void main(String[] args) {
        Map<String, String> opts = GenerateData.options(args);
        int draws = Integer.parseInt(opts.getOrDefault("draws", "10"));
        int first = Integer.parseInt(opts.getOrDefault("first", "101"));
        boolean grid = opts.containsKey("grid");
        List<Regime> regimes = new ArrayList<>();
        for (String r : opts.getOrDefault("regimes", "dense,sparse,few").split(",")) {
            regimes.add(
                    switch (r) {
                        case "dense" -> Regime.dense();
                        case "sparse" -> Regime.sparse();
                        case "few" -> Regime.fewSeasons();
                        case "teams" -> Regime.teamEvents();
                        default -> throw new IllegalArgumentException("regime " + r);
                    });
        }
        // --teams=SHARE enters that share of every regime's rated events as teams; --credit-noise the log's noise
        if (opts.containsKey("teams") || opts.containsKey("credit-noise")) {
            double share = Double.parseDouble(opts.getOrDefault("teams", "0.5"));
            double noise = Double.parseDouble(opts.getOrDefault("credit-noise", "0.5"));
            regimes.replaceAll(r -> r.withTeams(
                    String.format(
                            Locale.ROOT, "%s, %.0f %% team events, credit noise %.2f", r.name(), 100 * share, noise),
                    new CohortSimulation.Teams(
                            share, r.teams() == null ? 100 : r.teams().schoolSize(), noise)));
        }
        List<Double> splits = new ArrayList<>();
        for (String own : opts.getOrDefault("own", "0,0.25,0.5,0.75,1").split(",")) {
            splits.add(Double.parseDouble(own));
        }
        List<Candidate> candidates = grid ? grid(opts.get("grid")) : candidates();
        if (opts.containsKey("candidate")) {
            String[] v = opts.get("candidate").split(":");
            candidates = new ArrayList<>(candidates);
            candidates.add(new Candidate(
                    "given",
                    Double.parseDouble(v[0]),
                    Double.parseDouble(v[1]),
                    Double.parseDouble(v[2]),
                    Double.parseDouble(v[3]),
                    Integer.parseInt(v[4])));
        }
        // regime -> row name -> metric -> per draw
        Map<String, Map<String, double[][]>> results = new LinkedHashMap<>();
        for (Regime regime : regimes) {
            Map<String, double[][]> table = new LinkedHashMap<>();
            results.put(regime.name(), table);
            for (int d = 0; d < draws; d++) {
                long started = System.nanoTime();
                CohortSimulation sim = new CohortSimulation(regime, first + d);
                Map<Long, Double> truth = sim.truthAtEnd();
                Map<String, Map<Long, Double>> scores = new LinkedHashMap<>();
                scores.put("oracle (posterior from true performances)", sim.oracle());
                scores.put("baseline: CTFtime formula", sim.baselines().ctftime());
                scores.put("baseline: mean percentile", sim.baselines().meanPercentile());
                Map<String, Map<Long, Rating>> runs = new HashMap<>();
                for (Candidate c : candidates) {
                    String run = c.sigma() + "/" + c.beta() + "/" + c.growth() + "/" + c.passes();
                    Map<Long, Rating> ratings = runs.computeIfAbsent(run, k -> rate(sim, c, Event::standings));
                    Map<Long, Double> score = new HashMap<>();
                    ratings.forEach((id, r) -> score.put(id, r.mu() - c.k() * r.sigma()));
                    scores.put(c.label(), score);
                }
                if (regime.teams() != null && !grid) {
                    // issue 22, item 2(d): the members' split as the application makes it, against the team's place
                    // alone
                    for (Candidate c : List.of(CHOSEN, FORWARD)) {
                        for (double own : splits) {
                            scores.put(
                                    String.format(
                                            Locale.ROOT,
                                            "%s, solve log, member split OWN %.2f%s",
                                            c.name(),
                                            own,
                                            own == 0 ? " (equal shares, as without a log)" : ""),
                                    score(rate(sim, c, e -> e.standings(own)), c));
                        }
                        scores.put(
                                c.name() + ", members ranked by their own points (not the application's rule)",
                                score(rate(sim, c, Event::membersByOwnPoints), c));
                    }
                }
                for (Map.Entry<String, Map<Long, Double>> s : scores.entrySet()) {
                    double[][] row = table.computeIfAbsent(s.getKey(), k -> new double[4][draws]);
                    row[0][d] = Ranking.precisionAtTop(s.getValue(), truth, 0.01);
                    row[1][d] = Ranking.precisionAtTop(s.getValue(), truth, 0.05);
                    row[2][d] = Ranking.kendallTau(s.getValue(), truth);
                    row[3][d] = sim.heldOutAccuracy(s.getValue(), 300);
                }
                int[] perStudent = eventsPerStudent(sim);
                if (regime.teams() != null) {
                    int teamEvents = 0;
                    long rows = 0;
                    long teams = 0;
                    long alone = 0;
                    for (Event e : sim.events()) {
                        if (e.team() != null) {
                            teamEvents++;
                            for (Placing p : e.standings()) {
                                rows += p.members().size();
                                teams++;
                                alone += p.members().size() == 1 ? 1 : 0;
                            }
                        }
                    }
                    System.out.printf(
                            Locale.ROOT,
                            "%s draw %d: %d team events, %,d teams of %.2f members on average, %.1f %% of them alone%n",
                            regime.name(),
                            first + d,
                            teamEvents,
                            teams,
                            (double) rows / teams,
                            100.0 * alone / teams);
                }
                System.out.printf(
                        Locale.ROOT,
                        "%s draw %d: %,d competed, median %d events a student, %d rated + %d held-out events (%.1f s)%n",
                        regime.name(),
                        first + d,
                        truth.size(),
                        perStudent[perStudent.length / 2],
                        sim.events().size(),
                        sim.heldOut().size(),
                        (System.nanoTime() - started) / 1e9);
            }
        }
        if (grid) {
            printGrid(results);
            return;
        }
        for (Map.Entry<String, Map<String, double[][]>> regime : results.entrySet()) {
            System.out.printf(Locale.ROOT, "%n%s, %d draws (mean ± standard deviation)%n%n", regime.getKey(), draws);
            System.out.printf(
                    Locale.ROOT,
                    "| score | precision at top 1%% | precision at top 5%% | Kendall's tau | held-out pairwise accuracy |%n"
                            + "| --- | --- | --- | --- | --- |%n");
            regime.getValue()
                    .forEach((name, row) -> System.out.printf(
                            Locale.ROOT,
                            "| %s | %s | %s | %s | %s |%n",
                            name,
                            spread(row[0]),
                            spread(row[1]),
                            spread(row[2]),
                            spread(row[3])));
            printSplitDifferences(regime.getValue(), draws);
        }
    }

    /**
     * Where a regime has team events: each split's difference to the application's (OWN 0.50), draw
     * by draw (the draws are shared, so the spread of a difference is far below that of either score).
     */
    private static void printSplitDifferences(Map<String, double[][]> table, int draws) {
        boolean header = false;
        for (Map.Entry<String, double[][]> row : table.entrySet()) {
            int at = row.getKey().indexOf(", solve log, member split OWN ");
            String candidate = at < 0 ? row.getKey().replaceFirst(", members ranked by their own points.*", "") : null;
            if (at >= 0) {
                candidate = row.getKey().substring(0, at);
            } else if (candidate.equals(row.getKey())) {
                continue;
            }
            double[][] product =
                    table.get(String.format(Locale.ROOT, "%s, solve log, member split OWN %.2f", candidate, 0.5));
            if (product == null || product == row.getValue()) {
                continue;
            }
            if (!header) {
                System.out.printf(
                        Locale.ROOT,
                        "%nDifference to OWN 0.50 of the same settings, per draw (mean ± standard deviation over %d draws)%n%n"
                                + "| score | precision at top 1%% | precision at top 5%% | Kendall's tau | held-out pairwise accuracy |%n"
                                + "| --- | --- | --- | --- | --- |%n",
                        draws);
                header = true;
            }
            StringBuilder line = new StringBuilder("| " + row.getKey() + " |");
            for (int m = 0; m < 4; m++) {
                double[] d = new double[draws];
                for (int i = 0; i < draws; i++) {
                    d[i] = row.getValue()[m][i] - product[m][i];
                }
                line.append(' ').append(spread(d).replaceFirst("^(?!-)", "+")).append(" |");
            }
            System.out.println(line);
        }
    }

    /** The grid: per candidate, each regime's means and the worst gap to the oracle (tau, precision at 5 %). */
    private static void printGrid(Map<String, Map<String, double[][]>> results) {
        System.out.printf(
                Locale.ROOT,
                "%ncandidate | per regime: p1 p5 tau acc | worst (oracle - tau) | worst (oracle - p5) | worst (acc - mean percentile acc)%n");
        String oracle = "oracle (posterior from true performances)";
        Map<String, double[][]> firstRegime = results.values().iterator().next();
        for (String name : firstRegime.keySet()) {
            StringBuilder line = new StringBuilder(name).append(" |");
            double worstTau = -9;
            double worstP5 = -9;
            double worstAcc = 9;
            for (Map<String, double[][]> table : results.values()) {
                double[][] row = table.get(name);
                for (double[] m : row) {
                    line.append(String.format(Locale.ROOT, " %.3f", mean(m)));
                }
                line.append(" |");
                worstTau = Math.max(worstTau, mean(table.get(oracle)[2]) - mean(row[2]));
                worstP5 = Math.max(worstP5, mean(table.get(oracle)[1]) - mean(row[1]));
                worstAcc = Math.min(worstAcc, mean(row[3]) - mean(table.get("baseline: mean percentile")[3]));
            }
            System.out.printf(Locale.ROOT, "%s %.3f | %.3f | %.3f%n", line, worstTau, worstP5, worstAcc);
        }
    }

    static Map<Long, Double> score(Map<Long, Rating> ratings, Candidate c) {
        Map<Long, Double> score = new HashMap<>();
        ratings.forEach((id, r) -> score.put(id, r.mu() - c.k() * r.sigma()));
        return score;
    }

    /** A candidate's ratings, each event's standings (teams and their members' shares) as {@code standings} gives them. */
    static Map<Long, Rating> rate(CohortSimulation sim, Candidate c, Function<Event, List<Placing>> standings) {
        EloMmr model = new EloMmr(1500, c.sigma(), c.beta(), 40);
        if (c.passes() == 0) {
            return sim.run(model, c.growth(), standings);
        }
        List<WholeHistory.Match> matches = new ArrayList<>();
        for (CohortSimulation.Event e : sim.events()) {
            matches.add(new WholeHistory.Match(e.day(), e.weight(), standings.apply(e)));
        }
        return new WholeHistory(model, c.growth(), c.passes()).run(matches);
    }

    static int[] eventsPerStudent(CohortSimulation sim) {
        Map<Long, Integer> count = new HashMap<>();
        for (CohortSimulation.Event e : sim.events()) {
            for (long[] ps : e.placesAndStudents()) {
                count.merge(ps[1], 1, Integer::sum);
            }
        }
        return count.values().stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    static String spread(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return String.format(Locale.ROOT, "%.3f ± %.3f", m, v.length > 1 ? Math.sqrt(s / (v.length - 1)) : 0);
    }
}
