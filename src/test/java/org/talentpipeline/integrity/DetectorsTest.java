package org.talentpipeline.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.talentpipeline.competition.Solve;
import org.talentpipeline.competition.SolvesStored.Member;
import org.talentpipeline.competition.Submission;
import org.talentpipeline.competition.TeamFlag;
import org.talentpipeline.competition.TeamRule;

class DetectorsTest {

    private static final Detectors DETECTORS = Detectors.DEFAULT;

    @Test
    void theTailOfAPoissonBinomialIsExact() {
        assertEquals(0.75, Tails.poissonBinomialAtLeast(new double[] {0.5, 0.5}, 1), 1e-12);
        assertEquals(0.1 * 0.2, Tails.poissonBinomialAtLeast(new double[] {0.1, 0.2}, 2), 1e-12);
        assertEquals(1 - Math.pow(0.99, 30), Tails.binomialAtLeast(30, 0.01, 1), 1e-12);
    }

    @Test
    void aPlantedSharingPairHasTheLowestPValue() {
        SolveLogs.Generated g = new SolveLogs(5).event("E", 120, 30, 1, 0, 1.0);
        Detectors.PairScore top = DETECTORS.coSolving(g.evidence()).get(0);
        assertEquals(g.sharingPairs(), Set.of(Detectors.pairKey(top.a(), top.b())));
    }

    @Test
    void aPlantedSharingPairOpensACase() {
        SolveLogs.Generated g = new SolveLogs(5).event("E", 120, 30, 1, 0, 1.0);
        List<String> named = DETECTORS.run(g.evidence()).stream()
                .filter(f -> f.pattern() == Pattern.CO_SOLVING)
                .map(f -> Detectors.pairKey(
                        f.competitors().get(0), f.competitors().get(1)))
                .toList();
        assertEquals(List.copyOf(g.sharingPairs()), named);
    }

    @Test
    void aPlantedSharingPairIsFoundInASmallEventToo() {
        SolveLogs.Generated g = new SolveLogs(IntegrityIT.SEED).event("E", IntegrityIT.STUDENTS, 20, 1, 0, 1.0);
        List<String> named = DETECTORS.run(g.evidence()).stream()
                .filter(f -> f.pattern() == Pattern.CO_SOLVING)
                .map(f -> Detectors.pairKey(
                        f.competitors().get(0), f.competitors().get(1)))
                .toList();
        assertEquals(List.copyOf(g.sharingPairs()), named);
    }

    @Test
    void anHonestEventOpensNoStatisticalCase() {
        SolveLogs.Generated g = new SolveLogs(11).event("E", 120, 30, 0, 0, 0);
        assertEquals(
                List.of(),
                DETECTORS.run(g.evidence()).stream()
                        .map(Finding::pattern)
                        .filter(p -> p == Pattern.CO_SOLVING || p == Pattern.IMPOSSIBLE_SPEED)
                        .toList());
    }

    @Test
    void aSpeedCheaterIsNamed() {
        SolveLogs.Generated g = new SolveLogs(3).event("E", 120, 30, 0, 1, 1.0);
        List<String> named = DETECTORS.run(g.evidence()).stream()
                .filter(f -> f.pattern() == Pattern.IMPOSSIBLE_SPEED)
                .map(f -> f.competitors().get(0))
                .toList();
        assertEquals(List.copyOf(g.speedCheaters()), named);
    }

    private static Evidence twoTeams(TeamRule rule, List<Submission> submissions) {
        return new Evidence(
                "E",
                rule,
                List.of(),
                submissions,
                List.of(new TeamFlag("rsa", "Red", "flag{red}"), new TeamFlag("rsa", "Blue", "flag{blue}")),
                Map.of(
                        "Red",
                        List.of(new Member("XDU/1", 1), new Member("XDU/2", 2)),
                        "Blue",
                        List.of(new Member("XDU/3", 3), new Member("SJTU/4", 4))));
    }

    @Test
    void anotherTeamsDynamicFlagIsProofNamingTheSubmitterAndTheSolver() {
        Instant t = Instant.parse("2026-05-01T10:00:00Z");
        Evidence evidence = twoTeams(
                TeamRule.OPEN,
                List.of(
                        new Submission("rsa", "ctf", "Red", "XDU/2", t, true, "flag{red}", 1),
                        new Submission("rsa", "ctf", "Blue", "SJTU/4", t.plusSeconds(9), false, "flag{red}", 2)));
        List<Finding> findings = DETECTORS.flagSharing(evidence);
        assertEquals(
                List.of(List.of("SJTU/4", "XDU/2")),
                findings.stream().map(Finding::competitors).toList());
        assertNull(findings.get(0).pValue());
    }

    @Test
    void ownFlagsAreNoProof() {
        Instant t = Instant.parse("2026-05-01T10:00:00Z");
        Evidence evidence = twoTeams(
                TeamRule.OPEN, List.of(new Submission("rsa", "ctf", "Blue", "SJTU/4", t, true, "flag{blue}", 1)));
        assertEquals(List.of(), DETECTORS.flagSharing(evidence));
    }

    @Test
    void aTeamOfTwoSchoolsIsIneligibleUnderTheOneSchoolRule() {
        assertEquals(
                List.of(List.of("Blue")),
                DETECTORS.ineligibleTeams(twoTeams(TeamRule.ONE_SCHOOL, List.of())).stream()
                        .map(Finding::competitors)
                        .toList());
    }

    @Test
    void anOpenEventHasNoIneligibleTeam() {
        assertEquals(List.of(), DETECTORS.ineligibleTeams(twoTeams(TeamRule.OPEN, List.of())));
    }

    @Test
    void aMemberNamedOnASolveIsTheActor() {
        Evidence evidence = new Evidence(
                "E",
                TeamRule.OPEN,
                List.of(new Solve("rsa", "ctf", "Red", "xdu/1", Instant.EPOCH, 1, 1)),
                List.of(),
                List.of(),
                Map.of("Red", List.of(new Member("XDU/1", 1))));
        assertEquals("XDU/1", evidence.actor("Red", "xdu/1"));
        assertEquals("Red", evidence.actor("Red", "SJTU/9"));
    }
}
