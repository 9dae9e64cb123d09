package org.talentpipeline.integrity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.talentpipeline.competition.Solve;
import org.talentpipeline.competition.SolvesStored;
import org.talentpipeline.competition.Submission;
import org.talentpipeline.competition.TeamFlag;

/**
 * The integrity checks over one event's solve evidence. Plain Java, no container: the service runs
 * them on stored evidence, the benchmark on generated logs. Each statistical check tests against the
 * event's own timing, and opens a case only when its p-value survives a Bonferroni correction over
 * everything it tested ({@link #alpha} over the number of pairs or competitors), so that among honest
 * competitors the expected number of cases in an event is at most {@code alpha}; the benchmark
 * reports the false-positive rate among honest pairs that results.
 *
 * @param window     how close two solves of one challenge must be to count as near-simultaneous
 * @param alpha      the family-wise error rate of an event's statistical cases
 * @param tailShare  the least chance of a fast solve assumed for an honest competitor
 */
public record Detectors(Duration window, double alpha, double tailShare) {

    /** As the application runs them: 30 seconds, 1 %, at least 1 % of honest solves fast. */
    public static final Detectors DEFAULT = new Detectors(Duration.ofSeconds(30), 0.01, 0.01);

    /** Fewest near co-solves a pair needs before it is tested at all: one may be chance whatever its odds. */
    static final int MIN_NEAR = 2;
    /** Fewest solves a competitor (and a challenge) needs for a pace (a difficulty) to be estimated. */
    static final int MIN_SOLVES = 3;
    /** How many robust standard deviations below the prediction a fast solve lies. */
    static final double FAST_DEVIATIONS = 2.5;

    /** Every finding of the four checks that passes its threshold. */
    public List<Finding> run(Evidence evidence) {
        List<Finding> findings = new ArrayList<>();
        findings.addAll(flagSharing(evidence));
        List<PairScore> pairs = coSolving(evidence);
        double pairCut = alpha / Math.max(1, pairsTested(evidence));
        pairs.stream()
                .filter(p -> p.pValue() <= pairCut)
                .map(p -> p.finding(evidence, window))
                .forEach(findings::add);
        List<SpeedScore> speed = impossibleSpeed(evidence);
        double speedCut = alpha / Math.max(1, speed.size());
        speed.stream()
                .filter(s -> s.pValue() <= speedCut)
                .map(SpeedScore::finding)
                .forEach(findings::add);
        findings.addAll(ineligibleTeams(evidence));
        return findings;
    }

    // --- (a) another team's dynamic flag ----------------------------------------------------------

    /**
     * Submissions of a flag that is another team's dynamic flag for that challenge: whoever submitted
     * it had it from that team. One finding per submitter and source team, the proof listed.
     */
    public List<Finding> flagSharing(Evidence evidence) {
        Map<String, Map<String, String>> ownerByFlag = new HashMap<>();
        for (TeamFlag f : evidence.flags()) {
            ownerByFlag.computeIfAbsent(f.challenge(), k -> new HashMap<>()).put(f.flag(), f.competitor());
        }
        Map<String, List<Map<String, Object>>> proofs = new TreeMap<>();
        Map<String, String[]> who = new HashMap<>();
        for (Submission s : evidence.submissions()) {
            String owner = ownerByFlag.getOrDefault(s.challenge(), Map.of()).get(s.provided());
            if (owner == null || owner.equals(s.competitor())) {
                continue;
            }
            String submitter = evidence.actor(s.competitor(), s.member());
            String source = solverOf(evidence, owner, s.challenge());
            String key = submitter + "\u0000" + source;
            who.put(key, new String[] {submitter, source});
            Map<String, Object> proof = new LinkedHashMap<>();
            proof.put("challenge", s.challenge());
            proof.put("submittedBy", submitter);
            proof.put("team", s.competitor());
            proof.put("at", s.time().toString());
            proof.put("flagOf", owner);
            proof.put("judged", s.correct() ? "correct" : "incorrect");
            proofs.computeIfAbsent(key, k -> new ArrayList<>()).add(proof);
        }
        List<Finding> findings = new ArrayList<>();
        proofs.forEach((key, list) -> {
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("proof", list);
            findings.add(new Finding(Pattern.FLAG_SHARING, List.of(who.get(key)), list.size(), null, ev));
        });
        return findings;
    }

