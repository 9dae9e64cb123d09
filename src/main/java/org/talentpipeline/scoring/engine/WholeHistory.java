package org.talentpipeline.scoring.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whole-history smoothing, in the manner of TrueSkill Through Time: a forward replay (what the
 * incremental update does), then passes that re-estimate every past performance against the
 * opponents' smoothed ratings at that event (which know what those opponents did later), and
 * re-smooth each student's history (a Kalman filter over their performances, uncertainty growing
 * with time, then a Rauch-Tung-Striebel backward pass). A student's rating is the smoothed one at
 * their last event, which is the filtered one there.
 *
 * <p>Events after {@code smoothedUntil} (by position) are only filtered forward from the smoothed
 * states, as the incremental update does. So "incremental equals recompute" means: a recompute
 * smoothed up to event N followed by incremental updates for events N+1.. gives exactly the numbers
 * of {@code run(events, N)}; a later full recompute re-smooths them too.
 */
public final class WholeHistory {

    /** One event: its day, weight and standings. */
    public record Match(int day, double weight, List<Placing> standings) {}

    private final EloMmr model;
    private final double sigmaGrowthPerYear;
    private final int passes;

    public WholeHistory(EloMmr model, double sigmaGrowthPerYear, int passes) {
        this.model = model;
        this.sigmaGrowthPerYear = sigmaGrowthPerYear;
        this.passes = passes;
    }

    /** Every entrant's final rating, every event smoothed. */
    public Map<Long, Rating> run(List<Match> matches) {
        return run(matches, matches.size());
    }

    /** Every entrant's final rating: the first {@code smoothedUntil} events smoothed, the rest filtered forward. */
    public Map<Long, Rating> run(List<Match> matches, int smoothedUntil) {
        int cut = Math.min(smoothedUntil, matches.size());
        // appearances: per event, its members in match order, and per student their appearances in order
        Map<Long, Integer> index = new HashMap<>();
        int[][] who = new int[cut][];
        int students = 0;
        for (int e = 0; e < cut; e++) {
            List<Placing> s = matches.get(e).standings();
            who[e] = new int[Placing.members(s)];
            int k = 0;
            for (Placing p : s) {
                for (Placing.Member m : p.members()) {
                    Integer id = index.get(m.student());
                    if (id == null) {
                        id = students++;
                        index.put(m.student(), id);
                    }
                    who[e][k++] = id;
                }
            }
        }
        int[] count = new int[students];
        for (int[] w : who) {
            for (int id : w) {
                count[id]++;
            }
        }
        int[] start = new int[students + 1];
        for (int i = 0; i < students; i++) {
            start[i + 1] = start[i] + count[i];
        }
        int total = start[students];
        // per appearance (in student order): event, observation, its variance, smoothed mean and deviation
        int[] event = new int[total];
        int[][] slot = new int[cut][];
        int[] fill = start.clone();
        for (int e = 0; e < cut; e++) {
            slot[e] = new int[who[e].length];
            for (int k = 0; k < who[e].length; k++) {
                int a = fill[who[e][k]]++;
                event[a] = e;
                slot[e][k] = a;
            }
        }
        double[] y = new double[total];
        double[] v = new double[total];
        double[] mu = new double[total];
        double[] sigma = new double[total];
        // forward pass: the replay as the incremental update runs it
        Rating initial = model.initial();
        double[] curMu = new double[students];
        double[] curSigma = new double[students];
        int[] lastDay = new int[students];
        boolean[] seen = new boolean[students];
        for (int e = 0; e < cut; e++) {
            Match m = matches.get(e);
            int n = who[e].length;
            double[] pm = new double[n];
            double[] ps = new double[n];
            for (int k = 0; k < n; k++) {
                int id = who[e][k];
                Rating r = seen[id]
                        ? new Rating(curMu[id], curSigma[id])
                                .aged(m.day() - lastDay[id], sigmaGrowthPerYear, initial.sigma())
                        : initial;
                pm[k] = r.mu();
                ps[k] = r.sigma();
            }
            double[] ey = new double[n];
            double[] ev = new double[n];
            model.observe(m.standings(), pm, ps, m.weight(), ey, ev);
            for (int k = 0; k < n; k++) {
                int id = who[e][k];
                Rating r = model.update(pm[k], ps[k], ey[k], ev[k]);
                curMu[id] = r.mu();
                curSigma[id] = r.sigma();
                lastDay[id] = m.day();
                seen[id] = true;
                y[slot[e][k]] = ey[k];
                v[slot[e][k]] = ev[k];
            }
        }
        for (int pass = 0; pass < passes; pass++) {
            smooth(matches, start, event, y, v, mu, sigma);
            for (int e = 0; e < cut; e++) {
                Match m = matches.get(e);
                int n = who[e].length;
                double[] pm = new double[n];
                double[] ps = new double[n];
                for (int k = 0; k < n; k++) {
                    pm[k] = mu[slot[e][k]];
                    ps[k] = sigma[slot[e][k]];
                }
                double[] ey = new double[n];
                double[] ev = new double[n];
                model.observe(m.standings(), pm, ps, m.weight(), ey, ev);
                for (int k = 0; k < n; k++) {
                    y[slot[e][k]] = ey[k];
                    v[slot[e][k]] = ev[k];
                }
            }
        }
        smooth(matches, start, event, y, v, mu, sigma);
        Map<Long, Rating> ratings = new HashMap<>(students * 2);
        Map<Long, Integer> days = new HashMap<>(students * 2);
        for (Map.Entry<Long, Integer> s : index.entrySet()) {
            int last = start[s.getValue() + 1] - 1;
            ratings.put(s.getKey(), new Rating(mu[last], sigma[last]));
            days.put(s.getKey(), matches.get(event[last]).day());
        }
        // the events after the cut: forward only, as incremental updates
        for (int e = cut; e < matches.size(); e++) {
            Match m = matches.get(e);
            Map<Long, Rating> before = new HashMap<>();
            for (Placing p : m.standings()) {
                for (Placing.Member member : p.members()) {
                    Rating r = ratings.get(member.student());
                    if (r != null) {
                        before.put(
                                member.student(),
                                r.aged(m.day() - days.get(member.student()), sigmaGrowthPerYear, initial.sigma()));
                    }
                }
            }
            ratings.putAll(model.rate(m.standings(), before, m.weight()));
            for (Placing p : m.standings()) {
                for (Placing.Member member : p.members()) {
                    days.put(member.student(), m.day());
                }
            }
        }
        return ratings;
    }

