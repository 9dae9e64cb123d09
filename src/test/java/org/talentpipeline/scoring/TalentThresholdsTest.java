package org.talentpipeline.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TalentThresholdsTest {

    @Test
    void theTopPercentOfAHundredIsTheBestScore() {
        assertEquals(99, TalentThresholds.below(99, 100));
    }

    @Test
    void theNoughthPercentileIsTheLeastScore() {
        assertEquals(0, TalentThresholds.below(0, 5));
    }

    @Test
    void aPercentileBetweenTwoScoresTakesTheHigher() {
        assertEquals(3, TalentThresholds.below(50, 6));
    }

    @Test
    void aLoneScoreReachesEveryPercentile() {
        assertEquals(0, TalentThresholds.below(100, 1));
    }
}
