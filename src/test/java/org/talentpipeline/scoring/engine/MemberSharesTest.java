package org.talentpipeline.scoring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemberSharesTest {

    @Test
    void withoutContributionsSharesAreEqual() {
        assertEquals(List.of(0.25, 0.25, 0.25, 0.25), boxed(MemberShares.of(null, 4, 0.5)));
    }

    @Test
    void halfOwnGivesTheMemberWhoScoredEverythingTwoThirdsOfATeamOfThree() {
        assertEquals(
                boxed(new double[] {2.0 / 3, 1.0 / 6, 1.0 / 6}),
                boxed(MemberShares.of(Arrays.asList(300.0, 0.0, null), 3, 0.5)));
    }

    @Test
    void ownZeroIsEqualSharesWhateverTheLogSays() {
        assertEquals(List.of(0.5, 0.5), boxed(MemberShares.of(List.of(300.0, 100.0), 2, 0)));
    }

    @Test
    void ownOneIsTheMembersPartOfThePoints() {
        assertEquals(List.of(0.75, 0.25), boxed(MemberShares.of(List.of(300.0, 100.0), 2, 1)));
    }

    @Test
    void contributionsOfNoPointsLeaveTheSharesEqual() {
        assertEquals(List.of(0.5, 0.5), boxed(MemberShares.of(List.of(0.0, 0.0), 2, 0.5)));
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).map(v -> Math.round(v * 1e9) / 1e9).boxed().toList();
    }
}
