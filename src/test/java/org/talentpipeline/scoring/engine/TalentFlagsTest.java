package org.talentpipeline.scoring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TalentFlagsTest {

    private static final TalentFlags FLAGS = new TalentFlags(99, 3, 2.0, 18, 90);
    private static final Supplier<TalentFlags.CohortGrowth> FLAT = () -> new TalentFlags.CohortGrowth(10, 5, 40);

    @Test
    void topOnePercentFromTheNationalPercentile() {
        assertEquals(List.of("TOP_1_PERCENT"), FLAGS.of(99.0, 0, 0, FLAT, 30));
    }

    @Test
    void noTopFlagJustBelowTheThreshold() {
        assertEquals(List.of(), FLAGS.of(98.9, 0, 0, FLAT, 30));
    }

    @Test
    void noPercentileNoFlag() {
        assertEquals(List.of(), FLAGS.of(null, 0, 0, FLAT, 16));
    }

    @Test
    void risingStarTwoDeviationsAboveTheCohort() {
        assertEquals(List.of("RISING_STAR"), FLAGS.of(50.0, 3, 20, FLAT, 30));
    }

    @Test
    void noRisingStarJustUnderTwoDeviations() {
        assertEquals(List.of(), FLAGS.of(50.0, 3, 19.9, FLAT, 30));
    }

    @Test
    void noRisingStarWithTooFewRecentEvents() {
        assertEquals(List.of(), FLAGS.of(50.0, 2, 100, FLAT, 30));
    }

    @Test
    void noRisingStarAgainstACohortOfFewerThanTen() {
        assertEquals(List.of(), FLAGS.of(50.0, 3, 100, () -> new TalentFlags.CohortGrowth(10, 5, 9), 30));
    }

    @Test
    void theCohortIsNotAskedWhenTheStudentCannotRise() {
        Supplier<TalentFlags.CohortGrowth> refuses = () -> {
            throw new AssertionError("the cohort was asked for");
        };
        assertEquals(List.of(), FLAGS.of(50.0, 3, 0, refuses, 30));
    }

    @Test
    void prodigyUnderTheAgeWithTheRequiredPercentile() {
        assertEquals(List.of("PRODIGY"), FLAGS.of(90.0, 0, 0, FLAT, 17));
    }

    @Test
    void noProdigyAtTheAgeOfTheLimit() {
        assertEquals(List.of(), FLAGS.of(95.0, 0, 0, FLAT, 18));
    }

    @Test
    void noProdigyWithoutADateOfBirth() {
        assertEquals(List.of(), FLAGS.of(95.0, 0, 0, FLAT, null));
    }

    @Test
    void allThreeInOrder() {
        assertEquals(List.of("TOP_1_PERCENT", "RISING_STAR", "PRODIGY"), FLAGS.of(99.5, 4, 30, FLAT, 16));
    }
}
