package org.talentpipeline.scoring.engine;

import java.util.List;

/**
 * One competitor of a match: its members (one for an individual) and its rank, 1 the best; equal
 * ranks are ties. A member's {@code share} (summing to 1 in a team) says how much of the team's
 * update they take.
 */
public record Placing(List<Member> members, int rank) {

    public record Member(long student, double share) {}

    public static Placing individual(long student, int rank) {
        return new Placing(List.of(new Member(student, 1.0)), rank);
    }

    /** How many members a match has: the length of the arrays a model rates it in. */
    public static int members(List<Placing> match) {
        int size = 0;
        for (Placing p : match) {
            size += p.members().size();
        }
        return size;
    }
}
