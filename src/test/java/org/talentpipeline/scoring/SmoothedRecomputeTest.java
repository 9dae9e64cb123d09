package org.talentpipeline.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.talentpipeline.competition.ResultRows;
import org.talentpipeline.scoring.engine.CohortSimulation;
import org.talentpipeline.scoring.engine.EloMmr;
import org.talentpipeline.scoring.engine.HistorySmoothing;
import org.talentpipeline.scoring.engine.Placing;
import org.talentpipeline.scoring.engine.Rating;
import org.talentpipeline.scoring.engine.RatingReplay;
import org.talentpipeline.scoring.engine.WholeHistory;

/**
 * The full recompute's smoothing (the replay's log smoothed in place, {@link EffectLog#smooth})
 * against the reference {@link WholeHistory}, and what "incremental equals recompute" means with
 * it: an update after a recompute continues forward from the smoothed states.
 */
class SmoothedRecomputeTest {

    private static final ScoringSettings SETTINGS = ScoringSettings.V2026_12_SMOOTHED;
    private static final EloMmr MODEL = (EloMmr) SETTINGS.model();
    /** Floats in the log, doubles in the reference: a few hundredths of a rating point apart. */
    private static final double CLOSE = 0.05;

    /**
     * A simulated cohort, every third event's entrants paired into teams of two sharing a place, the
     * first member with 0.7 of the team's update (as where the results name who scored what).
     */
    private static List<RatingReplay.EventResults> events() {
        CohortSimulation sim = new CohortSimulation(
                new CohortSimulation.Regime("test", 300, 14, 0, 20, 120, 365, 0.6, 0.1, 0.25, 0.6, 0.5, false), 11);
        List<RatingReplay.EventResults> events = new ArrayList<>();
        int id = 1;
        for (CohortSimulation.Event e : sim.events()) {
            List<Placing> standings = e.standings();
            List<RatingReplay.Entry> entries = new ArrayList<>();
            boolean teams = id % 3 == 0;
            for (int i = 0; i < standings.size(); i += teams ? 2 : 1) {
                if (teams && i + 1 < standings.size()) {
                    entries.add(new RatingReplay.Entry(
                            List.of(
                                    new Placing.Member(
                                            standings.get(i).members().get(0).student(), 0.7),
                                    new Placing.Member(
                                            standings
                                                    .get(i + 1)
                                                    .members()
                                                    .get(0)
                                                    .student(),
                                            0.3)),
                            standings.get(i).rank(),
                            Map.of()));
                } else {
                    entries.add(new RatingReplay.Entry(
                            standings.get(i).members(), standings.get(i).rank(), Map.of()));
                }
            }
            events.add(new RatingReplay.EventResults(id++, e.day(), e.weight(), entries));
        }
        return events;
    }

    private static List<WholeHistory.Match> matches(List<RatingReplay.EventResults> events) {
        return events.stream()
                .map(e -> new WholeHistory.Match(
                        e.day(),
                        e.weight(),
                        e.entries().stream()
                                .map(entry -> new Placing(entry.members(), entry.place()))
                                .toList()))
                .toList();
    }

    /** The recompute's path: the replay logging observations, the log smoothed, the rows written. */
    private static Map<Long, RatingReplay.State> recompute(
            List<RatingReplay.EventResults> events, RatingReplay replay, Map<Long, String> histories) throws Exception {
        List<ResultRows.RatedEvent> rated = events.stream()
                .map(e -> new ResultRows.RatedEvent(
                        e.event(), "E" + e.event(), LocalDate.ofEpochDay(e.day()), e.weight()))
                .toList();
        EffectLog log = new EffectLog(rated, true, SETTINGS);
        for (int i = 0; i < events.size(); i++) {
            int index = i;
            replay.rate(events.get(i), RatingReplay.Effects.overallOnly(new LoggedEffects(log, index, true)));
        }
        log.smooth(new HistorySmoothing(MODEL, SETTINGS.sigmaGrowthPerYear(), SETTINGS.smoothingPasses()), null);
        Map<Long, RatingReplay.State> rows = new HashMap<>();
        log.write(
                replay,
                new NextRatingRows() {
                    @Override
                    void add(long student, String category, RatingReplay.State state, String history) {
                        if (RatingReplay.OVERALL.equals(category)) {
                            rows.put(student, state);
                            histories.put(student, history);
                        }
                    }

                    @Override
                    void checkpoint() {}

                    @Override
                    void finish() {}
                },
                percent -> {});
        return rows;
    }

