package org.talentpipeline.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.IntConsumer;
import org.talentpipeline.competition.ResultRows;
import org.talentpipeline.scoring.engine.FieldSummary;
import org.talentpipeline.scoring.engine.HistorySmoothing;
import org.talentpipeline.scoring.engine.RatingReplay;

/**
 * Every overall effect of a full replay, in primitive arrays (fourteen million effects take about
 * 350 MB, not gigabytes of objects; the event's id, day and field size are kept once per event),
 * turned into each student's explanation when the rows are written in student order.
 */
final class EffectLog {
    final long[] eventId;
    final int[] eventDay;
    final int[] eventField;
    /** the student's id: ids are below 2^31 (checked), so 4 bytes an effect, not 8 */
    private int[] student;
    /** event index and place, packed: what one effect needs sits in two reads, not four */
    long[] eventAndPlace;
    /** mean before and after, as float bits, packed */
    private long[] means;
    /**
     * deviation before and after in hundredths of a point, 16 bits each, packed (a deviation never
     * exceeds a newcomer's, far below 655.35): the explanation's deviations cost 4 bytes an effect
     */
    private int[] sigmas;
    /** per event, its field before it (an encoded {@link FieldSummary}) */
    private final String[] fields;

    private int size;
    private final double[] eventWeight;
    /** With smoothing: each effect's observation and its variance (from the forward replay, then the passes') */
    private float[] y;

    private float[] v;
    private float[] share;
    /** With smoothing: the effects that are their entrant's first member */
    private final BitSet first = new BitSet();

    private int observed;
    /** After smoothing: each effect's smoothed mean and deviation; null without smoothing */
    float[] smoothedMu;

    float[] smoothedSigma;
    final double sigmaGrowthPerYear;
    final double initialSigma;
    final double smoothedInitialMu;

    /**
     * A log of a replay of {@code events}; with {@code observations} (for a smoothing) it keeps each
     * effect's observation and share instead of its forward means and deviations (as many bytes).
     */
    EffectLog(List<ResultRows.RatedEvent> events, boolean observations, ScoringSettings settings) {
        this(events, observations, settings, 1 << 16);
    }

    /**
     * As above, with room for {@code expected} effects from the start: a recompute knows how many
     * placings the results hold, so its arrays are neither grown (the old and the new array side by side
     * for a moment, 2.5 times the log) nor left a third empty.
     */
    EffectLog(List<ResultRows.RatedEvent> events, boolean observations, ScoringSettings settings, int expected) {
        int capacity = Math.max(16, expected);
        student = new int[capacity];
        eventAndPlace = new long[capacity];
        eventId = events.stream().mapToLong(ResultRows.RatedEvent::id).toArray();
        eventDay = events.stream().mapToInt(e -> (int) e.day().toEpochDay()).toArray();
        eventWeight = events.stream().mapToDouble(ResultRows.RatedEvent::weight).toArray();
        eventField = new int[events.size()];
        fields = new String[events.size()];
        if (observations) {
            // the forward means and deviations are not kept: the explanation is written from the smoothed ones
            y = new float[capacity];
            v = new float[capacity];
            share = new float[capacity];
        } else {
            means = new long[capacity];
            sigmas = new int[capacity];
        }
        sigmaGrowthPerYear = settings.sigmaGrowthPerYear();
        initialSigma = settings.initialSigma();
        smoothedInitialMu = settings.initialMu();
    }

    /** An overall placing's observation, in the order of the effects ({@link RatingReplay.Effects#observed}). */
    void observed(boolean firstMember, double memberShare, double observation, double variance) {
        if (observed == y.length) {
            int capacity = observed + (observed >> 1);
            y = Arrays.copyOf(y, capacity);
            v = Arrays.copyOf(v, capacity);
            share = Arrays.copyOf(share, capacity);
        }
        share[observed] = (float) memberShare;
        first.set(observed, firstMember);
        y[observed] = (float) observation;
        v[observed] = (float) variance;
        observed++;
    }

    /** The effects logged. */
    int size() {
        return size;
    }

    /** Per event, in the log's order, its field before it (encoded), null where none was kept. */
    String[] fields() {
        return fields;
    }

    /** The field event {@code e} met. */
    void field(int e, FieldSummary field) {
        fields[e] = field.encode();
    }

    /** One student's effect at event {@code e}: place of field, mean and deviation before and after. */
    void add(long s, int e, int p, int field, float b, float a, double sb, double sa) {
        if (size == student.length) {
            int capacity = size + (size >> 1);
            student = Arrays.copyOf(student, capacity);
            eventAndPlace = Arrays.copyOf(eventAndPlace, capacity);
            if (means != null) {
                means = Arrays.copyOf(means, capacity);
                sigmas = Arrays.copyOf(sigmas, capacity);
            }
        }
        if (s < 0 || s > Integer.MAX_VALUE) {
            throw new IllegalStateException("a student id beyond what the log keeps: " + s);
        }
        eventField[e] = field;
        student[size] = (int) s;
        eventAndPlace[size] = (long) e << 32 | (p & 0xFFFFFFFFL);
        if (means != null) {
            means[size] = (long) Float.floatToRawIntBits(b) << 32 | (Float.floatToRawIntBits(a) & 0xFFFFFFFFL);
            sigmas[size] = hundredths(sb) << 16 | hundredths(sa);
        }
        size++;
    }

