package org.talentpipeline.scoring;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import org.talentpipeline.competition.ResultRows;
import org.talentpipeline.scoring.engine.FieldSummary;
import org.talentpipeline.scoring.engine.RatingReplay;

/**
 * Every overall effect of a full replay, in primitive arrays (fourteen million effects take about
 * 350 MB, not gigabytes of objects; the event's id, day and field size are kept once per event),
 * turned into each student's explanation when the rows are written in student order.
 */
final class EffectLog {
    private static final int SEQUENCE_BITS = 28;
    private final long[] eventId;
    private final int[] eventDay;
    private final int[] eventField;
    private long[] student = new long[1 << 16];
    /** event index and place, packed: what one effect needs sits in two reads, not four */
    private long[] eventAndPlace = new long[1 << 16];
    /** mean before and after, as float bits, packed */
    private long[] means = new long[1 << 16];
    /**
     * deviation before and after in hundredths of a point, 16 bits each, packed (a deviation never
     * exceeds a newcomer's, far below 655.35): the explanation's deviations cost 4 bytes an effect
     */
    private int[] sigmas = new int[1 << 16];
    /** per event, its field before it (an encoded {@link FieldSummary}) */
    private final String[] fields;
    private int size;

    EffectLog(List<ResultRows.RatedEvent> events) {
        eventId = events.stream().mapToLong(ResultRows.RatedEvent::id).toArray();
        eventDay = events.stream().mapToInt(e -> (int) e.day().toEpochDay()).toArray();
        eventField = new int[events.size()];
        fields = new String[events.size()];
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
            means = Arrays.copyOf(means, capacity);
            sigmas = Arrays.copyOf(sigmas, capacity);
        }
        eventField[e] = field;
        student[size] = s;
        eventAndPlace[size] = (long) e << 32 | (p & 0xFFFFFFFFL);
        means[size] = (long) Float.floatToRawIntBits(b) << 32 | (Float.floatToRawIntBits(a) & 0xFFFFFFFFL);
        sigmas[size] = hundredths(sb) << 16 | hundredths(sa);
        size++;
    }

    /** As {@link HistoryEntry#hundredths}, in 16 bits. */
    private static int hundredths(double sigma) {
        return (int) Math.min(0xFFFF, Math.max(0, Math.round(sigma * 100)));
    }

    /** Writes every student's rows in student order: overall with its explanation, then each category. */
    int write(RatingReplay replay, RatingSink rows, IntConsumer progress) throws SQLException {
        if (size >= 1 << SEQUENCE_BITS) {
            throw new IllegalStateException("more results than a replay can order: " + size);
        }
        // student then replay order, packed in one long: sorting primitives is fast and needs no objects
        long[] order = new long[size];
        for (int i = 0; i < size; i++) {
            order[i] = (student[i] << SEQUENCE_BITS) | i;
        }
        Arrays.sort(order);
        List<String> categories = new ArrayList<>(replay.categories());
        categories.remove(RatingReplay.OVERALL);
        int students = 0;
        int i = 0;
        StringBuilder history = new StringBuilder();
        // a student's rows side by side, as one event's update reads and replaces them together
        while (i < size) {
            long s = order[i] >>> SEQUENCE_BITS;
            history.setLength(0);
            while (i < size && order[i] >>> SEQUENCE_BITS == s) {
                int k = (int) (order[i] & ((1L << SEQUENCE_BITS) - 1));
                if (history.length() > 0) {
                    history.append(';');
                }
                int e = (int) (eventAndPlace[k] >>> 32);
                new HistoryEntry(eventId[e], eventDay[e], (int) eventAndPlace[k], eventField[e],
                        Float.intBitsToFloat((int) (means[k] >>> 32)), Float.intBitsToFloat((int) means[k]),
                        (sigmas[k] >>> 16) / 100f, (sigmas[k] & 0xFFFF) / 100f).encodeTo(history);
                i++;
            }
            rows.add(s, RatingReplay.OVERALL, replay.state(RatingReplay.OVERALL, s), history.toString());
            for (String category : categories) {
                RatingReplay.State state = replay.state(category, s);
                if (state != null) {
                    rows.add(s, category, state, null);
                }
            }
            if (++students % 50_000 == 0) {
                rows.checkpoint();
                progress.accept(70 + (int) (25L * i / size));
            }
        }
        rows.finish();
        return students;
    }
}
