package org.talentpipeline.competition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scoreboard rules. A solve log becomes a scoreboard as CTFd ranks one: points descending, then
 * the earlier time at which the final score was reached. Competitors equal on both share a place
 * (standard competition ranking: 1, 2, 2, 4). Plain Java, no container.
 */
public final class Scoreboard {

    private Scoreboard() {}

    /** The scoreboard a solve log yields; problems (negative points, a challenge solved twice) are added to the list. */
    public static List<Standing> fromSolves(List<Solve> solves, List<ResultProblem> problems) {
        Map<String, Totals> byCompetitor = new LinkedHashMap<>();
        Set<String> solved = new HashSet<>();
        for (Solve s : solves) {
            if (s.points() < 0) {
                problems.add(new ResultProblem(s.row(), "points", "must not be negative"));
                continue;
            }
            if (!solved.add(s.competitor() + "\u0000" + s.challenge())) {
                problems.add(new ResultProblem(
                        s.row(), "challenge", s.competitor() + " solved " + s.challenge() + " more than once"));
                continue;
            }
            Totals t = byCompetitor.computeIfAbsent(s.competitor(), c -> new Totals(c, s.row()));
            t.points += s.points();
            t.categories.merge(s.category(), s.points(), Double::sum);
            if (s.member() != null) {
                t.memberPoints.merge(s.member(), s.points(), Double::sum);
            }
            if (t.reachedAt == null || s.time().isAfter(t.reachedAt)) {
                t.reachedAt = s.time();
            }
        }
        List<Standing> unranked = byCompetitor.values().stream()
                .map(t -> new Standing(
                        0,
                        t.competitor,
                        t.points,
                        List.of(),
                        Map.copyOf(t.categories),
                        t.reachedAt,
                        t.row,
                        Map.copyOf(t.memberPoints)))
                .toList();
        return rank(
                unranked,
                Comparator.comparingDouble(Standing::points)
                        .reversed()
                        .thenComparing(Standing::reachedAt, Comparator.nullsLast(Comparator.naturalOrder())));
    }

    /**
     * Orders standings that carry their places (a ranking file). Places must be 1 or more; equal
     * places are ties and stay ties.
     */
    public static List<Standing> ranked(List<Standing> standings, List<ResultProblem> problems) {
        for (Standing s : standings) {
            if (s.place() < 1) {
                problems.add(new ResultProblem(s.row(), "place", "must be 1 or more"));
            }
            if (s.points() < 0) {
                problems.add(new ResultProblem(s.row(), "points", "must not be negative"));
            }
            s.categories().forEach((category, points) -> {
                if (points < 0) {
                    problems.add(new ResultProblem(s.row(), "category:" + category, "must not be negative"));
                }
            });
        }
        List<Standing> sorted = new ArrayList<>(standings);
        sorted.sort(Comparator.comparingInt(Standing::place)
                .thenComparing(Comparator.comparingDouble(Standing::points).reversed()));
        return sorted;
    }

    /** Gives places in the order given; neighbours equal under the order share a place. */
    static List<Standing> rank(List<Standing> standings, Comparator<Standing> order) {
        List<Standing> sorted = new ArrayList<>(standings);
        sorted.sort(order);
        List<Standing> placed = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            boolean tied = i > 0 && order.compare(sorted.get(i - 1), sorted.get(i)) == 0;
            placed.add(sorted.get(i).withPlace(tied ? placed.get(i - 1).place() : i + 1));
        }
        return placed;
    }

    private static final class Totals {
        final String competitor;
        final int row;
        double points;
        Instant reachedAt;
        final Map<String, Double> categories = new TreeMap<>();
        /** a team's points by the member who scored them, where the log names them */
        final Map<String, Double> memberPoints = new TreeMap<>();

        Totals(String competitor, int row) {
            this.competitor = competitor;
            this.row = row;
        }
    }
}
