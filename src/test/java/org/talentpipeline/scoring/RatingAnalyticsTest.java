package org.talentpipeline.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RatingAnalyticsTest {

    @Test
    void placeAsAPercentileOfTheField() {
        assertEquals(List.of(100.0, 0.0, 50.0, 100.0), List.of(RatingAnalytics.placePercentile(1, 21),
                RatingAnalytics.placePercentile(21, 21), RatingAnalytics.placePercentile(11, 21), RatingAnalytics.placePercentile(1, 1)));
    }

    @Test
    void aPlaceBeyondTheFieldIsItsLast() {
        assertEquals(0.0, RatingAnalytics.placePercentile(30, 21));
    }

    @Test
    void daysFallInTheirQuarter() {
        assertEquals(List.of("2026-Q1", "2026-Q2", "2026-Q4"), List.of(RatingAnalytics.quarter(LocalDate.of(2026, 3, 31)),
                RatingAnalytics.quarter(LocalDate.of(2026, 4, 1)), RatingAnalytics.quarter(LocalDate.of(2026, 12, 31))));
    }
}
