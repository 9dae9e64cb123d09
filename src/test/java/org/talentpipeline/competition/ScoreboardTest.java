package org.talentpipeline.competition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreboardTest {

    static ResultFormats.Parsed read(ResultFormats.Kind kind, boolean csv, String body) throws IOException {
        return ResultFormats.read(kind, csv, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    static String places(List<Standing> standings) {
        return String.join(
                " ",
                standings.stream().map(s -> s.place() + ":" + s.competitor()).toList());
    }

    /*
     * Worked example. Solves (points at time):
     *   A: web 100 @10:00, pwn 200 @10:30            -> 300, final score reached 10:30
     *   B: pwn 200 @10:10, web 100 @10:20            -> 300, reached 10:20  (earlier than A: B first)
     *   C: crypto 300 @09:00                         -> 300, reached 09:00  (earliest: C first of the three)
     *   D: web 100 @10:20, crypto 50 @10:20          -> 150
     *   E: web 100 @10:05, crypto 50 @10:20          -> 150, reached 10:20 (same points, same time as D: tie)
     * CTFd order: C (300, 09:00), B (300, 10:20), A (300, 10:30), D and E tied at 4.
     */
    @Test
    void aSolveLogRanksAsCtfdDoes() throws IOException {
        String log = "challenge,category,competitor,time,points\n"
                + "w1,web,A,2026-05-01T10:00:00Z,100\n"
                + "p1,pwn,A,2026-05-01T10:30:00Z,200\n"
                + "p1,pwn,B,2026-05-01T10:10:00Z,200\n"
                + "w1,web,B,2026-05-01T10:20:00Z,100\n"
                + "c1,crypto,C,2026-05-01T09:00:00Z,300\n"
                + "w1,web,D,2026-05-01T10:20:00Z,100\n"
                + "c2,crypto,D,2026-05-01T10:20:00Z,50\n"
                + "w1,web,E,2026-05-01T10:05:00Z,100\n"
                + "c2,crypto,E,2026-05-01 10:20:00,50\n";
        ResultFormats.Parsed parsed = read(ResultFormats.Kind.SOLVES, true, log);
        assertTrue(parsed.problems().isEmpty(), parsed.problems().toString());
        assertEquals("1:C 2:B 3:A 4:D 4:E", places(parsed.standings()));
        Standing a = parsed.standings().get(2);
        assertEquals(300, a.points());
        assertEquals(Map.of("web", 100.0, "pwn", 200.0), a.categories());
        assertEquals(Instant.parse("2026-05-01T10:30:00Z"), a.reachedAt());
    }

    @Test
    void theSameLogAsJsonGivesTheSameBoard() throws IOException {
        String log =
                "[{\"challenge\":\"w1\",\"category\":\"web\",\"competitor\":\"A\",\"time\":\"2026-05-01T10:00:00Z\",\"points\":100},"
                        + "{\"challenge\":\"w1\",\"category\":\"web\",\"competitor\":\"B\",\"time\":\"2026-05-01T09:00:00Z\",\"points\":100},"
                        + "{\"challenge\":\"p1\",\"category\":\"pwn\",\"competitor\":\"A\",\"time\":\"2026-05-01T11:00:00Z\",\"points\":50}]";
        ResultFormats.Parsed parsed = read(ResultFormats.Kind.SOLVES, false, log);
        assertEquals("1:A 2:B", places(parsed.standings()));
    }

    @Test
    void aChallengeSolvedTwiceOrNegativePointsAreProblemsWithTheirRow() throws IOException {
        ResultFormats.Parsed parsed = read(
                ResultFormats.Kind.SOLVES,
                true,
                "challenge,category,competitor,time,points\n"
                        + "w1,web,A,2026-05-01T10:00:00Z,100\n"
                        + "w1,web,A,2026-05-01T10:05:00Z,100\n"
                        + "w2,web,B,2026-05-01T10:05:00Z,-5\n"
                        + "w3,web,B,yesterday,5\n");
        assertEquals(
                List.of(3, 4, 5),
                parsed.problems().stream().map(ResultProblem::row).sorted().toList());
    }

    @Test
    void aRankingKeepsItsTiesAndItsCategories() throws IOException {
        ResultFormats.Parsed parsed = read(
                ResultFormats.Kind.RANKING,
                true,
                "place,competitor,points,members,category:web,category:pwn\n"
                        + "1,Team Red,900,XDU/1;XDU/2,500,400\n"
                        + "2,XDU/3,700,,700,\n"
                        + "2,XDU/4,700,,,700\n"
                        + "4,XDU/5,100,,,\n");
        assertTrue(parsed.problems().isEmpty(), parsed.problems().toString());
        assertEquals("1:Team Red 2:XDU/3 2:XDU/4 4:XDU/5", places(parsed.standings()));
        assertEquals(List.of("XDU/1", "XDU/2"), parsed.standings().get(0).members());
        assertEquals(
                Map.of("web", 500.0, "pwn", 400.0), parsed.standings().get(0).categories());
        assertEquals(Map.of("web", 700.0), parsed.standings().get(1).categories());
    }

    @Test
    void aJsonRankingReadsMembersAndCategories() throws IOException {
        ResultFormats.Parsed parsed = read(
                ResultFormats.Kind.RANKING,
                false,
                "[{\"place\":2,\"competitor\":\"XDU/9\",\"points\":10},"
                        + "{\"place\":1,\"competitor\":\"Blue\",\"points\":20,\"members\":[\"XDU/7\",\"XDU/8\"],\"categories\":{\"web\":20}}]");
        assertEquals("1:Blue 2:XDU/9", places(parsed.standings()));
        assertEquals(List.of("XDU/7", "XDU/8"), parsed.standings().get(0).members());
    }

    @Test
    void aCtfdScoreboardWithTeamMembers() throws IOException {
        String body =
                "{\"success\":true,\"data\":[{\"pos\":1,\"account_id\":3,\"account_url\":\"/teams/3\",\"account_type\":\"team\","
                        + "\"oauth_id\":null,\"name\":\"Kernel Panic\",\"score\":1500,\"members\":[{\"id\":7,\"oauth_id\":null,"
                        + "\"name\":\"XDU/20230001\",\"score\":900},{\"id\":8,\"oauth_id\":null,\"name\":\"XDU/20230002\",\"score\":600}]},"
                        + "{\"pos\":2,\"account_id\":4,\"account_url\":\"/teams/4\",\"account_type\":\"team\",\"oauth_id\":null,"
                        + "\"name\":\"Null Route\",\"score\":1200,\"members\":[]}]}";
        ResultFormats.Parsed parsed = read(ResultFormats.Kind.CTFD, false, body);
        assertTrue(parsed.problems().isEmpty(), parsed.problems().toString());
        assertEquals("1:Kernel Panic 2:Null Route", places(parsed.standings()));
        assertEquals(
                List.of("XDU/20230001", "XDU/20230002"),
                parsed.standings().get(0).members());
    }

    @Test
    void badFilesAreNamedProblems() throws IOException {
        assertEquals(
                0,
                read(ResultFormats.Kind.RANKING, false, "[{\"place\":1,")
                        .problems()
                        .get(0)
                        .row());
        assertTrue(read(ResultFormats.Kind.RANKING, false, "[{\"place\":1,")
                .problems()
                .get(0)
                .message()
                .startsWith("malformed JSON"));
        assertEquals(
                "the file holds no results",
                read(ResultFormats.Kind.RANKING, false, "[]").problems().get(0).message());
        assertEquals(1, read(ResultFormats.Kind.RANKING, true, "").problems().size());
        ResultFormats.Parsed negative =
                read(ResultFormats.Kind.RANKING, true, "place,competitor,points\n1,A,-3\n0,B,2\n");
        assertEquals(
                List.of("points", "place"),
                negative.problems().stream().map(ResultProblem::field).toList());
        ResultFormats.Parsed missing = read(ResultFormats.Kind.RANKING, true, "place,competitor\n1,A\n");
        assertEquals("points", missing.problems().get(0).field());
        assertEquals(1, missing.problems().get(0).row());
        ResultFormats.Parsed notCtfd = read(ResultFormats.Kind.CTFD, false, "{\"teams\":[]}");
        assertEquals("data", notCtfd.problems().get(0).field());
    }
}
