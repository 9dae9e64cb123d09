package org.talentpipeline.competition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A team member's own points, where a solve log or a CTFd scoreboard names them (issue 22, d). */
class MemberPointsTest {

    private static final String LOG = "challenge,category,competitor,time,points,member\n"
            + "w1,web,Team Red,2026-05-01T10:00:00Z,100,XDU/1\n"
            + "p1,pwn,Team Red,2026-05-01T10:30:00Z,200,XDU/1\n"
            + "c1,crypto,Team Red,2026-05-01T10:40:00Z,50,XDU/2\n"
            + "w1,web,Team Blue,2026-05-01T10:10:00Z,100,\n";

    @Test
    void aSolveLogSumsEachNamedMembersPoints() throws IOException {
        Standing red = ScoreboardTest.read(ResultFormats.Kind.SOLVES, true, LOG)
                .standings()
                .get(0);
        assertEquals(Map.of("XDU/1", 300.0, "XDU/2", 50.0), red.memberPoints());
    }

    @Test
    void aSolveLogWithoutMembersNamesNone() throws IOException {
        Standing blue = ScoreboardTest.read(ResultFormats.Kind.SOLVES, true, LOG)
                .standings()
                .get(1);
        assertEquals(Map.of(), blue.memberPoints());
    }

    @Test
    void aJsonSolveLogTakesItsMemberField() throws IOException {
        Standing red = ScoreboardTest.read(
                        ResultFormats.Kind.SOLVES,
                        false,
                        "[{\"challenge\":\"w1\",\"category\":\"web\","
                                + "\"competitor\":\"Team Red\",\"time\":\"2026-05-01T10:00:00Z\",\"points\":100,\"member\":\"XDU/2\"}]")
                .standings()
                .get(0);
        assertEquals(Map.of("XDU/2", 100.0), red.memberPoints());
    }

    @Test
    void aJsonSolveLogsMemberMustBeText() throws IOException {
        var parsed = ScoreboardTest.read(
                ResultFormats.Kind.SOLVES,
                false,
                "[{\"challenge\":\"w1\",\"category\":\"web\","
                        + "\"competitor\":\"Team Red\",\"time\":\"2026-05-01T10:00:00Z\",\"points\":100,\"member\":7}]");
        assertEquals(
                List.of("member"),
                parsed.problems().stream().map(ResultProblem::field).toList());
    }

    @Test
    void aCtfdScoreboardGivesItsMembersScores() throws IOException {
        Standing red = ScoreboardTest.read(
                        ResultFormats.Kind.CTFD,
                        false,
                        "{\"success\":true,\"data\":[{\"pos\":1,"
                                + "\"name\":\"Team Red\",\"score\":350,\"members\":[{\"name\":\"XDU/1\",\"score\":300},"
                                + "{\"name\":\"XDU/2\",\"score\":50}]}]}")
                .standings()
                .get(0);
        assertEquals(
                List.of(List.of("XDU/1", "XDU/2"), Map.of("XDU/1", 300.0, "XDU/2", 50.0)),
                List.of(red.members(), red.memberPoints()));
    }

    @Test
    void aCtfdMembersScoreThatIsNotANumberIsNamed() throws IOException {
        var parsed = ScoreboardTest.read(
                ResultFormats.Kind.CTFD,
                false,
                "{\"success\":true,\"data\":[{\"pos\":1,"
                        + "\"name\":\"Team Red\",\"score\":350,\"members\":[{\"name\":\"XDU/1\",\"score\":\"lots\"}]}]}");
        assertEquals(
                List.of("XDU/1's score must be a number, 0 or more"),
                parsed.problems().stream().map(ResultProblem::message).toList());
    }
}
