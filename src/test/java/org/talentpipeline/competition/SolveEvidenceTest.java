package org.talentpipeline.competition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a solve log or a CTFd export keeps as evidence beside its scoreboard. */
class SolveEvidenceTest {

    static final String CTFD = "{\"success\":true,\"data\":[{\"pos\":1,\"name\":\"Kernel Panic\",\"score\":100,"
            + "\"members\":[{\"name\":\"XDU/1\"}]},{\"pos\":2,\"name\":\"Null Route\",\"score\":0,\"members\":[{\"name\":\"XDU/2\"}]}],"
            + "\"submissions\":[{\"challenge\":{\"name\":\"rsa\",\"category\":\"Crypto\"},\"team\":{\"name\":\"Kernel Panic\"},"
            + "\"user\":{\"name\":\"XDU/1\"},\"date\":\"2026-05-01T10:00:00Z\",\"type\":\"correct\",\"provided\":\"flag{a1}\"},"
            + "{\"challenge\":\"rsa\",\"team\":\"Null Route\",\"user\":\"XDU/2\",\"date\":\"2026-05-01T10:00:09Z\","
            + "\"type\":\"incorrect\",\"provided\":\"flag{a1}\"}],"
            + "\"flags\":[{\"challenge\":\"rsa\",\"team\":\"Kernel Panic\",\"content\":\"flag{a1}\"},"
            + "{\"challenge\":\"rsa\",\"team\":\"Null Route\",\"content\":\"flag{b2}\"}]}";

    @Test
    void aCtfdExportKeepsWrongSubmissionsToo() throws IOException {
        ResultFormats.Parsed parsed = ScoreboardTest.read(ResultFormats.Kind.CTFD, false, CTFD);
        assertEquals(List.of(), parsed.problems());
        assertEquals(
                List.of(true, false),
                parsed.evidence().submissions().stream()
                        .map(Submission::correct)
                        .toList());
    }

    @Test
    void aCtfdExportsCorrectSubmissionsAreItsSolves() throws IOException {
        ResultFormats.Parsed parsed = ScoreboardTest.read(ResultFormats.Kind.CTFD, false, CTFD);
        assertEquals(
                List.of("Kernel Panic rsa crypto XDU/1"),
                parsed.evidence().solves().stream()
                        .map(s -> s.competitor() + " " + s.challenge() + " " + s.category() + " " + s.member())
                        .toList());
    }

    @Test
    void aCtfdExportKeepsEachTeamsDynamicFlag() throws IOException {
        ResultFormats.Parsed parsed = ScoreboardTest.read(ResultFormats.Kind.CTFD, false, CTFD);
        assertEquals(
                List.of(new TeamFlag("rsa", "Kernel Panic", "flag{a1}"), new TeamFlag("rsa", "Null Route", "flag{b2}")),
                parsed.evidence().flags());
    }

    @Test
    void aSubmissionOfAnUnknownTypeIsARowProblem() throws IOException {
        ResultFormats.Parsed parsed =
                ScoreboardTest.read(ResultFormats.Kind.CTFD, false, CTFD.replace("\"incorrect\"", "\"maybe\""));
        assertEquals("submissions[2].type", parsed.problems().get(0).field());
        assertTrue(parsed.evidence().isEmpty());
    }

    @Test
    void aSolveLogKeepsItsSolvesWithTheMemberWhoSubmitted() throws IOException {
        ResultFormats.Parsed parsed = ScoreboardTest.read(
                ResultFormats.Kind.SOLVES,
                true,
                "challenge,category,competitor,member,time,points\nrsa,crypto,Kernel Panic,XDU/1,2026-05-01T10:00:00Z,100\n");
        assertEquals("XDU/1", parsed.evidence().solves().get(0).member());
    }

    @Test
    void aRankingKeepsNoEvidence() throws IOException {
        assertTrue(ScoreboardTest.read(ResultFormats.Kind.RANKING, true, "place,competitor,points\n1,A,3\n")
                .evidence()
                .isEmpty());
    }
}
