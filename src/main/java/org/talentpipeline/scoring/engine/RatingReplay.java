package org.talentpipeline.scoring.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Ratings as the replay of events in order: before an event its entrants' uncertainty grows with
 * the time since their last event, then the model rates the event overall and, where entrants
 * report category points, once per category (each category its own rating, the skill profile).
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
    public record EventResults(long event, int day, double weight, List<Entry> entries) {
    }

    /** One competitor of an event: members (one for an individual), place, and category points. */
    public record Entry(List<Placing.Member> members, int place, Map<String, Double> points) {
    }

    /** Receives every student's rating before and after each event it took part in. */
    public interface Effects {
        void rated(long event, String category, long student, int place, int fieldSize, Rating before, Rating after);
    }

    /**
     * A student's state in one category: the rating, last event and its day, events, growth of the mean
     * over the recent events inside the growth window, and how many recent events that covers.
     */
    public record State(Rating rating, long lastEvent, int lastDay, int events, double growth, int recentEvents) {
    }

    /** How many of a student's latest events are kept for growth (overall only). */
    public static final int RECENT = 8;

    private final RatingModel model;
    private final double sigmaGrowthPerYear;
    private final Map<String, StateTable> tables = new HashMap<>();

    public RatingReplay(RatingModel model, double sigmaGrowthPerYear) {
        this.model = model;
        this.sigmaGrowthPerYear = sigmaGrowthPerYear;
    }

    /**
     * Sets a student's state before the replayed events: their rating after their last event, its
     * day, their number of events, and their recent events' days and means before them (oldest
     * first, overall only, at most {@link #RECENT}).
     */
    public void restore(String category, long student, Rating rating, long lastEvent, int lastDay, int events,
            int[] recentDays, float[] recentMu) {
        table(category).restore(student, rating, lastEvent, lastDay, events, recentDays, recentMu);
    }

    /** Every student rated in a category, in no particular order. */
    public void forEachState(String category, java.util.function.BiConsumer<Long, State> action) {
        StateTable table = tables.get(category);
        if (table != null) {
            table.forEach(action);
        }
    }

    /** The categories rated so far, the overall one included. */
    public java.util.Set<String> categories() {
        return new TreeSet<>(tables.keySet());
    }

    /** Rates one event (overall, then each reported category in name order) and reports the effects. */
    public void rate(EventResults event, Effects effects) {
        List<Placing> overall = new ArrayList<>(event.entries().size());
        TreeSet<String> categories = new TreeSet<>();
        for (Entry e : event.entries()) {
            overall.add(new Placing(e.members(), e.place()));
            categories.addAll(e.points().keySet());
        }
        rate(event, OVERALL, overall, effects);
        for (String category : categories) {
            rate(event, category, byPoints(event.entries(), category), effects);
        }
    }

    /** The entrants ranked by their points in one category, most first, equal points tied; none counts as 0. */
    static List<Placing> byPoints(List<Entry> entries, String category) {
        List<double[]> points = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            points.add(new double[] {entries.get(i).points().getOrDefault(category, 0.0), i});
        }
        points.sort((a, b) -> Double.compare(b[0], a[0]));
        List<Placing> ranked = new ArrayList<>(entries.size());
        int rank = 0;
        for (int k = 0; k < points.size(); k++) {
            if (k == 0 || points.get(k)[0] != points.get(k - 1)[0]) {
                rank = k + 1;
            }
            ranked.add(new Placing(entries.get((int) points.get(k)[1]).members(), rank));
        }
        return ranked;
    }

    private void rate(EventResults event, String category, List<Placing> match, Effects effects) {
        if (match.size() < 2) {
            return;
        }
        StateTable table = table(category);
        Map<Long, Rating> before = new HashMap<>(match.size() * 2);
        for (Placing p : match) {
            for (Placing.Member m : p.members()) {
                before.put(m.student(), table.current(m.student(), event.day()));
            }
        }
        Map<Long, Rating> after = model.rate(match, before, event.weight());
        for (Placing p : match) {
            for (Placing.Member m : p.members()) {
                Rating b = before.get(m.student());
                Rating a = after.get(m.student());
                table.record(m.student(), event.event(), event.day(), b, a);
                effects.rated(event.event(), category, m.student(), p.rank(), match.size(), b, a);
            }
        }
    }

    /** The state of a student in a category, or null when they have no event in it. */
    public State state(String category, long student) {
        StateTable table = tables.get(category);
        return table == null ? null : table.state(student);
    }

    private StateTable table(String category) {
        return tables.computeIfAbsent(category, k -> new StateTable(OVERALL.equals(k) ? RECENT : 0));
    }

    /**
     * Per-student state in primitive arrays (a million students cost tens of megabytes, not
     * hundreds): open addressing on the student id, and the student's last few events' days and
     * ratings before them, for growth over the last year (overall only).
     */
    private final class StateTable {
        private final int recentSlots;
        private long[] keys = new long[1024];
        private boolean[] used = new boolean[1024];
        private double[] mu = new double[1024];
        private double[] sigma = new double[1024];
        private int[] last = new int[1024];
        private long[] lastEvent = new long[1024];
        private int[] events = new int[1024];
        private int[] recentDay;
        private float[] recentMu;
        private int size;

        StateTable(int recentSlots) {
            this.recentSlots = recentSlots;
            recentDay = new int[1024 * recentSlots];
            recentMu = new float[1024 * recentSlots];
        }

        private int slot(long student) {
            int mask = keys.length - 1;
            int i = Long.hashCode(student * 0x9E3779B97F4A7C15L) & mask;
            while (used[i] && keys[i] != student) {
                i = (i + 1) & mask;
            }
            return i;
        }

        Rating current(long student, int day) {
            int i = slot(student);
            if (!used[i]) {
                return model.initial();
            }
            return new Rating(mu[i], sigma[i]).aged(day - last[i], sigmaGrowthPerYear, model.initial().sigma());
        }

        private int claim(long student) {
            if ((size + 1) * 2 > keys.length) {
                grow();
            }
            int i = slot(student);
            if (!used[i]) {
                used[i] = true;
                keys[i] = student;
                size++;
            }
            return i;
        }

        void restore(long student, Rating rating, long event, int day, int count, int[] recentDays, float[] recentMus) {
            int i = claim(student);
            mu[i] = rating.mu();
            sigma[i] = rating.sigma();
            last[i] = day;
            lastEvent[i] = event;
            events[i] = count;
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

        void forEach(java.util.function.BiConsumer<Long, State> action) {
            for (int i = 0; i < keys.length; i++) {
                if (used[i]) {
                    action.accept(keys[i], state(keys[i]));
                }
            }
        }

        void record(long student, long event, int day, Rating before, Rating after) {
            int i = claim(student);
            if (recentSlots > 0) {
                int k = events[i] % recentSlots;
                recentDay[i * recentSlots + k] = day;
                // kept as float: the stored explanation holds floats, and growth must come out alike from both
                recentMu[i * recentSlots + k] = (float) before.mu();
            }
            mu[i] = after.mu();
            sigma[i] = after.sigma();
            last[i] = day;
            lastEvent[i] = event;
            events[i]++;
        }

        State state(long student) {
            int i = slot(student);
            if (!used[i]) {
                return null;
            }
            // growth: from the rating before the earliest of the recent events inside the window
            double from = mu[i];
            int recent = 0;
            for (int back = 0; back < Math.min(recentSlots, events[i]); back++) {
                int k = Math.floorMod(events[i] - 1 - back, recentSlots);
                if (recentDay[i * recentSlots + k] <= last[i] - GROWTH_WINDOW_DAYS) {
                    break;
                }
                from = recentMu[i * recentSlots + k];
                recent++;
            }
            return new State(new Rating(mu[i], sigma[i]), lastEvent[i], last[i], events[i], mu[i] - from, recent);
        }

        private void grow() {
            long[] oldKeys = keys;
            boolean[] oldUsed = used;
            double[] oldMu = mu;
            double[] oldSigma = sigma;
            int[] oldLast = last;
            long[] oldLastEvent = lastEvent;
            int[] oldEvents = events;
            int[] oldRecentDay = recentDay;
            float[] oldRecentMu = recentMu;
            int capacity = oldKeys.length * 2;
            keys = new long[capacity];
            used = new boolean[capacity];
            mu = new double[capacity];
            sigma = new double[capacity];
            last = new int[capacity];
            lastEvent = new long[capacity];
            events = new int[capacity];
            recentDay = new int[capacity * recentSlots];
            recentMu = new float[capacity * recentSlots];
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldUsed[j]) {
                    int i = slot(oldKeys[j]);
                    used[i] = true;
                    keys[i] = oldKeys[j];
                    mu[i] = oldMu[j];
                    sigma[i] = oldSigma[j];
                    last[i] = oldLast[j];
                    lastEvent[i] = oldLastEvent[j];
                    events[i] = oldEvents[j];
                    System.arraycopy(oldRecentDay, j * recentSlots, recentDay, i * recentSlots, recentSlots);
                    System.arraycopy(oldRecentMu, j * recentSlots, recentMu, i * recentSlots, recentSlots);
                }
            }
        }
    }
}
