package org.talentpipeline.scoring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WholeHistoryTest {

    private static final EloMmr MODEL = new EloMmr(1500, 500, 350, 40);

    private static List<WholeHistory.Match> matches() {
        CohortSimulation sim = new CohortSimulation(
                new CohortSimulation.Regime("test", 300, 12, 0, 20, 120, 365, 0.6, 0.1, 0.25, 0.6, 0.5, false), 7);
        List<WholeHistory.Match> matches = new ArrayList<>();
        for (CohortSimulation.Event e : sim.events()) {
            matches.add(new WholeHistory.Match(e.day(), e.weight(), e.standings()));
        }
        return matches;
    }

    @Test
    void withoutPassesIsTheForwardReplay() {
        List<WholeHistory.Match> matches = matches();
        Map<Long, Rating> forward = new HashMap<>();
        Map<Long, Integer> lastDay = new HashMap<>();
        for (WholeHistory.Match m : matches) {
            Map<Long, Rating> before = new HashMap<>();
            m.standings().forEach(p -> p.members().forEach(member -> {
                Rating r = forward.get(member.student());
                if (r != null) {
                    before.put(member.student(), r.aged(m.day() - lastDay.get(member.student()), 120, 500));
                }
            }));
            forward.putAll(MODEL.rate(m.standings(), before, m.weight()));
            m.standings().forEach(p -> p.members().forEach(member -> lastDay.put(member.student(), m.day())));
        }
        Map<Long, Rating> replayed = new WholeHistory(MODEL, 120, 0).run(matches);
        forward.forEach((id, r) -> assertEquals(r.mu(), replayed.get(id).mu(), 1e-6, "student " + id));
    }

    @Test
    void smoothingMovesPastPerformancesAgainstLaterRatings() {
        List<WholeHistory.Match> matches = matches();
        Map<Long, Rating> forward = new WholeHistory(MODEL, 120, 0).run(matches);
        Map<Long, Rating> smoothed = new WholeHistory(MODEL, 120, 1).run(matches);
        assertNotEquals(forward, smoothed);
    }

    /**
     * "Incremental equals recompute": a recompute smoothed up to event N, then the next event rated
     * forward from its states (the incremental update), gives exactly what run(events, N) does.
     */
    @Test
    void anUpdateAfterARecomputeIsTheRecomputeSmoothedUpToTheLastRecompute() {
        List<WholeHistory.Match> matches = matches();
        int n = matches.size() - 1;
        WholeHistory history = new WholeHistory(MODEL, 120, 1);
        Map<Long, Rating> recomputed = history.run(matches.subList(0, n));
        Map<Long, Integer> lastDay = new HashMap<>();
        for (WholeHistory.Match m : matches.subList(0, n)) {
            m.standings().forEach(p -> p.members().forEach(member -> lastDay.put(member.student(), m.day())));
        }
        WholeHistory.Match next = matches.get(n);
        Map<Long, Rating> before = new HashMap<>();
        next.standings().forEach(p -> p.members().forEach(member -> {
            Rating r = recomputed.get(member.student());
            if (r != null) {
                before.put(member.student(), r.aged(next.day() - lastDay.get(member.student()), 120, 500));
            }
        }));
        Map<Long, Rating> updated = new HashMap<>(recomputed);
        updated.putAll(MODEL.rate(next.standings(), before, next.weight()));
        Map<Long, Rating> cut = history.run(matches, n);
        assertEquals(updated, cut);
    }
}
