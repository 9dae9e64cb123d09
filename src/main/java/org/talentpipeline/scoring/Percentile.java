package org.talentpipeline.scoring;

/**
 * The percentile rules, in one place. A talent score's percentile in a group of rated students is
 * the share (0-100, to one decimal) of the others in the group whose talent score is lower; there
 * is none when fewer than two are rated. The least score that reaches a percentile (the recruiters'
 * category filter, the top-1% figure) counts the others at or below it. A place in one event's
 * field has its own percentile: 100 for the first, 0 for the last.
 *
 * <p>The reports and thresholds count over many rows in SQL: each SQL form stands here beside its
 * Java one, and {@code PercentileTest} holds them to the same answer.
 */
public final class Percentile {

    private Percentile() {}

    /** The percentile of a score with {@code lower} of the {@code rated} in its group (itself included) below it. */
    public static Double of(long lower, long rated) {
        return rated <= 1 ? null : Math.round(1000.0 * lower / (rated - 1)) / 10.0;
    }

    /** The percentile of {@code score} in a group whose scores (the student's own among them) are {@code group}. */
    public static Double among(double score, double... group) {
        long lower = 0;
        for (double s : group) {
            if (s < score) {
                lower++;
            }
        }
        return of(lower, group.length);
    }

    /**
     * {@link #among} in SQL: the select list of the two counts {@link #of(long, long)}
     * takes, over rows whose talent score is {@code peerScore}, for the score {@code score} (a column or
     * {@code ?}).
     */
    public static String countsSql(String peerScore, String score) {
        return "sum(case when " + peerScore + " < " + score + " then 1 else 0 end), count(*)";
    }

    /**
     * The least score of the group at which the others at or below it are at least {@code percentile}
     * percent of the others; {@link Double#MAX_VALUE} when the group is empty.
     */
    public static double leastScore(double percentile, double... group) {
        double least = Double.MAX_VALUE;
        for (double candidate : group) {
            long atOrBelow = -1; // itself is not one of the others
            for (double s : group) {
                if (s <= candidate) {
                    atOrBelow++;
                }
            }
            if (atOrBelow >= percentile / 100 * (group.length - 1) && candidate < least) {
                least = candidate;
            }
        }
        return least;
    }

    /**
     * {@link #leastScore} in SQL: after the rows of the group, this clause picks the one score; its
     * one parameter is {@link #leastScoreOffset}.
     */
    public static String leastScoreSql(String score) {
        return " order by " + score + " offset ? rows fetch next 1 rows only";
    }

    /** The parameter of {@link #leastScoreSql} for a group of {@code rated} (at least one). */
    public static long leastScoreOffset(double percentile, long rated) {
        return Math.min((long) Math.ceil(percentile / 100 * (rated - 1)), rated - 1);
    }

    /** A place in an event's field as a percentile: 100 for the first, 0 for the last; a field of one is 100. */
    public static double ofPlace(int place, int fieldSize) {
        if (fieldSize <= 1) {
            return 100;
        }
        return 100.0 * (fieldSize - Math.min(Math.max(place, 1), fieldSize)) / (fieldSize - 1);
    }
}
