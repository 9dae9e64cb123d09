package org.talentpipeline.competition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.talentpipeline.platform.Conflict;

/** What an edit may change in an event: everything while it holds no results, its name only once it does. */
class EventTest {

    private static final LocalDate START = LocalDate.of(2026, 5, 1);

    private static Event event() {
        return new Event(
                "E1",
                "Spring CTF",
                new Competition("SERIES", "Series", null),
                Level.NATIONAL,
                Format.JEOPARDY,
                1.0,
                START,
                START,
                List.of(new EventCategory("web", null)),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void withoutResultsEverythingMayChange() {
        Event e = event();
        e.revise(
                false,
                "Spring CTF 2026",
                Level.REGIONAL,
                Format.ATTACK_DEFENSE,
                0.5,
                START,
                START.plusDays(1),
                List.of(new EventCategory("pwn", null)));
        assertEquals(
                List.of("Spring CTF 2026", Level.REGIONAL, Format.ATTACK_DEFENSE, 0.5, START.plusDays(1), "pwn"),
                List.of(
                        e.getName(),
                        e.getLevel(),
                        e.getFormat(),
                        e.getWeight(),
                        e.getEndDate(),
                        e.getCategories().get(0).getName()));
    }

    @Test
    void withResultsTheNameMayChange() {
        Event e = event();
        e.revise(
                true,
                "Spring CTF (renamed)",
                Level.NATIONAL,
                Format.JEOPARDY,
                1.0,
                START,
                START,
                List.of(new EventCategory("web", null)));
        assertEquals("Spring CTF (renamed)", e.getName());
    }

    @Test
    void withResultsTheWeightMayNotChange() {
        Event e = event();
        assertThrows(
                Conflict.class,
                () -> e.revise(
                        true,
                        "Spring CTF",
                        Level.NATIONAL,
                        Format.JEOPARDY,
                        2.0,
                        START,
                        START,
                        List.of(new EventCategory("web", null))));
    }

    @Test
    void withResultsTheCategoriesMayNotChange() {
        Event e = event();
        assertThrows(
                Conflict.class,
                () -> e.revise(
                        true,
                        "Spring CTF",
                        Level.NATIONAL,
                        Format.JEOPARDY,
                        1.0,
                        START,
                        START,
                        List.of(new EventCategory("web", "PD-WRL-001"))));
    }
}
