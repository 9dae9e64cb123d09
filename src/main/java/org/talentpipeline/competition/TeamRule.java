package org.talentpipeline.competition;

import java.util.Collection;

/**
 * Who may form a team at an event. {@code OPEN}: anyone; {@code ONE_SCHOOL}: all members of a team
 * from one school (a school league), so a team that mixes schools is not eligible.
 */
public enum TeamRule {
    OPEN,
    ONE_SCHOOL;

    /** Whether a team whose members come from these schools may compete under the rule. */
    public boolean allows(Collection<String> memberSchools) {
        return this == OPEN || memberSchools.stream().distinct().count() <= 1;
    }
}
