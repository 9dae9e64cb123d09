package org.talentpipeline.scoring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TalentScoreTest {

    @Test
    void isTheLowerBoundRounded() {
        assertEquals(1751.0, new TalentScore(1).of(new Rating(1843.4, 92.2)));
    }

    @Test
    void isNeverBelowZero() {
        assertEquals(0.0, new TalentScore(3).of(new Rating(500, 350)));
    }

    @Test
    void showsTheFormulaWithTheStudentsNumbers() {
        assertEquals("1,843.4 - 1 × 92.2 = 1,751", new TalentScore(1).worked(new Rating(1843.4, 92.2)));
    }

    @Test
    void namesItsK() {
        assertEquals("mu - 0.5 sigma, rounded, at least 0", new TalentScore(0.5).formula());
    }

    @Test
    void refusesANegativeK() {
        assertThrows(IllegalArgumentException.class, () -> new TalentScore(-1));
    }
}
