package org.talentpipeline.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.talentpipeline.integrity.Detectors;
import org.talentpipeline.integrity.Finding;
import org.talentpipeline.integrity.Pattern;
import org.talentpipeline.integrity.SolveLogs;

/**
 * The integrity checks on generated events with known cheating ({@link SolveLogs}): per pattern and
 * rate of cheating, precision and recall at the loosest threshold whose false-positive rate among
 * honest pairs (honest competitors, for speed) is at most 1 %, and as deployed (Bonferroni over the
 * event, {@link Detectors#DEFAULT}). {@code mvn -Pbench -Dbench=IntegrityBenchmark [-Dbench.args="events competitors challenges"]}.
 */
public final class IntegrityBenchmark {

    private IntegrityBenchmark() {}

    /** Scores with their truth, pooled over events. */
    private record Scored(double pValue, boolean cheating) {}

    public static void main(String[] args) {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int competitors = args.length > 1 ? Integer.parseInt(args[1]) : 150;
        int challenges = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Detectors detectors = Detectors.DEFAULT;
        System.out.printf(
                Locale.ROOT,
                "%d events x %d competitors x %d challenges per rate and pattern; 5 sharing pairs (flag sharing, co-solving)"
                        + " or 5 speed cheaters per event%n%n",
                events,
                competitors,
                challenges);
        System.out.println(
                "| pattern | rate | threshold | FPR (honest) | precision | recall | deployed FPR | deployed precision | deployed recall |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (double rate : new double[] {0.1, 0.25, 0.5, 1.0}) {
            List<Scored> pairs = new ArrayList<>();
            List<Scored> speed = new ArrayList<>();
            int[] share = new int[4]; // flag sharing: true pos, false pos, positives, honest pairs
            int[] pairDeployed = new int[4];
            int[] speedDeployed = new int[4];
            long seed = 17;
            for (int e = 0; e < events; e++) {
                // one pattern per generated event, so that each is measured on its own
                SolveLogs.Generated g = new SolveLogs(seed * 7919 + Math.round(rate * 1000))
                        .event("B" + e, competitors, challenges, 5, 0, rate);
                SolveLogs.Generated fast = new SolveLogs(seed++ * 7919 + Math.round(rate * 1000) + 1)
                        .event("F" + e, competitors, challenges, 0, 5, rate);
                long allPairs = (long) competitors * (competitors - 1) / 2;
                // (b) co-solving: every pair not scored has p = 1
                Set<String> scoredPairs = new HashSet<>();
                List<Detectors.PairScore> scores = detectors.coSolving(g.evidence());
                double cut = detectors.alpha() / allPairs;
                for (Detectors.PairScore s : scores) {
                    String key = s.a().compareTo(s.b()) < 0 ? s.a() + "\u0000" + s.b() : s.b() + "\u0000" + s.a();
                    scoredPairs.add(key);
                    boolean cheat = g.sharingPairs().contains(key);
                    pairs.add(new Scored(s.pValue(), cheat));
                    count(pairDeployed, s.pValue() <= cut, cheat);
                }
                for (String key : g.sharingPairs()) {
                    if (!scoredPairs.contains(key)) {
                        pairs.add(new Scored(1, true));
                    }
                }
                pairDeployed[2] += g.sharingPairs().size();
                pairDeployed[3] += allPairs - g.sharingPairs().size();
                for (long k = scoredPairs.size()
                                - g.sharingPairs().stream()
                                        .filter(scoredPairs::contains)
                                        .count();
                        k < allPairs - g.sharingPairs().size();
                        k++) {
                    pairs.add(new Scored(1, false));
                }
                // (c) speed
                List<Detectors.SpeedScore> speedScores = detectors.impossibleSpeed(fast.evidence());
                double speedCut = detectors.alpha() / Math.max(1, speedScores.size());
                for (Detectors.SpeedScore s : speedScores) {
                    boolean cheat = fast.speedCheaters().contains(s.actor());
                    speed.add(new Scored(s.pValue(), cheat));
                    count(speedDeployed, s.pValue() <= speedCut, cheat);
                }
                speedDeployed[2] += fast.speedCheaters().size();
                speedDeployed[3] += competitors - fast.speedCheaters().size();
                // (a) flag sharing: proof, no threshold
                Set<String> found = new HashSet<>();
                for (Finding f : detectors.flagSharing(g.evidence())) {
                    found.add(pairKey(f.competitors().get(0), f.competitors().get(1)));
                }
                for (String key : found) {
                    count(share, true, g.sharingPairs().contains(key));
                }
                share[2] += g.sharingPairs().size();
                share[3] += allPairs - g.sharingPairs().size();
            }
            row(Pattern.CO_SOLVING, rate, pairs, pairDeployed);
            row(Pattern.IMPOSSIBLE_SPEED, rate, speed, speedDeployed);
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.2f | proof | %.4f %% | %.3f | %.3f | %.4f %% | %.3f | %.3f |%n",
                    Pattern.FLAG_SHARING,
                    rate,
                    100.0 * share[1] / share[3],
                    precision(share),
                    recall(share),
                    100.0 * share[1] / share[3],
                    precision(share),
                    recall(share));
        }
    }

    private static String pairKey(String a, String b) {
        return a.compareTo(b) < 0 ? a + "\u0000" + b : b + "\u0000" + a;
    }

    private static void count(int[] tally, boolean flagged, boolean cheat) {
        if (flagged) {
            tally[cheat ? 0 : 1]++;
        }
    }

    private static double precision(int[] t) {
        return t[0] + t[1] == 0 ? Double.NaN : (double) t[0] / (t[0] + t[1]);
    }

    private static double recall(int[] t) {
        return t[2] == 0 ? Double.NaN : (double) t[0] / t[2];
    }

    /** The loosest p-value threshold with at most 1 % of the honest flagged, and what it finds. */
    private static void row(Pattern pattern, double rate, List<Scored> scored, int[] deployed) {
        List<Scored> sorted = new ArrayList<>(scored);
        sorted.sort((x, y) -> Double.compare(x.pValue(), y.pValue()));
        long honest = sorted.stream().filter(s -> !s.cheating()).count();
        long positives = sorted.size() - honest;
        int tp = 0;
        int fp = 0;
        int bestTp = 0;
        int bestFp = 0;
        double threshold = 0;
        for (int i = 0; i < sorted.size(); i++) {
            Scored s = sorted.get(i);
            if (s.cheating()) {
                tp++;
            } else {
                fp++;
            }
            boolean boundary = i + 1 == sorted.size() || sorted.get(i + 1).pValue() > s.pValue();
            if (boundary && s.pValue() < 1 && fp <= 0.01 * honest) {
                bestTp = tp;
                bestFp = fp;
                threshold = s.pValue();
            }
        }
        System.out.printf(
                Locale.ROOT,
                "| %s | %.2f | p <= %.2g | %.4f %% | %.3f | %.3f | %.4f %% | %.3f | %.3f |%n",
                pattern,
                rate,
                threshold,
                100.0 * bestFp / honest,
                bestTp + bestFp == 0 ? Double.NaN : (double) bestTp / (bestTp + bestFp),
                (double) bestTp / positives,
                100.0 * deployed[1] / deployed[3],
                precision(deployed),
                recall(deployed));
    }
}
