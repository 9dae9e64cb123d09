package org.talentpipeline.scoring;

import java.util.ArrayList;
import java.util.List;
import org.talentpipeline.scoring.engine.RatingReplay;

/**
 * One event's effect on a student's overall rating: the explanation of the score, kept in the
 * student's rating row as "event:day:place:field size:mu before:mu after:sigma before:sigma after"
 * entries separated by ";" (the day as an epoch day, the means and deviations as floats; rows written
 * before settings 2026.12 have no deviations, read as NaN). One row per student instead of one per result
 * keeps a full recompute's writes to a million rows, not ten million.
 */
record HistoryEntry(
        long event,
        int day,
        int place,
        int fieldSize,
        float muBefore,
        float muAfter,
        float sigmaBefore,
        float sigmaAfter) {

    /**
     * A deviation as the explanation keeps it, to a hundredth of a point: the full recompute packs
     * it so, and an update must write the same text.
     */
    static float hundredths(double sigma) {
        return Math.min(0xFFFF, Math.max(0, Math.round(sigma * 100))) / 100f;
    }

    String encode() {
        return encodeTo(new StringBuilder(48)).toString();
    }

    /** Appends the encoded entry: a full recompute writes ten million of them, without a string each. */
    StringBuilder encodeTo(StringBuilder text) {
        return text.append(event)
                .append(':')
                .append(day)
                .append(':')
                .append(place)
                .append(':')
                .append(fieldSize)
                .append(':')
                .append(muBefore)
                .append(':')
                .append(muAfter)
                .append(':')
                .append(sigmaBefore)
                .append(':')
                .append(sigmaAfter);
    }

    /**
     * How much of an explanation's end holds its {@link RatingReplay#RECENT} last entries whole, however
     * long it is: one entry more, of at most 128 characters each (eight numbers, the longest a long's 19
     * digits). An update reads no more of it ({@link #recent} of that end).
     */
    static final int TAIL = (RatingReplay.RECENT + 1) * 128;

    /**
     * The last {@code count} entries, oldest first, read from the end: an update needs a student's
     * recent events only, and a long history is not parsed whole for them.
     */
    static List<HistoryEntry> recent(String history, int count) {
        if (history == null || history.isEmpty() || count <= 0) {
            return new ArrayList<>();
        }
        // the separator before the oldest entry wanted, or -1 when the history has no more entries than that
        int start = history.length();
        for (int found = 0; found < count && start > 0; found++) {
            start = history.lastIndexOf(';', start - 1);
        }
        return parse(history.substring(start + 1));
    }

    static List<HistoryEntry> parse(String history) {
        List<HistoryEntry> effects = new ArrayList<>();
        if (history == null || history.isEmpty()) {
            return effects;
        }
        for (String entry : history.split(";")) {
            String[] f = entry.split(":");
            effects.add(new HistoryEntry(
                    Long.parseLong(f[0]),
                    Integer.parseInt(f[1]),
                    Integer.parseInt(f[2]),
                    Integer.parseInt(f[3]),
                    Float.parseFloat(f[4]),
                    Float.parseFloat(f[5]),
                    f.length > 7 ? Float.parseFloat(f[6]) : Float.NaN,
                    f.length > 7 ? Float.parseFloat(f[7]) : Float.NaN));
        }
        return effects;
    }
}
