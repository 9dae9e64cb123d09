package org.talentpipeline.integrity;

import java.util.List;
import java.util.Map;
import org.talentpipeline.competition.Solve;
import org.talentpipeline.competition.SolvesStored;
import org.talentpipeline.competition.Submission;
import org.talentpipeline.competition.TeamFlag;
import org.talentpipeline.competition.TeamRule;

/**
 * An event's solve evidence as the detectors read it: plain Java, no container, so that the
 * benchmark feeds them generated logs. {@code members} gives each competitor's students (a
 * student's entry: the student alone).
 */
public record Evidence(
        String eventCode,
        TeamRule teamRule,
        List<Solve> solves,
        List<Submission> submissions,
        List<TeamFlag> flags,
        Map<String, List<SolvesStored.Member>> members) {

    public Evidence {
        solves = List.copyOf(solves);
        submissions = List.copyOf(submissions);
        flags = List.copyOf(flags);
        members = Map.copyOf(members);
    }

    static Evidence of(SolvesStored stored) {
        return new Evidence(
                stored.eventCode(),
                stored.teamRule(),
                stored.solves(),
                stored.submissions(),
                stored.flags(),
                stored.members());
    }

    /**
     * Who did it, as precisely as the data allows: the member who submitted when the log names one of
     * the competitor's members, else the competitor (a student's ref, or a team's name).
     */
    String actor(String competitor, String member) {
        if (member != null) {
            for (SolvesStored.Member m : members.getOrDefault(competitor, List.of())) {
                if (m.ref().equalsIgnoreCase(member)) {
                    return m.ref();
                }
            }
        }
        return competitor;
    }

    /** The students an actor stands for: the student named, or all the members of a team. */
    List<SolvesStored.Member> students(String actor) {
        List<SolvesStored.Member> own = members.get(actor);
        if (own != null) {
            return own;
        }
        for (List<SolvesStored.Member> team : members.values()) {
            for (SolvesStored.Member m : team) {
                if (m.ref().equals(actor)) {
                    return List.of(m);
                }
            }
        }
        return List.of();
    }

    /** The competitor (team or student entry) an actor belongs to. */
    String competitorOf(String actor) {
        if (members.containsKey(actor)) {
            return actor;
        }
        for (Map.Entry<String, List<SolvesStored.Member>> e : members.entrySet()) {
            for (SolvesStored.Member m : e.getValue()) {
                if (m.ref().equals(actor)) {
                    return e.getKey();
                }
            }
        }
        return actor;
    }
}
