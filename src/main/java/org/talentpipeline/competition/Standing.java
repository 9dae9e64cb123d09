package org.talentpipeline.competition;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One competitor's line on a scoreboard, as a result file gives it or a solve log yields it. The
 * competitor is a student ref ({@code XDU/2023001}) or a team name; a team may list its members'
 * refs. {@code row} is where it came from in the file (a CSV line, or the JSON entry from 1).
 * {@code memberPoints}: a team member's own points by ref, where the file names them (a solve log's
 * {@code member}, a CTFd scoreboard's member scores); empty where it does not.
 */
public record Standing(
        int place,
        String competitor,
        double points,
        List<String> members,
        Map<String, Double> categories,
        Instant reachedAt,
        int row,
        Map<String, Double> memberPoints) {

    public Standing(
            int place,
            String competitor,
            double points,
            List<String> members,
            Map<String, Double> categories,
            Instant reachedAt,
            int row) {
        this(place, competitor, points, members, categories, reachedAt, row, Map.of());
    }

    public Standing withPlace(int newPlace) {
        return new Standing(newPlace, competitor, points, members, categories, reachedAt, row, memberPoints);
    }
}