    /** As {@link HistoryEntry#hundredths}, in 16 bits. */
    private static int hundredths(double sigma) {
        return (int) Math.min(0xFFFF, Math.max(0, Math.round(sigma * 100)));
    }

    /**
     * Smooths the logged history ({@link HistorySmoothing}): the explanations and the overall
     * ratings {@link #write} writes are then the smoothed ones.
     */
    void smooth(HistorySmoothing smoothing, Executor parallel) {
        if (observed != size) {
            throw new IllegalStateException("observations of " + observed + " of " + size + " effects");
        }
        EffectsByStudent order = EffectsByStudent.of(student, size);
        int[] byStudent = order.effects();
        int[] studentStart = order.studentStart();
        int[] eventStart = new int[eventId.length + 1];
        for (int i = 0, e = 0; e <= eventId.length; e++) {
            while (i < size && (int) (eventAndPlace[i] >>> 32) < e) {
                i++;
            }
            eventStart[e] = i;
        }
        smoothedMu = new float[size];
        smoothedSigma = new float[size];
        smoothing.smooth(
                new HistorySmoothing.Placings() {
                    @Override
                    public int events() {
                        return eventId.length;
                    }

                    @Override
                    public int eventStart(int e) {
                        return eventStart[e];
                    }

                    @Override
                    public int day(int e) {
                        return eventDay[e];
                    }

                    @Override
                    public double weight(int e) {
                        return eventWeight[e];
                    }

                    @Override
                    public int event(int p) {
                        return (int) (eventAndPlace[p] >>> 32);
                    }

                    @Override
                    public int rank(int p) {
                        return (int) eventAndPlace[p];
                    }

                    @Override
                    public boolean first(int p) {
                        return first.get(p);
                    }

                    @Override
                    public double share(int p) {
                        return share[p];
                    }
                },
                y,
                v,
                byStudent,
                studentStart,
                smoothedMu,
                smoothedSigma,
                parallel);
        // write() walks the students in this order: no second sort, no second array of the log's length
        smoothedOrder = order;
        y = null;
        v = null;
        share = null;
    }

    /** After smoothing: the effects by student, then replay order. */
    private EffectsByStudent smoothedOrder;

    /** Writes every student's rows in student order: overall with its explanation, then each category. */
    int write(RatingReplay replay, NextRatingRows rows, IntConsumer progress) {
        EffectsByStudent order = smoothedOrder == null ? EffectsByStudent.of(student, size) : smoothedOrder;
        List<String> categories = new ArrayList<>(replay.categories());
        categories.remove(RatingReplay.OVERALL);
        int written = 0;
        StringBuilder history = new StringBuilder();
        SmoothedHistory smoothed = new SmoothedHistory(this);
        int[] studentStart = order.studentStart();
        // a student's rows side by side, as one event's update reads and replaces them together
        for (int student = 0; student + 1 < studentStart.length; student++) {
            long s = this.student[order.effects()[studentStart[student]]];
            history.setLength(0);
            smoothed.clear();
            for (int i = studentStart[student]; i < studentStart[student + 1]; i++) {
                int k = order.effects()[i];
                if (history.length() > 0) {
                    history.append(';');
                }
                int e = (int) (eventAndPlace[k] >>> 32);
                if (smoothedMu == null) {
                    new HistoryEntry(
                                    eventId[e],
                                    eventDay[e],
                                    (int) eventAndPlace[k],
                                    eventField[e],
                                    Float.intBitsToFloat((int) (means[k] >>> 32)),
                                    Float.intBitsToFloat((int) means[k]),
                                    (sigmas[k] >>> 16) / 100f,
                                    (sigmas[k] & 0xFFFF) / 100f)
                            .encodeTo(history);
                } else {
                    smoothed.add(k, e, history);
                }
            }
            if (smoothedMu != null) {
                smoothed.restore(replay, s);
            }
            rows.add(s, RatingReplay.OVERALL, replay.state(RatingReplay.OVERALL, s), history.toString());
            for (String category : categories) {
                RatingReplay.State state = replay.state(category, s);
                if (state != null) {
                    rows.add(s, category, state, null);
                }
            }
            if (++written % 50_000 == 0) {
                rows.checkpoint();
                progress.accept(70 + (int) (25L * studentStart[student + 1] / Math.max(1, size)));
            }
        }
        rows.finish();
        return written;
    }
}
