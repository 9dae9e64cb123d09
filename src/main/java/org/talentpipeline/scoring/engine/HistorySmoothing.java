package org.talentpipeline.scoring.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.IntConsumer;

/**
 * Whole-history smoothing of a full replay's overall ratings, in the manner of TrueSkill Through
 * Time, on compact arrays (what {@link WholeHistory} does on objects, at the national scale): from
 * the forward replay's observations of every placing, each student's history is filtered forward and
 * smoothed backward (Kalman, then Rauch-Tung-Striebel: a past performance is re-read in the light of
 * later ones); then every pass re-estimates each event's observations against its entrants' smoothed
 * ratings at that event (opponents' later results now count) and smooths again.
 *
 * <p>"Incremental equals recompute" with smoothing: a full recompute smooths every event it replays;
 * an update after it rates the next event forward from the smoothed states, exactly as
 * {@link WholeHistory#run(List, int)} continues after its cut. A later recompute re-smooths those
 * events too, so its numbers differ from the updates' by the smoothing of the events since the last
 * recompute, and only by that.
 *
 * <p>Team members take the shares the forward replay gave them.
 */
public final class HistorySmoothing {

    /** A replay's placings, in replay order: grouped by event, each event's in match order. */
    public interface Placings {
        /** How many events. */
        int events();

        /** The first placing of event {@code e}; of {@code events()}, the number of placings. */
        int eventStart(int e);

        int day(int e);

        double weight(int e);

        /** The event of placing {@code p}. */
        int event(int p);

        /** The place of placing {@code p}'s entrant. */
        int rank(int p);

        /** Whether placing {@code p} is its entrant's first member (an entrant's members follow one another). */
        boolean first(int p);

        /** Placing {@code p}'s share of its entrant's update. */
        double share(int p);
    }

    private final EloMmr model;
    private final double sigmaGrowthPerYear;
    private final int passes;

    public HistorySmoothing(EloMmr model, double sigmaGrowthPerYear, int passes) {
        this.model = model;
        this.sigmaGrowthPerYear = sigmaGrowthPerYear;
        this.passes = passes;
    }

    /**
     * Smooths every student's history.
     *
     * @param y in: each placing's forward observation; overwritten by the passes
     * @param v in: its variance; overwritten by the passes
     * @param byStudent the placings by student, each student's in replay order
     * @param studentStart where each student's placings begin in {@code byStudent} (one more entry, its length)
     * @param mu out: each placing's smoothed mean
     * @param sigma out: each placing's smoothed deviation
     * @param parallel where events and students are smoothed side by side (null: on the caller's thread)
     */
    public void smooth(
            Placings placings,
            float[] y,
            float[] v,
            int[] byStudent,
            int[] studentStart,
            float[] mu,
            float[] sigma,
            Executor parallel) {
        int students = studentStart.length - 1;
        for (int pass = 0; pass < passes; pass++) {
            inParts(students, parallel, s -> kalman(placings, y, v, byStudent, studentStart, s, mu, sigma));
            inParts(placings.events(), parallel, e -> observe(placings, e, mu, sigma, y, v));
        }
        inParts(students, parallel, s -> kalman(placings, y, v, byStudent, studentStart, s, mu, sigma));
    }

    /** Runs {@code work} for 0 to {@code n} - 1, in parts on {@code parallel}'s threads. */
    private static void inParts(int n, Executor parallel, IntConsumer work) {
        if (parallel == null || n < 1_000) {
            for (int i = 0; i < n; i++) {
                work.accept(i);
            }
            return;
        }
        int parts = 32;
        List<CompletableFuture<Void>> running = new ArrayList<>(parts);
        for (int part = 0; part < parts; part++) {
            int from = (int) ((long) n * part / parts);
            int to = (int) ((long) n * (part + 1) / parts);
            running.add(CompletableFuture.runAsync(
                    () -> {
                        for (int i = from; i < to; i++) {
                            work.accept(i);
                        }
                    },
                    parallel));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
    }

    /** Event {@code e}'s observations again, against its entrants' smoothed ratings there. */
    private void observe(Placings placings, int e, float[] mu, float[] sigma, float[] y, float[] v) {
        int from = placings.eventStart(e);
        int to = placings.eventStart(e + 1);
        int n = to - from;
        List<Placing> match = new ArrayList<>();
        double[] pm = new double[n];
        double[] ps = new double[n];
        int p = from;
        while (p < to) {
            int end = p + 1;
            while (end < to && !placings.first(end)) {
                end++;
            }
            List<Placing.Member> members = new ArrayList<>(end - p);
            for (int q = p; q < end; q++) {
                members.add(new Placing.Member(q, placings.share(q)));
            }
            match.add(new Placing(members, placings.rank(p)));
            p = end;
        }
        for (int k = 0; k < n; k++) {
            pm[k] = mu[from + k];
            ps[k] = sigma[from + k];
        }
        double[] ey = new double[n];
        double[] ev = new double[n];
        model.observe(match, pm, ps, placings.weight(e), ey, ev);
        for (int k = 0; k < n; k++) {
            y[from + k] = (float) ey[k];
            v[from + k] = (float) ev[k];
        }
    }

    /** Student {@code s}'s history filtered forward and smoothed backward from the observations. */
    private void kalman(
            Placings placings,
            float[] y,
            float[] v,
            int[] byStudent,
            int[] studentStart,
            int s,
            float[] mu,
            float[] sigma) {
        Rating initial = model.initial();
        double ceiling = initial.sigma() * initial.sigma();
        double growth = sigmaGrowthPerYear * sigmaGrowthPerYear / 365.0;
        double floor = model.sigmaFloor() * model.sigmaFloor();
        int from = studentStart[s];
        int to = studentStart[s + 1];
        double[] predicted = new double[to - from];
        double[] means = new double[to - from];
        double[] variances = new double[to - from];
        double m = initial.mu();
        double p = ceiling;
        for (int i = from; i < to; i++) {
            int a = byStudent[i];
            if (i > from) {
                int days = placings.day(placings.event(a)) - placings.day(placings.event(byStudent[i - 1]));
                p = Math.min(ceiling, p + growth * Math.max(0, days));
            }
            predicted[i - from] = p;
            double precision = 1 / p + 1 / v[a];
            m = (m / p + y[a] / v[a]) / precision;
            p = Math.min(p, Math.max(floor, 1 / precision));
            means[i - from] = m;
            variances[i - from] = p;
        }
        for (int i = to - from - 2; i >= 0; i--) {
            double gain = variances[i] / predicted[i + 1];
            means[i] = means[i] + gain * (means[i + 1] - means[i]);
            variances[i] = Math.max(floor, variances[i] + gain * gain * (variances[i + 1] - predicted[i + 1]));
        }
        for (int i = from; i < to; i++) {
            mu[byStudent[i]] = (float) means[i - from];
            sigma[byStudent[i]] = (float) Math.sqrt(variances[i - from]);
        }
    }
}