    /** Who solved a challenge for a team: the member named on its correct submission, else the team. */
    private static String solverOf(Evidence evidence, String team, String challenge) {
        for (Submission s : evidence.submissions()) {
            if (s.correct() && s.competitor().equals(team) && s.challenge().equals(challenge)) {
                return evidence.actor(team, s.member());
            }
        }
        return team;
    }

    // --- (b) near-simultaneous co-solves ----------------------------------------------------------

    /**
     * A pair's test: {@code near} of their {@code common} challenges solved within the window of each
     * other, {@code expected} near co-solves by chance, and the p-value of at least that many.
     */
    public record PairScore(
            String a,
            String b,
            int common,
            int near,
            double expected,
            double pValue,
            List<Map<String, Object>> timeline) {

        Finding finding(Evidence evidence, Duration window) {
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("commonChallenges", common);
            ev.put("nearCoSolves", near);
            ev.put("expectedByChance", Math.round(expected * 1000) / 1000.0);
            ev.put("windowSeconds", window.toSeconds());
            ev.put("timeline", timeline);
            return new Finding(Pattern.CO_SOLVING, List.of(a, b), near, pValue, ev);
        }
    }

    /** The pairs tested: actors of different competitors. */
    long pairsTested(Evidence evidence) {
        long n = firstSolves(evidence).size();
        return n * (n - 1) / 2;
    }

