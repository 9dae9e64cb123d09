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
 * the truly strongest: students compete in events of 20 to 2,000 entrants (log-uniform), stronger
 * students enter more often, performances are skill plus noise, and a fifth of the students
 * improve steadily over the period. Reproducible from the seed.
 */
public final class CohortSimulation {

    /** One simulated event: its day, weight, and the entrants' places and points (best first). */
    public record Event(int day, double weight, List<long[]> placesAndStudents, List<Double> points) {

        public List<Placing> standings() {
            List<Placing> s = new ArrayList<>(placesAndStudents.size());
            for (long[] ps : placesAndStudents) {
                s.add(Placing.individual(ps[1], (int) ps[0]));
            }
            return s;
        }
    }

    private final double[] skill;
    private final double[] growth;
    private final List<Event> events = new ArrayList<>();
    private final int days;

    public CohortSimulation(int students, int eventCount, int days, double noise, long seed) {
        Random random = new Random(seed);
        this.days = days;
        skill = new double[students];
        growth = new double[students];
        for (int i = 0; i < students; i++) {
            skill[i] = random.nextGaussian();
            growth[i] = random.nextDouble() < 0.2 ? 0.5 + random.nextDouble() : 0;
        }
        double[] weights = {0.5, 0.75, 1.0, 1.25};
        for (int e = 0; e < eventCount; e++) {
            int day = (int) ((long) e * days / eventCount);
            int field = (int) Math.min(students, Math.round(20 * Math.pow(100, random.nextDouble())));
            LinkedHashSet<Integer> entrants = new LinkedHashSet<>();
            while (entrants.size() < field) {
                int i = random.nextInt(students);
                if (random.nextDouble() < 1 / (1 + Math.exp(-1.5 * skillOn(i, day) + 0.5))) {
                    entrants.add(i);
                }
            }
            List<double[]> performances = new ArrayList<>();
            for (int i : entrants) {
                performances.add(new double[] {i, skillOn(i, day) + random.nextGaussian() * noise});
            }
            performances.sort(Comparator.comparingDouble((double[] p) -> -p[1]));
            List<long[]> places = new ArrayList<>();
            List<Double> points = new ArrayList<>();
            for (int place = 0; place < performances.size(); place++) {
                places.add(new long[] {place + 1, (long) performances.get(place)[0]});
                points.add((double) Math.round(1000 * Math.exp(0.7 * performances.get(place)[1])));
            }
            events.add(new Event(day, weights[random.nextInt(weights.length)], places, points));
        }
    }

    double skillOn(int student, int day) {
        return skill[student] + growth[student] * day / 1095.0;
    }

    public List<Event> events() {
        return events;
    }

    /** The true skill at the end of the period of every student who entered at least one event. */
    public Map<Long, Double> truthAtEnd() {
        Map<Long, Double> truth = new HashMap<>();
        for (Event e : events) {
            for (long[] ps : e.placesAndStudents()) {
                truth.putIfAbsent(ps[1], skillOn((int) ps[1], days));
            }
        }
        return truth;
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
                b.add(ps[1], (int) ps[0], e.placesAndStudents().size(), e.points().get(k), best, e.weight());
            }
        }
        return b;
    }
}