    /** Each student's history filtered forward and smoothed backward from the observations. */
    private void smooth(
            List<Match> matches, int[] start, int[] event, double[] y, double[] v, double[] mu, double[] sigma) {
        Rating initial = model.initial();
        double ceiling = initial.sigma() * initial.sigma();
        double growth = sigmaGrowthPerYear * sigmaGrowthPerYear / 365.0;
        double floor = model.sigmaFloor() * model.sigmaFloor();
        int students = start.length - 1;
        double[] predicted = new double[64];
        for (int s = 0; s < students; s++) {
            int from = start[s];
            int to = start[s + 1];
            if (predicted.length < to - from) {
                predicted = new double[2 * (to - from)];
            }
            double m = initial.mu();
            double p = ceiling;
            for (int a = from; a < to; a++) {
                if (a > from) {
                    p = Math.min(
                            ceiling,
                            p
                                    + growth
                                            * (matches.get(event[a]).day()
                                                    - matches.get(event[a - 1]).day()));
                }
                predicted[a - from] = p;
                double precision = 1 / p + 1 / v[a];
                m = (m / p + y[a] / v[a]) / precision;
                p = Math.min(p, Math.max(floor, 1 / precision));
                mu[a] = m;
                sigma[a] = p;
            }
            // backward: sigma holds variances until the end
            for (int a = to - 2; a >= from; a--) {
                double gain = sigma[a] / predicted[a + 1 - from];
                mu[a] = mu[a] + gain * (mu[a + 1] - mu[a]);
                sigma[a] = Math.max(floor, sigma[a] + gain * gain * (sigma[a + 1] - predicted[a + 1 - from]));
            }
            for (int a = from; a < to; a++) {
                sigma[a] = Math.sqrt(sigma[a]);
            }
        }
    }
}
