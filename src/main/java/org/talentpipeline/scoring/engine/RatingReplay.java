package org.talentpipeline.scoring.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * Ratings as the replay of events in order: before an event its entrants' uncertainty grows with
 * the time since their last event, then the model rates the event overall and, where entrants
 * report category points, once per category (each category its own rating, the skill profile):
 * under its canonical name ({@link SkillCategories}), among the entrants with evidence in it.
 *
 * <p>The replay can start from any point: {@link #prior} sets a student's state as it stood
 * before the first event to replay. A full recompute starts from nothing; an update for one event
 * starts from its entrants' states before it. Both run this same code, so they give the same
 * numbers.
 */
public final class RatingReplay {

    /** The category name of the overall rating. */
    public static final String OVERALL = "";
    /** Days over which growth is measured (RISING_STAR). */
    public static final int GROWTH_WINDOW_DAYS = 365;

    /** One event to replay: its entrants with their place and, where reported, category points. */
    public record EventResults(long event, int day, double weight, List<Entry> entries) {}

    /** One competitor of an event: members (one for an individual), place, and category points. */
    public record Entry(List<Placing.Member> members, int place, Map<String, Double> points) {}

    /** Receives every student's rating before and after each event it took part in. */
    public interface Effects {
        void rated(long event, String category, long student, int place, int fieldSize, Rating before, Rating after);

        /**
         * The field of a match as it stood before it (once per match, before its members' effects):
         * what an explanation needs to say how strong the field was and which place was expected.
         */
        default void field(long event, String category, FieldSummary field) {}

        /** Whether the effects on category ratings are wanted too, not only the overall ones. */
        default boolean categories() {
            return true;
        }

        /**
         * Whether each overall placing's observation is wanted ({@link #observed}): a whole-history
         * smoothing ({@link HistorySmoothing}) starts from them. Only an {@link EloMmr} model gives them.
         */
        default boolean observations() {
            return false;
        }

        /**
         * What an event said of a student's overall skill (Elo-MMR's performance {@code y} with its
         * variance), in the match's order, before the match's {@link #rated} effects; {@code first} when
         * they are the first member of their entrant (each entrant's members follow one another), and
         * their {@code share} of the entrant's update.
         */
        default void observed(long student, boolean first, double share, double y, double variance) {}

        /** These effects on overall ratings only (an explanation needs no more): category ratings are not reported. */
        static Effects overallOnly(Effects overall) {
            return new Effects() {
                @Override
                public void rated(
                        long event,
                        String category,
                        long student,
                        int place,
                        int fieldSize,
                        Rating before,
                        Rating after) {
                    overall.rated(event, category, student, place, fieldSize, before, after);
                }

                @Override
                public void field(long event, String category, FieldSummary field) {
                    overall.field(event, category, field);
                }

                @Override
                public boolean categories() {
                    return false;
                }

                @Override
                public boolean observations() {
                    return overall.observations();
                }

                @Override
                public void observed(long student, boolean first, double share, double y, double variance) {
                    overall.observed(student, first, share, y, variance);
                }
            };
        }
    }

    private static final Effects NONE = (event, category, student, place, fieldSize, before, after) -> {};

    /**
     * A student's state in one category: the rating, last event and its day, events, growth of the mean
     * over the recent events inside the growth window, and how many recent events that covers.
     */
    public record State(Rating rating, long lastEvent, int lastDay, int events, double growth, int recentEvents) {}

    /** How many of a student's latest events are kept for growth (overall only). */
    public static final int RECENT = 8;

    private final RatingModel model;
    private final double sigmaGrowthPerYear;
    private final Map<String, StateTable> tables = new HashMap<>();
    private final Executor parallel;
    /** Per lane (overall, each category), the rating of its latest event: each lane rates its events in order. */
    private final Map<String, CompletableFuture<Void>> lanes = new HashMap<>();
    /** Per event still being rated down the lanes, the end of that rating, oldest first. */
    private final ArrayDeque<CompletableFuture<Void>> behind = new ArrayDeque<>();

    public RatingReplay(RatingModel model, double sigmaGrowthPerYear) {
        this(model, sigmaGrowthPerYear, null);
    }

    /**
     * A replay that rates on {@code parallel}'s threads when only the overall effects are wanted
     * (see {@link #rate}): the overall rating and each category's are ratings of their own, so the
     * numbers and the order of the overall effects are those of the replay on one thread.
     */
    public RatingReplay(RatingModel model, double sigmaGrowthPerYear, Executor parallel) {
        this(model, sigmaGrowthPerYear, parallel, SkillCategories.DEFAULT);
    }

    /** A replay that rates categories under their canonical names ({@code categories}' table). */
    public RatingReplay(RatingModel model, double sigmaGrowthPerYear, Executor parallel, SkillCategories categories) {
        this.model = model;
        this.sigmaGrowthPerYear = sigmaGrowthPerYear;
        this.parallel = parallel;
        this.skillCategories = categories;
    }

    private final SkillCategories skillCategories;

    /**
     * Sets a student's state before the replayed events: their rating after their last event, its
     * day, their number of events, and their recent events' days and means before them (oldest
     * first, overall only, at most {@link #RECENT}).
     */
    public void restore(
            String category,
            long student,
            Rating rating,
            long lastEvent,
            int lastDay,
            int events,
            int[] recentDays,
            float[] recentMu) {
        finish();
        table(category).restore(student, rating, lastEvent, lastDay, events, recentDays, recentMu);
    }

    /** Every student rated in a category, in no particular order. */
    public void forEachState(String category, BiConsumer<Long, State> action) {
        finish();
        StateTable table = tables.get(category);
        if (table != null) {
            table.forEach(action);
        }
    }

    /**
     * Gives back the room kept for students still to come: after the last event of a replay, its
     * states take no more memory than they fill (a third less, at most), for what follows it.
     */
    public void trim() {
        finish();
        tables.values().forEach(StateTable::trim);
    }

    /** The categories rated so far, the overall one included. */
    public Set<String> categories() {
        finish();
        return new TreeSet<>(tables.keySet());
    }

    /**
     * Rates one event (overall, then each reported category in name order) and reports the effects.
     * A parallel replay asked for the overall effects only returns at once: the event is rated on
     * its threads, each rating (overall, each category) in event order down a lane of its own, and
     * the effects arrive on those threads, in event order. {@link #finish} waits for them.
     */
    public void rate(EventResults event, Effects effects) {
        List<Placing> overall = new ArrayList<>(event.entries().size());
        Set<String> names = new HashSet<>();
        for (Entry e : event.entries()) {
            overall.add(new Placing(e.members(), e.place()));
            names.addAll(e.points().keySet());
        }
        // each canonical category with the spellings the event reports it under (points under several add up)
        Map<String, List<String>> spellings = new HashMap<>();
        for (String name : names) {
            spellings
                    .computeIfAbsent(skillCategories.canonical(name).intern(), k -> new ArrayList<>(1))
                    .add(name);
        }
        if (overall.size() < 2) {
            // no match, in any category
            return;
        }
        List<String> categories = new ArrayList<>(spellings.keySet());
        Collections.sort(categories);
        if (parallel == null || effects.categories()) {
            finish();
            rate(event, table(OVERALL), overall, effects);
            for (String category : categories) {
                List<Placing> ranked = byPoints(event.entries(), spellings.get(category));
                if (ranked.size() >= 2) {
                    rate(event, table(category), ranked, effects.categories() ? effects : NONE);
                }
            }
            return;
        }
        List<CompletableFuture<Void>> lanesOfEvent = new ArrayList<>(categories.size() + 1);
        StateTable overallTable = table(OVERALL);
        lanesOfEvent.add(lane(OVERALL, () -> rate(event, overallTable, overall, effects)));
        for (String category : categories) {
            StateTable table = table(category);
            lanesOfEvent.add(lane(category, () -> {
                List<Placing> ranked = byPoints(event.entries(), spellings.get(category));
                if (ranked.size() >= 2) {
                    rate(event, table, ranked, NONE);
                }
            }));
        }
        behind.add(CompletableFuture.allOf(lanesOfEvent.toArray(CompletableFuture[]::new)));
        // at most a few events ahead of the slowest lane: their results are held in memory until then
        while (behind.size() > LANE_WINDOW) {
            joined(behind.poll());
        }
    }

    /** Rates on the parallel threads once the lane's previous event is rated. */
    private CompletableFuture<Void> lane(String category, Runnable rating) {
        CompletableFuture<Void> next = lanes.getOrDefault(category, CompletableFuture.completedFuture(null))
                .thenRunAsync(rating, parallel);
        lanes.put(category, next);
        return next;
    }

    /** How many events the lanes may be behind the caller. */
    private static final int LANE_WINDOW = 16;

    /**
     * Waits until every event given to {@link #rate} is rated and its effects reported. Every
     * method that reads states calls it first.
     */
    public void finish() {
        while (!behind.isEmpty()) {
            joined(behind.poll());
        }
        lanes.clear();
    }

    private static <T> T joined(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /**
     * The entrants with evidence in one category, ranked by their points in it, most first, equal
     * points tied. Evidence is points above 0 (a solve log's solves become points): an entrant with
     * none may never have tried the category, so they are not rated in it at all. In the entrants'
     * order: a place is one more than the number with more points.
     */
    static List<Placing> byPoints(List<Entry> entries, String category) {
        return byPoints(entries, List.of(category));
    }

    /**
     * As {@link #byPoints(List, String)}, a competitor's points in the category being the sum of
     * their points under its {@code spellings} (the names the event reports that canonical category
     * under): no entry is copied to rename its categories.
     */
    static List<Placing> byPoints(List<Entry> entries, List<String> spellings) {
        int all = entries.size();
        double[] each = new double[all];
        int n = 0;
        for (int i = 0; i < all; i++) {
            double p = 0;
            for (String name : spellings) {
                p += entries.get(i).points().getOrDefault(name, 0.0);
            }
            each[i] = p;
            if (p > 0) {
                n++;
            }
        }
        List<Entry> evidence = new ArrayList<>(n);
        double[] points = new double[n];
        for (int i = 0, k = 0; i < all; i++) {
            if (each[i] > 0) {
                evidence.add(entries.get(i));
                points[k++] = each[i];
            }
        }
        double[] sorted = points.clone();
        Arrays.sort(sorted);
        List<Placing> ranked = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ranked.add(new Placing(evidence.get(i).members(), n - above(sorted, points[i]) + 1));
        }
        return ranked;
    }

    /** The position of the first value above {@code value} in ascending {@code sorted}. */
    private static int above(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] > value) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private void rate(EventResults event, StateTable table, List<Placing> match, Effects effects) {
        int size = Placing.members(match);
        // every entrant's place found once, before and after: places never move, and the table has room for them all
        table.reserve(size);
        int[] slots = new int[size];
        double[] mu = new double[size];
        double[] sigma = new double[size];
        int k = 0;
        for (Placing p : match) {
            for (Placing.Member m : p.members()) {
                slots[k] = table.claim(m.student());
                table.current(slots[k], event.day(), mu, sigma, k);
                k++;
            }
        }
        double[] muBefore = mu.clone();
        double[] sigmaBefore = sigma.clone();
        if (effects != NONE && OVERALL.equals(table.category)) {
            effects.field(event.event(), table.category, FieldSummary.of(muBefore, sigmaBefore));
        }
        if (effects != NONE
                && effects.observations()
                && OVERALL.equals(table.category)
                && model instanceof EloMmr elo) {
            observeAndRate(elo, match, mu, sigma, event.weight(), effects);
        } else {
            model.rate(match, mu, sigma, event.weight());
        }
        k = 0;
        for (Placing p : match) {
            for (Placing.Member m : p.members()) {
                table.record(slots[k], event.event(), event.day(), muBefore[k], mu[k], sigma[k]);
                if (effects != NONE) {
                    effects.rated(
                            event.event(),
                            table.category,
                            m.student(),
                            p.rank(),
                            match.size(),
                            new Rating(muBefore[k], sigmaBefore[k]),
                            new Rating(mu[k], sigma[k]));
                }
                k++;
            }
        }
    }

    /** As {@link EloMmr#rate}, which is the same observation and update, reporting each observation on the way. */
    private static void observeAndRate(
            EloMmr elo, List<Placing> match, double[] mu, double[] sigma, double weight, Effects effects) {
        int size = mu.length;
        double[] y = new double[size];
        double[] v = new double[size];
        elo.observe(match, mu, sigma, weight, y, v);
        int k = 0;
        for (Placing p : match) {
            boolean first = true;
            for (Placing.Member m : p.members()) {
                effects.observed(m.student(), first, m.share(), y[k], v[k]);
                Rating r = elo.update(mu[k], sigma[k], y[k], v[k]);
                mu[k] = r.mu();
                sigma[k] = r.sigma();
                first = false;
                k++;
            }
        }
    }

    /** The state of a student in a category, or null when they have no event in it. */
    public State state(String category, long student) {
        finish();
        StateTable table = tables.get(category);
        return table == null ? null : table.state(student);
    }

    private StateTable table(String category) {
        return tables.computeIfAbsent(category, k -> new StateTable(k, OVERALL.equals(k) ? RECENT : 0));
    }

    /**
     * Per-student state in primitive arrays (a million students cost tens of megabytes, not
     * hundreds): a sparse table of keys, open addressing on the student id, points to each student's
     * place in dense arrays, which hold no empty slots: the rating, the last event's day and the
     * number of events, the last event, and the student's last few events' days and ratings before them,
     * for growth over the last year (overall only). A student's place never moves, so the slots of a
     * match's entrants stay valid while the table grows. What one event reads and writes of a student
     * sits side by side (mean and deviation; last day and event count). The sparse table costs 8 bytes
     * for the key, 4 for the place a slot, half of them empty.
     */
    private final class StateTable {
        private static final long EMPTY = Long.MIN_VALUE;
        private final String category;
        private final int recentSlots;
        /** the sparse table: student id per slot (or EMPTY), and its place in the dense arrays */
        private long[] keys = emptyKeys(1024);

        private int[] places = new int[1024];
        /** mean and deviation of place i at 2i and 2i + 1 */
        private double[] rating = new double[2 * 512];
        /** last event's day and number of events of place i at 2i and 2i + 1 */
        private int[] dayAndEvents = new int[2 * 512];

        private long[] lastEvent = new long[512];
        private int[] recentDay;
        private float[] recentMu;
        private int size;

        StateTable(String category, int recentSlots) {
            this.category = category;
            this.recentSlots = recentSlots;
            recentDay = new int[512 * recentSlots];
            recentMu = new float[512 * recentSlots];
        }

        private static long[] emptyKeys(int capacity) {
            long[] keys = new long[capacity];
            Arrays.fill(keys, EMPTY);
            return keys;
        }

        /** The student's slot in the sparse table, or the free slot where they would go. */
        private int slot(long student) {
            int mask = keys.length - 1;
            int i = Long.hashCode(student * 0x9E3779B97F4A7C15L) & mask;
            while (keys[i] != EMPTY && keys[i] != student) {
                i = (i + 1) & mask;
            }
            return i;
        }

        /** Room for {@code more} students: the dense arrays grown once for a whole match. */
        void reserve(int more) {
            while ((size + more) * 2 > keys.length) {
                growKeys();
            }
            if (size + more > lastEvent.length) {
                growPlaces(Math.max(size + more, lastEvent.length + (lastEvent.length >> 1)));
            }
        }

        /** The rating of place i on a day (a newcomer's before their first event), into mu[k] and sigma[k]. */
        void current(int i, int day, double[] mu, double[] sigma, int k) {
            Rating r = dayAndEvents[2 * i + 1] == 0
                    ? model.initial()
                    : new Rating(rating[2 * i], rating[2 * i + 1])
                            .aged(
                                    day - dayAndEvents[2 * i],
                                    sigmaGrowthPerYear,
                                    model.initial().sigma());
            mu[k] = r.mu();
            sigma[k] = r.sigma();
        }

        /** The student's place, taken for them if they have none (with no event yet); call {@link #reserve} first. */
        int claim(long student) {
            int i = slot(student);
            if (keys[i] == EMPTY) {
                keys[i] = student;
                places[i] = size++;
            }
            return places[i];
        }

        void restore(long student, Rating r, long event, int day, int count, int[] recentDays, float[] recentMus) {
            reserve(1);
            int i = claim(student);
            rating[2 * i] = r.mu();
            rating[2 * i + 1] = r.sigma();
            dayAndEvents[2 * i] = day;
            dayAndEvents[2 * i + 1] = count;
            lastEvent[i] = event;
            if (recentSlots > 0) {
                int n = Math.min(recentDays.length, recentSlots);
                for (int j = 0; j < n; j++) {
                    // the j-th of the last n events is the student's event number count - n + j
                    int k = Math.floorMod(count - n + j, recentSlots);
                    recentDay[i * recentSlots + k] = recentDays[recentDays.length - n + j];
                    recentMu[i * recentSlots + k] = recentMus[recentMus.length - n + j];
                }
            }
        }

        void forEach(BiConsumer<Long, State> action) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != EMPTY) {
                    action.accept(keys[i], state(places[i]));
                }
            }
        }

        /** Place i (claimed since the last {@link #reserve}) after an event. */
        void record(int i, long event, int day, double muBefore, double mu, double sigma) {
            int events = dayAndEvents[2 * i + 1];
            if (recentSlots > 0) {
                int k = events % recentSlots;
                recentDay[i * recentSlots + k] = day;
                // kept as float: the stored explanation holds floats, and growth must come out alike from both
                recentMu[i * recentSlots + k] = (float) muBefore;
            }
            rating[2 * i] = mu;
            rating[2 * i + 1] = sigma;
            dayAndEvents[2 * i] = day;
            dayAndEvents[2 * i + 1] = events + 1;
            lastEvent[i] = event;
        }

        State state(long student) {
            int i = slot(student);
            return keys[i] == EMPTY ? null : state(places[i]);
        }

        private State state(int i) {
            double mu = rating[2 * i];
            int last = dayAndEvents[2 * i];
            int events = dayAndEvents[2 * i + 1];
            // growth: from the rating before the earliest of the recent events inside the window
            double from = mu;
            int recent = 0;
            for (int back = 0; back < Math.min(recentSlots, events); back++) {
                int k = Math.floorMod(events - 1 - back, recentSlots);
                if (recentDay[i * recentSlots + k] <= last - GROWTH_WINDOW_DAYS) {
                    break;
                }
                from = recentMu[i * recentSlots + k];
                recent++;
            }
            return new State(new Rating(mu, rating[2 * i + 1]), lastEvent[i], last, events, mu - from, recent);
        }

        /** The sparse table twice as large: only keys and places move, 12 bytes a slot. */
        private void growKeys() {
            long[] oldKeys = keys;
            int[] oldPlaces = places;
            keys = emptyKeys(oldKeys.length * 2);
            places = new int[oldKeys.length * 2];
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldKeys[j] != EMPTY) {
                    int i = slot(oldKeys[j]);
                    keys[i] = oldKeys[j];
                    places[i] = oldPlaces[j];
                }
            }
        }

        void trim() {
            growPlaces(size);
        }

        private void growPlaces(int capacity) {
            rating = Arrays.copyOf(rating, 2 * capacity);
            dayAndEvents = Arrays.copyOf(dayAndEvents, 2 * capacity);
            lastEvent = Arrays.copyOf(lastEvent, capacity);
            recentDay = Arrays.copyOf(recentDay, capacity * recentSlots);
            recentMu = Arrays.copyOf(recentMu, capacity * recentSlots);
        }
    }
}
