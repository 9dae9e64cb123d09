package org.talentpipeline.scoring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class RatingReplayTest {

    static final int STUDENTS = 300;

    /** Events a week apart; every third a team event of three; odd events report web and pwn points. */
    static List<RatingReplay.EventResults> events(int count, long seed) {
        Random random = new Random(seed);
        List<RatingReplay.EventResults> events = new ArrayList<>();
        for (int e = 0; e < count; e++) {
            List<Long> pool = new ArrayList<>();
            for (long s = 1; s <= STUDENTS; s++) {
                pool.add(s);
            }
            Collections.shuffle(pool, random);
            boolean teams = e % 3 == 2;
            int field = 20 + random.nextInt(60);
            List<RatingReplay.Entry> entries = new ArrayList<>();
            for (int k = 0; k < field; k++) {
                List<Placing.Member> members = new ArrayList<>();
                for (int m = 0; m < (teams ? 3 : 1); m++) {
                    members.add(new Placing.Member(pool.get(k * 3 + m), teams ? 1.0 / 3 : 1.0));
                }
                Map<String, Double> points = e % 2 == 1
                        ? Map.of("web", (double) random.nextInt(5) * 100, "pwn", (double) random.nextInt(400))
                        : Map.of();
                entries.add(new RatingReplay.Entry(members, k + 1 - (k % 7 == 3 ? 1 : 0), points));
            }
            events.add(new RatingReplay.EventResults(
                    1000 + e, 20000 + 7 * e + (e > 20 ? 400 : 0), 0.5 + e % 3 * 0.25, entries));
        }
        return events;
    }

    record Effect(long event, int day, float muBefore) {}

    @Test
    void continuingFromStoredStatesGivesExactlyTheFullReplay() {
        List<RatingReplay.EventResults> events = events(40, 7);
        RatingReplay full = new RatingReplay(new EloMmr(), 120);
        events.forEach(e -> full.rate(e, (id, category, student, place, field, before, after) -> {}));

        // the first 25 events, then what the rating rows keep: the state and the explanation's floats
        RatingReplay prefix = new RatingReplay(new EloMmr(), 120);
        Map<Long, List<Effect>> history = new HashMap<>();
        int day0 = 0;
        for (RatingReplay.EventResults e : events.subList(0, 25)) {
            prefix.rate(e, (id, category, student, place, field, before, after) -> {
                if (category.equals(RatingReplay.OVERALL)) {
                    history.computeIfAbsent(student, k -> new ArrayList<>())
                            .add(new Effect(id, e.day(), (float) before.mu()));
                }
            });
        }
        RatingReplay continued = new RatingReplay(new EloMmr(), 120);
        for (String category : prefix.categories()) {
            prefix.forEachState(category, (student, state) -> {
                List<Effect> h = category.equals(RatingReplay.OVERALL) ? history.get(student) : List.of();
                List<Effect> recent = h.subList(Math.max(0, h.size() - RatingReplay.RECENT), h.size());
                float[] means = new float[recent.size()];
                for (int i = 0; i < means.length; i++) {
                    means[i] = recent.get(i).muBefore();
                }
                continued.restore(
                        category,
                        student,
                        state.rating(),
                        state.lastEvent(),
                        state.lastDay(),
                        state.events(),
                        recent.stream().mapToInt(Effect::day).toArray(),
                        means);
            });
        }
        events.subList(25, 40)
                .forEach(e -> continued.rate(e, (id, category, student, place, field, before, after) -> {}));

        int compared = 0;
        for (String category : full.categories()) {
            for (long s = 1; s <= STUDENTS; s++) {
                RatingReplay.State a = full.state(category, s);
                RatingReplay.State b = continued.state(category, s);
                assertEquals(a, b, category + " student " + s);
                compared += a == null ? 0 : 1;
            }
        }
        assertTrue(compared > STUDENTS * 2, "compared " + compared);
        assertEquals(List.of("", "pwn", "web"), List.copyOf(full.categories()));
    }

    @Test
    void everyNewcomerOfALargeFieldGetsAStateOfTheirOwn() {
        // ids far apart and a field that fills the table past half: newcomers compete for the same free slots
        List<RatingReplay.Entry> entries = new ArrayList<>();
        for (int k = 0; k < 3000; k++) {
            entries.add(new RatingReplay.Entry(List.of(new Placing.Member(1_000_003L * k + 17, 1)), k + 1, Map.of()));
        }
        RatingReplay replay = new RatingReplay(new EloMmr(), 120);
        replay.rate(
                new RatingReplay.EventResults(1, 20000, 1, entries),
                (id, category, student, place, field, before, after) -> {});
        for (int k = 0; k < 3000; k++) {
            RatingReplay.State state = replay.state(RatingReplay.OVERALL, 1_000_003L * k + 17);
            assertNotNull(state, "entrant " + k);
            assertEquals(1, state.events(), "entrant " + k);
        }
        assertTrue(
                replay.state(RatingReplay.OVERALL, 17).rating().mu()
                        > replay.state(RatingReplay.OVERALL, 1_000_003L * 2999 + 17)
                                .rating()
                                .mu(),
                "the winner above the last");
    }

    /** Effects written down as text, in the order they arrive: event id, category, student, place, field, before, after. */
    private static RatingReplay.Effects written(List<String> effects) {
        return (id, category, student, place, field, before, after) ->
                effects.add(id + category + student + ":" + place + ":" + field + ":" + before + ":" + after);
    }

    @Test
    void aParallelReplayGivesTheOneThreadReplayAndItsEffectsInItsOrder() {
        List<RatingReplay.EventResults> events = events(30, 11);
        RatingReplay alone = new RatingReplay(new EloMmr(), 120);
        List<String> aloneEffects = new ArrayList<>();
        events.forEach(e -> alone.rate(e, written(aloneEffects)));
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            RatingReplay parallel = new RatingReplay(new EloMmr(), 120, threads);
            List<String> parallelEffects = new ArrayList<>();
            events.forEach(e -> parallel.rate(e, written(parallelEffects)));
            assertEquals(aloneEffects, parallelEffects);
            // wanting only the overall effects, each rating runs down a lane of its own, the caller not waiting
            RatingReplay lanes = new RatingReplay(new EloMmr(), 120, threads);
            List<String> overallEffects = new ArrayList<>();
            events.forEach(e -> lanes.rate(e, RatingReplay.Effects.overallOnly(written(overallEffects))));
            lanes.finish();
            // an overall effect reads event id, no category name, student
            assertEquals(
                    aloneEffects.stream().filter(e -> !e.matches("\\d+[a-z].*")).toList(), overallEffects);
            for (RatingReplay replay : List.of(parallel, lanes)) {
                assertEquals(alone.categories(), replay.categories());
                for (String category : alone.categories()) {
                    for (long s = 1; s <= STUDENTS; s++) {
                        assertEquals(alone.state(category, s), replay.state(category, s), category + " student " + s);
                    }
                }
            }
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void theOrderOfEntrantsChangesNothingAndCategoriesRankByPoints() {
        RatingReplay.EventResults event = events(2, 3).get(1);
        List<RatingReplay.Entry> shuffled = new ArrayList<>(event.entries());
        Collections.shuffle(shuffled, new Random(1));
        RatingReplay a = new RatingReplay(new EloMmr(), 120);
        RatingReplay b = new RatingReplay(new EloMmr(), 120);
        a.rate(event, (id, category, student, place, field, before, after) -> {});
        b.rate(
                new RatingReplay.EventResults(event.event(), event.day(), event.weight(), shuffled),
                (id, category, student, place, field, before, after) -> {});
        for (long s = 1; s <= STUDENTS; s++) {
            RatingReplay.State x = a.state("web", s);
            RatingReplay.State y = b.state("web", s);
            if (x != null) {
                assertEquals(x.rating().mu(), y.rating().mu(), 1e-9);
                assertEquals(x.rating().sigma(), y.rating().sigma(), 1e-9);
            }
        }
        List<Placing> web = RatingReplay.byPoints(
                List.of(
                        new RatingReplay.Entry(List.of(new Placing.Member(1, 1)), 1, Map.of("web", 10.0)),
                        new RatingReplay.Entry(List.of(new Placing.Member(2, 1)), 2, Map.of("web", 30.0)),
                        new RatingReplay.Entry(List.of(new Placing.Member(3, 1)), 3, Map.of("pwn", 50.0)),
                        new RatingReplay.Entry(List.of(new Placing.Member(4, 1)), 4, Map.of("web", 30.0))),
                "web");
        Map<Long, Integer> ranks = new HashMap<>();
        web.forEach(p -> ranks.put(p.members().get(0).student(), p.rank()));
        assertEquals(Map.of(2L, 1, 4L, 1, 1L, 3), ranks, "most points first, equal points tied, none is no evidence");
    }

    @Test
    void growthIsTheRiseOverTheEventsOfTheLastYear() {
        RatingReplay replay = new RatingReplay(new EloMmr(), 120);
        // student 1 wins four events a month apart, after one loss two years earlier
        List<Placing.Member> one = List.of(new Placing.Member(1, 1));
        List<Placing.Member> two = List.of(new Placing.Member(2, 1));
        replay.rate(
                new RatingReplay.EventResults(
                        1,
                        0,
                        1,
                        List.of(new RatingReplay.Entry(one, 2, Map.of()), new RatingReplay.Entry(two, 1, Map.of()))),
                (id, category, student, place, field, before, after) -> {});
        double start = replay.state("", 1).rating().mu();
        for (int e = 0; e < 4; e++) {
            replay.rate(
                    new RatingReplay.EventResults(
                            2 + e,
                            730 + 30 * e,
                            1,
                            List.of(
                                    new RatingReplay.Entry(one, 1, Map.of()),
                                    new RatingReplay.Entry(two, 2, Map.of()))),
                    (id, category, student, place, field, before, after) -> {});
        }
        RatingReplay.State state = replay.state("", 1);
        assertNotNull(state);
        assertEquals(4, state.recentEvents(), "the loss two years ago is outside the window");
        assertEquals(state.rating().mu() - (float) start, state.growth(), 1e-3);
        assertTrue(state.growth() > 0 && replay.state("", 2).growth() < 0);
        assertEquals(5, state.events());
        assertEquals(5, state.lastEvent());
    }

    @Test
    void ratesACategoryUnderItsCanonicalName() {
        RatingReplay replay = new RatingReplay(new EloMmr(), 120);
        replay.rate(
                new RatingReplay.EventResults(
                        1,
                        0,
                        1,
                        List.of(
                                new RatingReplay.Entry(List.of(new Placing.Member(1, 1)), 1, Map.of("Reversing", 20.0)),
                                new RatingReplay.Entry(List.of(new Placing.Member(2, 1)), 2, Map.of("rev", 10.0)))),
                (id, category, student, place, field, before, after) -> {});
        assertEquals(Set.of("", "rev"), replay.categories());
    }

    @Test
    void ratesNobodyInACategoryWithoutEvidence() {
        RatingReplay replay = new RatingReplay(new EloMmr(), 120);
        replay.rate(
                new RatingReplay.EventResults(
                        1,
                        0,
                        1,
                        List.of(
                                new RatingReplay.Entry(
                                        List.of(new Placing.Member(1, 1)), 1, Map.of("web", 20.0, "pwn", 0.0)),
                                new RatingReplay.Entry(
                                        List.of(new Placing.Member(2, 1)), 2, Map.of("web", 10.0, "pwn", 5.0)),
                                new RatingReplay.Entry(List.of(new Placing.Member(3, 1)), 3, Map.of("pwn", 5.0)))),
                (id, category, student, place, field, before, after) -> {});
        assertNull(replay.state("pwn", 1));
    }
}
