package org.talentpipeline.competition;

import java.util.List;
import java.util.Map;

/**
 * Fired inside the transaction that stored an event's results, when they came with solve evidence
 * (a solve log, or a CTFd export with its submissions) or the event has a team rule: the solves, the submissions right and
 * wrong, the per-team dynamic flags, every competitor's members, and the event's team rule.
 * Observers that keep the evidence write it in that transaction, so results and evidence stand or
 * fall together; the competition area itself knows nothing of who observes.
 */
public record SolvesStored(
        String eventCode,
        String storedBy,
        TeamRule teamRule,
        List<Solve> solves,
        List<Submission> submissions,
        List<TeamFlag> flags,
        Map<String, List<Member>> members) {

    /** A student competing, by ref and id; a team's members, or an individual's own entry. */
    public record Member(String ref, long studentId) {

        /** The school code of the ref ({@code XDU} of {@code XDU/2023001}). */
        public String schoolCode() {
            return ref.substring(0, ref.indexOf('/'));
        }
    }

    public SolvesStored {
        solves = List.copyOf(solves);
        submissions = List.copyOf(submissions);
        flags = List.copyOf(flags);
        members = Map.copyOf(members);
    }
}