    @Test
    void theRecomputeIsTheReferenceSmoothing() throws Exception {
        List<RatingReplay.EventResults> events = events();
        Map<Long, RatingReplay.State> rows =
                recompute(events, new RatingReplay(MODEL, SETTINGS.sigmaGrowthPerYear()), new HashMap<>());
        Map<Long, Rating> reference = new WholeHistory(MODEL, SETTINGS.sigmaGrowthPerYear(), 1).run(matches(events));
        assertEquals(reference.keySet(), rows.keySet());
        reference.forEach((student, r) -> {
            assertEquals(r.mu(), rows.get(student).rating().mu(), CLOSE, "mu of " + student);
            assertEquals(r.sigma(), rows.get(student).rating().sigma(), CLOSE, "sigma of " + student);
        });
    }

    @Test
    void smoothingMovesTheRatingsAwayFromTheForwardReplay() throws Exception {
        List<RatingReplay.EventResults> events = events();
        Map<Long, RatingReplay.State> rows =
                recompute(events, new RatingReplay(MODEL, SETTINGS.sigmaGrowthPerYear()), new HashMap<>());
        Map<Long, Rating> forward = new WholeHistory(MODEL, SETTINGS.sigmaGrowthPerYear(), 0).run(matches(events));
        double moved = forward.entrySet().stream()
                .mapToDouble(f -> Math.abs(
                        f.getValue().mu() - rows.get(f.getKey()).rating().mu()))
                .max()
                .orElse(0);
        assertTrue(moved > 10, "the largest move by smoothing: " + moved);
    }

    @Test
    void theExplanationEndsAtTheSmoothedRating() throws Exception {
        Map<Long, String> histories = new HashMap<>();
        Map<Long, RatingReplay.State> rows =
                recompute(events(), new RatingReplay(MODEL, SETTINGS.sigmaGrowthPerYear()), histories);
        rows.forEach((student, state) -> {
            List<HistoryEntry> history = HistoryEntry.parse(histories.get(student));
            assertEquals(state.events(), history.size(), "events of " + student);
            assertEquals(
                    (float) state.rating().mu(), history.get(history.size() - 1).muAfter(), "mu of " + student);
        });
    }

    /**
     * "Incremental equals recompute": the recompute of events 1 to N, then event N + 1 rated forward
     * on the states it left (as the update does on the stored rows), gives what the reference gives
     * smoothed up to N and forward after it.
     */
    @Test
    void anUpdateAfterTheRecomputeContinuesForwardFromTheSmoothedStates() throws Exception {
        List<RatingReplay.EventResults> events = events();
        int n = events.size() - 1;
        RatingReplay replay = new RatingReplay(MODEL, SETTINGS.sigmaGrowthPerYear());
        recompute(events.subList(0, n), replay, new HashMap<>());
        replay.rate(events.get(n), (event, category, student, place, field, before, after) -> {});
        Map<Long, Rating> reference = new WholeHistory(MODEL, SETTINGS.sigmaGrowthPerYear(), 1).run(matches(events), n);
        reference.forEach((student, r) -> {
            assertEquals(
                    r.mu(), replay.state(RatingReplay.OVERALL, student).rating().mu(), CLOSE, "mu of " + student);
            assertEquals(
                    r.sigma(),
                    replay.state(RatingReplay.OVERALL, student).rating().sigma(),
                    CLOSE,
                    "sigma of " + student);
        });
    }
}
