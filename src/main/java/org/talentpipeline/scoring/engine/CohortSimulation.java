package org.talentpipeline.scoring.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * A simulated national cohort with a known skill per student, to measure how well a model finds
 * the truly strongest. Each student has a skill (standard normal), a growth per year of their own
 * (normal) and an activity (log-normal); events of a log-uniform field size draw their entrants by
 * activity and, where the regime says so, by skill; a performance is the skill on the event's day
 * plus noise, and places follow performances. The last {@link Regime#heldOutEvents} events are held
 * out: models rate the others, and are judged on the truth at the end of the rated period and on
 * the order of the held-out events. Where the regime says so ({@link Teams}), some rated events are
 * entered by teams of schoolmates with a solve log that credits each member. Reproducible from the seed.
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
     * @param teams how rated events are entered as teams (null: every event individual)
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
            boolean weighted,
            Teams teams) {

        /** A regime without team events. */
        public Regime(
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
            this(
                    name,
                    students,
                    events,
                    heldOutEvents,
                    fieldMin,
                    fieldMax,
                    days,
                    noise,
                    growthMean,
                    growthSd,
                    activitySd,
                    skillEntry,
                    weighted,
                    null);
        }

        /** The same cohort and events with team events as given (their draws do not move the others'). */
        public Regime withTeams(String name, Teams teams) {
            return new Regime(
                    name,
                    students,
                    events,
                    heldOutEvents,
                    fieldMin,
                    fieldMax,
                    days,
                    noise,
                    growthMean,
                    growthSd,
                    activitySd,
                    skillEntry,
                    weighted,
                    teams);
        }

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

        /**
         * Issue 22, item 2(d): 3,000 students in schools of 100, 60 rated events of 20 to 1,500
         * entrants over two years, half of them entered as teams of 2 to 4 schoolmates with a solve
         * log (credit noise 0.5); the held-out season (10 events) is individual.
         */
        public static Regime teamEvents() {
            return new Regime("teams", 3000, 60, 10, 20, 1500, 730, 0.6, 0.1, 0.25, 0.6, 0.5, false)
                    .withTeams("teams", new Teams(0.5, 100, 0.5));
        }
    }

    /**
     * How rated events are entered as teams. A team event draws its entrants as an individual one
     * does (the same draws), then each school's entrants form teams of 2 to 4 in the order drawn (a
     * school's last entrant left alone enters alone): schoolmates team up, with whoever of them
     * enters that event. A member's performance is their own (skill on the day plus noise); a team
     * scores the sum of its members' points (each member's points as an individual's,
     * 1000 e^(0.7 performance): the strongest member solves most), and teams are placed by it. The
     * solve log credits each member with their points times e^(creditNoise z), z standard normal (who
     * submits a flag the team found together), scaled to sum to the team's points. The held-out
     * events stay individual, so that they judge students, not teams. Team draws come from a random
     * stream of their own, so a regime's other draws are those it has without teams.
     *
     * @param share the share of rated events entered as teams
     * @param schoolSize students a school (schools are blocks of consecutive students, unrelated to skill)
     * @param creditNoise the noise of the solve log's credit, in log-points
     */
    public record Teams(double share, int schoolSize, double creditNoise) {}

    /**
     * One simulated event: its day, weight, and the entrants' places and points (best first). In a
     * team event every member is a row: the team's place and points, the member's own performance,
     * {@code team} numbers the rows' teams (a team's rows are consecutive) and {@code own} holds each
     * member's points as the solve log credits them; both are null in an individual event.
     */
    public record Event(
            int day,
            double weight,
            List<long[]> placesAndStudents,
            List<Double> points,
            double[] performances,
            int[] team,
            double[] own) {

        public Event(
                int day, double weight, List<long[]> placesAndStudents, List<Double> points, double[] performances) {
            this(day, weight, placesAndStudents, points, performances, null, null);
        }

        public Event(int day, double weight, List<long[]> placesAndStudents, List<Double> points) {
            this(day, weight, placesAndStudents, points, new double[0]);
        }

        /** Teams as the results without a solve log give them: equal shares. */
        public List<Placing> standings() {
            return standings(Double.NaN);
        }

        /**
         * The standings with each team's members sharing its update as the application shares it
         * ({@link MemberShares#of}) from the solve log's credit; {@code own} NaN: no log, equal shares.
         */
        public List<Placing> standings(double own) {
            List<Placing> s = new ArrayList<>(placesAndStudents.size());
            if (team == null) {
                for (long[] ps : placesAndStudents) {
                    s.add(Placing.individual(ps[1], (int) ps[0]));
                }
                return s;
            }
            int from = 0;
            while (from < team.length) {
                int to = from;
                List<Double> credit = new ArrayList<>();
                while (to < team.length && team[to] == team[from]) {
                    credit.add(this.own[to]);
                    to++;
                }
                double[] shares = MemberShares.of(Double.isNaN(own) ? null : credit, to - from, own);
                List<Placing.Member> members = new ArrayList<>(to - from);
                for (int k = from; k < to; k++) {
                    members.add(new Placing.Member(placesAndStudents.get(k)[1], shares[k - from]));
                }
                s.add(new Placing(members, (int) placesAndStudents.get(from)[0]));
                from = to;
            }
            return s;
        }

        /**
         * A reference that is not the application's rule: every member of a team event placed as an
         * individual by their own credited points (the team's place ignored).
         */
        public List<Placing> membersByOwnPoints() {
            if (team == null) {
                return standings();
            }
            Integer[] order = new Integer[team.length];
            for (int k = 0; k < order.length; k++) {
                order[k] = k;
            }
            Arrays.sort(order, Comparator.comparingDouble((Integer k) -> -own[k]));
            List<Placing> s = new ArrayList<>(order.length);
            for (int r = 0; r < order.length; r++) {
                s.add(Placing.individual(placesAndStudents.get(order[r])[1], r + 1));
            }
            return s;
        }

        /** How many teams (or individuals) placed: the field's size. */
        public int fieldSize() {
            return team == null
                    ? placesAndStudents.size()
                    : (int) Arrays.stream(team).distinct().count();
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
        Random teamRandom = new Random(seed * 7919 + 13);
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
            boolean asTeams = regime.teams() != null
                    && e < regime.events()
                    && teamRandom.nextDouble() < regime.teams().share();
            Event event = asTeams ? teamEvent(day, performances, teamRandom) : null;
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
            if (event == null) {
                event = new Event(day, weight, places, points, perf);
            } else {
                event = new Event(
                        day,
                        weight,
                        event.placesAndStudents(),
                        event.points(),
                        event.performances(),
                        event.team(),
                        event.own());
            }
            (e < regime.events() ? events : heldOut).add(event);
        }
    }

    /**
     * A team event from its entrants' performances, in the order drawn (see {@link Teams}); its
     * weight is set by the caller.
     */
    private Event teamEvent(int day, List<double[]> performances, Random random) {
        Teams teams = regime.teams();
        Map<Integer, List<double[]>> bySchool = new LinkedHashMap<>();
        for (double[] p : performances) {
            bySchool.computeIfAbsent((int) p[0] / teams.schoolSize(), k -> new ArrayList<>())
                    .add(p);
        }
        // a team: its members' rows {student, performance, credited points}, then its points
        List<List<double[]>> formed = new ArrayList<>();
        List<Double> teamPoints = new ArrayList<>();
        for (List<double[]> school : bySchool.values()) {
            int from = 0;
            while (from < school.size()) {
                int to = Math.min(school.size(), from + 2 + random.nextInt(3));
                List<double[]> members = new ArrayList<>();
                double total = 0;
                double credited = 0;
                for (double[] p : school.subList(from, to)) {
                    double own = 1000 * Math.exp(0.7 * p[1]);
                    double credit = own * Math.exp(teams.creditNoise() * random.nextGaussian());
                    members.add(new double[] {p[0], p[1], credit});
                    total += own;
                    credited += credit;
                }
                for (double[] m : members) {
                    m[2] = m[2] * total / credited;
                }
                formed.add(members);
                teamPoints.add((double) Math.round(total));
                from = to;
            }
        }
        Integer[] order = new Integer[formed.size()];
        for (int t = 0; t < order.length; t++) {
            order[t] = t;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer t) -> -teamPoints.get(t)));
        List<long[]> places = new ArrayList<>();
        List<Double> points = new ArrayList<>();
        List<Double> perf = new ArrayList<>();
        List<Integer> team = new ArrayList<>();
        List<Double> own = new ArrayList<>();
        for (int place = 0; place < order.length; place++) {
            for (double[] m : formed.get(order[place])) {
                places.add(new long[] {place + 1, (long) m[0]});
                points.add(teamPoints.get(order[place]));
                perf.add(m[1]);
                team.add(place);
                own.add(m[2]);
            }
        }
        return new Event(
                day,
                1.0,
                places,
                points,
                perf.stream().mapToDouble(Double::doubleValue).toArray(),
                team.stream().mapToInt(Integer::intValue).toArray(),
                own.stream().mapToDouble(Double::doubleValue).toArray());
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
        return run(model, sigmaGrowthPerYear, Event::standings);
    }

    /** {@link #run(RatingModel, double)} with each event's standings as {@code standings} gives them. */
    public Map<Long, Rating> run(
            RatingModel model, double sigmaGrowthPerYear, Function<Event, List<Placing>> standings) {
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
            ratings.putAll(model.rate(standings.apply(e), before, e.weight()));
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
            int field = e.fieldSize();
            for (int k = 0; k < e.placesAndStudents().size(); k++) {
                long[] ps = e.placesAndStudents().get(k);
                b.add(ps[1], (int) ps[0], field, e.points().get(k), best, e.weight());
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
