package org.talentpipeline.competition;

import java.time.Instant;

/**
 * One line of a solve log: a competitor solved a challenge of a category at a time, for points. A
 * team's line may name the member who submitted the flag ({@code member}, a student ref), so that
 * the integrity checks can speak of a person rather than the whole team; otherwise it is null.
 */
public record Solve(
        String challenge, String category, String competitor, String member, Instant time, double points, int row) {}
