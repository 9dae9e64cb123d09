package org.talentpipeline.scoring.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A simulated national cohort with a known skill per student, to measure how well a model finds
 * the truly strongest. Each student has a skill (standard normal), a growth per year of their own
 * (normal) and an activity (log-normal); events of a log-uniform field size draw their entrants by
 * activity and, where the regime says so, by skill; a performance is the skill on the event's day
 * plus noise, and places follow performances. The last {@link Regime#heldOutEvents} events are held
 * out: models rate the others, and are judged on the truth at the end of the rated period and on
 * the order of the held-out events. Reproducible from the seed.
 */
public final class CohortSimulation {

    /**
     * How a cohort is made.
     *
     * @param name shown in the evaluation's tables
     * @param students the cohort (not all of them compete)
     * @param events the rated events
     * @param heldOutEvents the events after them, held out (the last season)
     * @param fieldMin the least field size
     * @param fieldMax the largest field size
     * @param days the rated period; held-out events follow in the season after it
     * @param noise performance noise, in skill standard deviations
     * @param growthMean mean growth a year, in skill standard deviations
     * @param growthSd spread of growth a year between students
     * @param activitySd spread of the log of a student's activity (how often they enter)
     * @param skillEntry how strongly skill draws a student into events (0: not at all)
     * @param weighted whether events have weights 0.5 to 1.25 (otherwise 1)
     */
    public record Regime(
            String name,
            int students,
            int events,
            int heldOutEvents,
            int fieldMin,
            int fieldMax,
            int days,
            double noise,
            double growthMean,
            double growthSd,
            double activitySd,
            double skillEntry,
            boolean weighted) {

        /** Today's evaluation: about 20 events a student, noise 1, stronger students enter more often. */
        public static Regime dense() {
            return new Regime("dense", 5000, 250, 25, 20, 2000, 1095, 1.0, 0.1, 0.2, 0.3, 1.5, true);
        }

        /** 3,000 students, 30 events of 20 to 1,500, a median of 3 to 4 events a student, noise 0.6. */
        public static Regime sparse() {
            return new Regime("sparse", 3000, 30, 6, 20, 1500, 730, 0.6, 0.1, 0.25, 0.6, 0.5, false);
        }

        /** Two rated seasons and one held out; most competitors have one or two events; activity unrelated to skill. */
        public static Regime fewSeasons() {
            return new Regime("few seasons", 1500, 8, 4, 30, 400, 730, 0.6, 0.1, 0.25, 0.8, 0.0, false);
        }
    }

    /** One simulated event: its day, weight, and the entrants' places and points (best first). */
    public record Event(
            int day, double weight, List<long[]> placesAndStudents, List<Double> points, double[] performances) {

        public Event(int day, double weight, List<long[]> placesAndStudents, List<Double> points) {
            this(day, weight, placesAndStudents, points, new double[0]);
        }

        public List<Placing> standings() {
            List<Placing> s = new ArrayList<>(placesAndStudents.size());
            for (long[] ps : placesAndStudents) {
                s.add(Placing.individual(ps[1], (int) ps[0]));
            }
            return s;
        }
    }

    private final Regime regime;
    private final double[] skill;
    private final double[] growth;
    private final List<Event> events = new ArrayList<>();
    private final List<Event> heldOut = new ArrayList<>();

    /** Today's dense cohort with the given size (the evaluation of issue 5). */
    public CohortSimulation(int students, int eventCount, int days, double noise, long seed) {
        this(new Regime("dense", students, eventCount, 0, 20, 2000, days, noise, 0.1, 0.2, 0.3, 1.5, true), seed);
    }

    public CohortSimulation(Regime regime, long seed) {
        this.regime = regime;
        Random random = new Random(seed);
        int students = regime.students();
        skill = new double[students];
        growth = new double[students];
        double[] activity = new double[students];
        double most = 0;
        for (int i = 0; i < students; i++) {
            skill[i] = random.nextGaussian();
            growth[i] = regime.growthMean() + regime.growthSd() * random.nextGaussian();
            activity[i] = Math.exp(regime.activitySd() * random.nextGaussian());
            most = Math.max(most, activity[i]);
        }
        double[] weights = {0.5, 0.75, 1.0, 1.25};
        int all = regime.events() + regime.heldOutEvents();
        double ratio = (double) regime.fieldMax() / regime.fieldMin();
        for (int e = 0; e < all; e++) {
            int day = e < regime.events()
                    ? (int) ((long) e * regime.days() / regime.events())
                    : regime.days() + 1 + (int) ((long) (e - regime.events()) * 365 / regime.heldOutEvents());
            int field = (int) Math.min(students, Math.round(regime.fieldMin() * Math.pow(ratio, random.nextDouble())));
            LinkedHashSet<Integer> entrants = new LinkedHashSet<>();
            while (entrants.size() < field) {
                int i = random.nextInt(students);
                double drawn =
                        regime.skillEntry() == 0 ? 1 : 1 / (1 + Math.exp(-regime.skillEntry() * skillOn(i, day) + 0.5));
                if (random.nextDouble() < drawn * activity[i] / most) {
                    entrants.add(i);
                }
            }
            List<double[]> performances = new ArrayList<>();
            for (int i : entrants) {
                performances.add(new double[] {i, skillOn(i, day) + random.nextGaussian() * regime.noise()});
            }
            performances.sort(Comparator.comparingDouble((double[] p) -> -p[1]));
            List<long[]> places = new ArrayList<>();
            List<Double> points = new ArrayList<>();
            double[] perf = new double[performances.size()];
            for (int place = 0; place < performances.size(); place++) {
                places.add(new long[] {place + 1, (long) performances.get(place)[0]});
                points.add(
                        (double) Math.round(1000 * Math.exp(0.7 * performances.get(place)[1])));
                perf[place] = performances.get(place)[1];
            }
            double weight = regime.weighted() ? weights[random.nextInt(weights.length)] : 1.0;
            (e < regime.events() ? events : heldOut).add(new Event(day, weight, places, points, perf));
        }
    }

    double skillOn(int student, int day) {
        return skill[student] + growth[student] * day / 365.0;
    }

    public Regime regime() {
        return regime;
    }

    /** The rated events, in order. */
    public List<Event> events() {
        return events;
    }

    /** The held-out events (the last season), in order. */
    public List<Event> heldOut() {
        return heldOut;
    }

    /** The true skill at the end of the rated period of every student who entered at least one rated event. */
    public Map<Long, Double> truthAtEnd() {
        Map<Long, Double> truth = new HashMap<>();
        for (Event e : events) {
            for (long[] ps : e.placesAndStudents()) {
                truth.putIfAbsent(ps[1], skillOn((int) ps[1], regime.days()));
            }
        }
        return truth;
    }

    /**
     * The information limit: for every student who entered a rated event, the exact posterior mean
     * of their skill at the end of the rated period given their true performances (not only places),
     * under the simulation's own model (skill and growth a priori normal with the competitors' mean
     * and spread, performance = skill + growth * years + noise): a Bayesian linear regression on two
     * coefficients per student, what a Kalman smoother over their performances gives. No method that
     * sees only places can do better on average.
     */
    public Map<Long, Double> oracle() {
        Map<Long, double[]> sums = new HashMap<>();
        for (Event e : events) {
            double t = e.day() / 365.0;
            for (int k = 0; k < e.placesAndStudents().size(); k++) {
                double[] s = sums.computeIfAbsent(e.placesAndStudents().get(k)[1], id -> new double[5]);
                double y = e.performances()[k];
                s[0] += 1;
                s[1] += t;
                s[2] += t * t;
                s[3] += y;
                s[4] += y * t;
            }
        }
        // the prior: the competitors' initial skill (selection by skill shifts it), and growth as simulated
        double mean = 0;
        for (long id : sums.keySet()) {
            mean += skill[(int) id];
        }
        mean /= sums.size();
        double var = 0;
        for (long id : sums.keySet()) {
            var += (skill[(int) id] - mean) * (skill[(int) id] - mean);
        }
        var /= sums.size();
        double noiseVar = regime.noise() * regime.noise();
        double growthVar = Math.max(1e-9, regime.growthSd() * regime.growthSd());
        double end = regime.days() / 365.0;
        Map<Long, Double> posterior = new HashMap<>();
        for (Map.Entry<Long, double[]> entry : sums.entrySet()) {
            double[] s = entry.getValue();
            double a = 1 / var + s[0] / noiseVar;
            double b = s[1] / noiseVar;
            double d = 1 / growthVar + s[2] / noiseVar;
            double r0 = mean / var + s[3] / noiseVar;
            double r1 = regime.growthMean() / growthVar + s[4] / noiseVar;
            double det = a * d - b * b;
            double skill0 = (d * r0 - b * r1) / det;
            double slope = (a * r1 - b * r0) / det;
            posterior.put(entry.getKey(), skill0 + slope * end);
        }
        return posterior;
    }

    /**
     * Runs a model over the events in order, growing each entrant's uncertainty by the time since
     * their last event; returns the final ratings.
     */
    public Map<Long, Rating> run(RatingModel model, double sigmaGrowthPerYear) {
        Map<Long, Rating> ratings = new HashMap<>();
        Map<Long, Integer> lastDay = new HashMap<>();
        double ceiling = model.initial().sigma();
        for (Event e : events) {
            Map<Long, Rating> before = new HashMap<>();
            for (long[] ps : e.placesAndStudents()) {
                Rating r = ratings.get(ps[1]);
                if (r != null) {
                    before.put(ps[1], r.aged(e.day() - lastDay.get(ps[1]), sigmaGrowthPerYear, ceiling));
                }
            }
            ratings.putAll(model.rate(e.standings(), before, e.weight()));
            for (long[] ps : e.placesAndStudents()) {
                lastDay.put(ps[1], e.day());
            }
        }
        return ratings;
    }

    public Baselines baselines() {
        Baselines b = new Baselines();
        for (Event e : events) {
            double best = e.points().get(0);
            for (int k = 0; k < e.placesAndStudents().size(); k++) {
                long[] ps = e.placesAndStudents().get(k);
                b.add(
                        ps[1],
                        (int) ps[0],
                        e.placesAndStudents().size(),
                        e.points().get(k),
                        best,
                        e.weight());
            }
        }
        return b;
    }

    /**
     * How often a score orders two entrants of a held-out event as their places did, over the pairs
     * of entrants it scores (ties in score count half). Per event at most {@code sample} scored
     * entrants are compared (a fixed random choice), so the largest fields stay cheap.
     */
    public double heldOutAccuracy(Map<Long, Double> score, int sample) {
        double agree = 0;
        long pairs = 0;
        Random random = new Random(17);
        for (Event e : heldOut) {
            List<long[]> scored = new ArrayList<>();
            for (long[] ps : e.placesAndStudents()) {
                if (score.containsKey(ps[1])) {
                    scored.add(ps);
                }
            }
            while (scored.size() > sample) {
                scored.remove(random.nextInt(scored.size()));
            }
            for (int i = 0; i < scored.size(); i++) {
                double si = score.get(scored.get(i)[1]);
                for (int j = i + 1; j < scored.size(); j++) {
                    // i placed better than j (places are in order)
                    double sj = score.get(scored.get(j)[1]);
                    agree += si > sj ? 1 : si == sj ? 0.5 : 0;
                    pairs++;
                }
            }
        }
        return pairs == 0 ? Double.NaN : agree / pairs;
    }
}