    /**
     * Every pair of actors (of different competitors) with at least {@link #MIN_NEAR} near co-solves,
     * tested against the event's own timing: for each challenge they both solved, the chance that a
     * solve falls within the window of theirs is the share of the challenge's other solvers who did
     * solve within the window of either of them (the crowd at that moment, first-blood rushes
     * included), smoothed towards a uniform spread over the event. The count of near co-solves is then
     * Poisson-binomial under independence, and the p-value its upper tail.
     */
    public List<PairScore> coSolving(Evidence evidence) {
        Map<String, Map<String, Instant>> byActor = firstSolves(evidence);
        Map<String, List<Map.Entry<String, Instant>>> byChallenge = new HashMap<>();
        byActor.forEach((actor, solves) -> solves.forEach((ch, t) ->
                byChallenge.computeIfAbsent(ch, k -> new ArrayList<>()).add(Map.entry(actor, t))));
        Map<String, String> competitorOf = new HashMap<>();
        byActor.keySet().forEach(a -> competitorOf.put(a, evidence.competitorOf(a)));
        long w = window.toMillis();
        Map<String, Integer> nearCount = new HashMap<>();
        Map<String, long[]> sortedTimes = new HashMap<>();
        for (Map.Entry<String, List<Map.Entry<String, Instant>>> e : byChallenge.entrySet()) {
            List<Map.Entry<String, Instant>> list = e.getValue();
            list.sort(Map.Entry.comparingByValue());
            long[] times =
                    list.stream().mapToLong(x -> x.getValue().toEpochMilli()).toArray();
            sortedTimes.put(e.getKey(), times);
            for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size() && times[j] - times[i] <= w; j++) {
                    String a = list.get(i).getKey();
                    String b = list.get(j).getKey();
                    if (competitorOf.get(a).equals(competitorOf.get(b))) {
                        continue;
                    }
                    nearCount.merge(pairKey(a, b), 1, Integer::sum);
                }
            }
        }
        long[] span = span(evidence);
        double uniform = Math.min(1, 2.0 * w / Math.max(1, span[1] - span[0]));
        List<PairScore> scores = new ArrayList<>();
        for (Map.Entry<String, Integer> e : nearCount.entrySet()) {
            if (e.getValue() >= MIN_NEAR) {
                String[] ab = e.getKey().split("\u0000");
                scores.add(score(ab[0], ab[1], byActor, sortedTimes, uniform, Set.of()));
            }
        }
        scores.sort(Comparator.comparingDouble(PairScore::pValue)
                .thenComparing(PairScore::a)
                .thenComparing(PairScore::b));
        // explaining away: once a pair is significant, the solves one of them made near the other are
        // accounted for; a third competitor near the copier (because near the source) is tested without them
        double cut = alpha / Math.max(1, pairsTested(evidence));
        Map<String, Set<String>> explained = new HashMap<>();
        List<PairScore> tested = new ArrayList<>();
        for (PairScore pair : scores) {
            Set<String> accounted = new HashSet<>(explained.getOrDefault(pair.a(), Set.of()));
            accounted.addAll(explained.getOrDefault(pair.b(), Set.of()));
            PairScore score =
                    accounted.isEmpty() ? pair : score(pair.a(), pair.b(), byActor, sortedTimes, uniform, accounted);
            if (score.pValue() <= cut) {
                for (Map<String, Object> step : score.timeline()) {
                    if (((Double) step.get("secondsApart")) * 1000 <= w) {
                        explained
                                .computeIfAbsent(score.a(), k -> new HashSet<>())
                                .add((String) step.get("challenge"));
                        explained
                                .computeIfAbsent(score.b(), k -> new HashSet<>())
                                .add((String) step.get("challenge"));
                    }
                }
            }
            tested.add(score);
        }
        tested.sort(Comparator.comparingDouble(PairScore::pValue)
                .thenComparing(PairScore::a)
                .thenComparing(PairScore::b));
        return tested;
    }

    /** One pair's test over the challenges both solved, leaving out those already accounted for. */
    private PairScore score(
            String a,
            String b,
            Map<String, Map<String, Instant>> byActor,
            Map<String, long[]> sortedTimes,
            double uniform,
            Set<String> accounted) {
        long w = window.toMillis();
        Map<String, Instant> sa = byActor.get(a);
        Map<String, Instant> sb = byActor.get(b);
        List<String> common = sa.keySet().stream()
                .filter(sb::containsKey)
                .filter(ch -> !accounted.contains(ch))
                .sorted()
                .toList();
        double[] p = new double[common.size()];
        int near = 0;
        List<Map<String, Object>> timeline = new ArrayList<>();
        for (int i = 0; i < common.size(); i++) {
            String ch = common.get(i);
            long ta = sa.get(ch).toEpochMilli();
            long tb = sb.get(ch).toEpochMilli();
            long[] times = sortedTimes.get(ch);
            int others = times.length - 2;
            boolean close = Math.abs(ta - tb) <= w;
            near += close ? 1 : 0;
            // the share of the challenge's other solvers within the window of a's solve, and of b's
            int nearA = within(times, ta, w) - 1 - (close ? 1 : 0);
            int nearB = within(times, tb, w) - 1 - (close ? 1 : 0);
            double local = (0.5 * (nearA + nearB) + uniform) / (others + 1.0);
            p[i] = Math.min(1, Math.max(uniform, local));
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("challenge", ch);
            step.put(a, sa.get(ch).toString());
            step.put(b, sb.get(ch).toString());
            step.put("secondsApart", Math.abs(ta - tb) / 1000.0);
            timeline.add(step);
        }
        double expected = Arrays.stream(p).sum();
        return new PairScore(a, b, common.size(), near, expected, Tails.poissonBinomialAtLeast(p, near), timeline);
    }

    /** How many of the sorted times lie within w of t (t's own solve included). */
    private static int within(long[] sorted, long t, long w) {
        int lo = lowerBound(sorted, t - w);
        int hi = lowerBound(sorted, t + w + 1);
        return hi - lo;
    }

    private static int lowerBound(long[] a, long key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static String pairKey(String a, String b) {
        return a.compareTo(b) < 0 ? a + "\u0000" + b : b + "\u0000" + a;
    }

    /** Each actor's first solve of each challenge. */
    static Map<String, Map<String, Instant>> firstSolves(Evidence evidence) {
        Map<String, Map<String, Instant>> byActor = new TreeMap<>();
        for (Solve s : evidence.solves()) {
            byActor.computeIfAbsent(evidence.actor(s.competitor(), s.member()), k -> new HashMap<>())
                    .merge(s.challenge(), s.time(), (x, y) -> x.isBefore(y) ? x : y);
        }
        return byActor;
    }

    /** The first and last solve of the event, in milliseconds. */
    private static long[] span(Evidence evidence) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (Solve s : evidence.solves()) {
            min = Math.min(min, s.time().toEpochMilli());
            max = Math.max(max, s.time().toEpochMilli());
        }
        return min > max ? new long[] {0, 0} : new long[] {min, max};
    }

    // --- (c) solves faster than predicted ---------------------------------------------------------

    /**
     * A competitor's test: {@code fast} of their {@code solves} came far sooner than predicted, and
     * the binomial p-value of at least that many.
     */
    public record SpeedScore(String actor, int solves, int fast, double pValue, List<Map<String, Object>> fastSolves) {

        Finding finding() {
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("solves", solves);
            ev.put("fastSolves", fast);
            ev.put("timeline", fastSolves);
            return new Finding(Pattern.IMPOSSIBLE_SPEED, List.of(actor), fast, pValue, ev);
        }
    }

    /**
     * Each solve's time is the gap since the actor's previous solve (the first: since the event's
     * first solve). Its logarithm is predicted as the actor's pace plus the challenge's difficulty,
     * fitted by median polish (robust to the outliers sought); the pace is shrunk towards the field's,
     * and never taken faster than the field's fastest tenth, so that a competitor fast on everything
     * cannot hide in their own median. A solve is fast when
     * its residual lies {@link #FAST_DEVIATIONS} robust deviations (MAD) below the median; a
     * competitor's count of fast solves is tested as binomial against the share of fast solves among
     * everyone else's (at least {@link #tailShare}).
     */
    public List<SpeedScore> impossibleSpeed(Evidence evidence) {
        Map<String, Map<String, Instant>> byActor = firstSolves(evidence);
        long start = span(evidence)[0];
        List<String> actors = new ArrayList<>();
        List<String> challenges = new ArrayList<>();
        List<Double> logGap = new ArrayList<>();
        List<Long> gapMillis = new ArrayList<>();
        Map<String, Integer> solversOf = new HashMap<>();
        byActor.forEach((actor, solves) -> solves.keySet().forEach(ch -> solversOf.merge(ch, 1, Integer::sum)));
        for (Map.Entry<String, Map<String, Instant>> e : byActor.entrySet()) {
            if (e.getValue().size() < MIN_SOLVES) {
                continue;
            }
            List<Map.Entry<String, Instant>> own = new ArrayList<>(e.getValue().entrySet());
            own.sort(Map.Entry.comparingByValue());
            long previous = start;
            for (Map.Entry<String, Instant> s : own) {
                long gap = Math.max(1000, s.getValue().toEpochMilli() - previous);
                previous = s.getValue().toEpochMilli();
                if (solversOf.get(s.getKey()) < MIN_SOLVES) {
                    continue;
                }
                actors.add(e.getKey());
                challenges.add(s.getKey());
                logGap.add(Math.log(gap / 1000.0));
                gapMillis.add(gap);
            }
        }
        int n = logGap.size();
        if (n == 0) {
            return List.of();
        }
        Map<String, Double> pace = new HashMap<>();
        double[] residual = new double[n];
        for (int i = 0; i < n; i++) {
            residual[i] = logGap.get(i);
        }
        for (int round = 0; round < 4; round++) {
            Map<String, Double> dc = medians(challenges, residual);
            for (int i = 0; i < n; i++) {
                residual[i] -= dc.get(challenges.get(i));
            }
            Map<String, Double> da = medians(actors, residual);
            Map<String, Integer> count = new HashMap<>();
            actors.forEach(a -> count.merge(a, 1, Integer::sum));
            for (int i = 0; i < n; i++) {
                String a = actors.get(i);
                double shrunk = da.get(a) * count.get(a) / (count.get(a) + 5.0);
                residual[i] -= shrunk;
            }
            da.forEach((k, v) -> pace.merge(k, v * count.get(k) / (count.get(k) + 5.0), Double::sum));
        }
        // a pace faster than the field's fastest tenth explains nothing: it is what is tested
        double[] paces =
                pace.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double floor = paces[(int) Math.floor(0.1 * (paces.length - 1))];
        for (int i = 0; i < n; i++) {
            double own = pace.get(actors.get(i));
            if (own < floor) {
                residual[i] += own - floor;
            }
        }
        double[] sorted = residual.clone();
        Arrays.sort(sorted);
        double median = sorted[n / 2];
        double[] deviation = new double[n];
        for (int i = 0; i < n; i++) {
            deviation[i] = Math.abs(residual[i] - median);
        }
        Arrays.sort(deviation);
        double cut = median - FAST_DEVIATIONS * 1.4826 * Math.max(deviation[n / 2], 1e-9);
        int fastTotal = 0;
        for (double r : residual) {
            fastTotal += r <= cut ? 1 : 0;
        }
        Map<String, List<Integer>> rows = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            rows.computeIfAbsent(actors.get(i), k -> new ArrayList<>()).add(i);
        }
        List<SpeedScore> scores = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : rows.entrySet()) {
            List<Map<String, Object>> fast = new ArrayList<>();
            for (int i : e.getValue()) {
                if (residual[i] <= cut) {
                    Map<String, Object> step = new LinkedHashMap<>();
                    step.put("challenge", challenges.get(i));
                    step.put(
                            "at", byActor.get(e.getKey()).get(challenges.get(i)).toString());
                    step.put("secondsSincePreviousSolve", gapMillis.get(i) / 1000.0);
                    step.put("predictedSeconds", Math.round(Math.exp(logGap.get(i) - residual[i])));
                    fast.add(step);
                }
            }
            int solves = e.getValue().size();
            // how often everyone else's solves are that fast: the event's own rate, this actor left out
            double rate = Math.max(tailShare, (fastTotal - fast.size() + 1.0) / (n - solves + 1.0));
            double p = Tails.binomialAtLeast(solves, rate, fast.size());
            scores.add(new SpeedScore(e.getKey(), solves, fast.size(), fast.isEmpty() ? 1 : p, fast));
        }
        scores.sort(Comparator.comparingDouble(SpeedScore::pValue).thenComparing(SpeedScore::actor));
        return scores;
    }

    private static Map<String, Double> medians(List<String> keys, double[] values) {
        Map<String, List<Double>> groups = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            groups.computeIfAbsent(keys.get(i), k -> new ArrayList<>()).add(values[i]);
        }
        Map<String, Double> medians = new HashMap<>();
        groups.forEach((k, v) -> {
            v.sort(null);
            int m = v.size();
            medians.put(k, m % 2 == 1 ? v.get(m / 2) : (v.get(m / 2 - 1) + v.get(m / 2)) / 2);
        });
        return medians;
    }

    // --- (d) team eligibility -------------------------------------------------------------------

    /** Teams whose members' schools the event's team rule does not allow: the rule, applied. */
    public List<Finding> ineligibleTeams(Evidence evidence) {
        List<Finding> findings = new ArrayList<>();
        new TreeMap<>(evidence.members()).forEach((competitor, members) -> {
            if (members.size() < 2 || Objects.equals(members.get(0).ref(), competitor)) {
                return;
            }
            List<String> schools =
                    members.stream().map(SolvesStored.Member::schoolCode).toList();
            if (!evidence.teamRule().allows(schools)) {
                Map<String, Object> ev = new LinkedHashMap<>();
                ev.put("rule", evidence.teamRule().name());
                ev.put("schools", List.copyOf(new TreeSet<>(schools)));
                ev.put(
                        "members",
                        members.stream().map(SolvesStored.Member::ref).sorted().toList());
                findings.add(new Finding(
                        Pattern.INELIGIBLE_TEAM, List.of(competitor), new TreeSet<>(schools).size(), null, ev));
            }
        });
        return findings;
    }
}
