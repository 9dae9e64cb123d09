package org.talentpipeline.competition;

import java.time.Instant;

/**
 * One line of a solve log: a competitor solved a challenge of a category at a time, for points;
 * for a team, {@code member} may name the student who solved it (null where the log does not say).
 */
public record Solve(String challenge, String category, String competitor, Instant time, double points, int row,
        String member) {

    public Solve(String challenge, String category, String competitor, Instant time, double points, int row) {
        this(challenge, category, competitor, time, points, row, null);
    }
}
