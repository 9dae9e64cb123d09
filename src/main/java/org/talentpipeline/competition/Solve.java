package org.talentpipeline.competition;

import java.time.Instant;

/** One line of a solve log: a competitor solved a challenge of a category at a time, for points. */
public record Solve(String challenge, String category, String competitor, Instant time, double points, int row) {
}
