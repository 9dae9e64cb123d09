package org.talentpipeline.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyticsRowsTest {

    @Test
    void placeAsAPercentileOfTheField() {
        assertEquals(
                List.of(100.0, 0.0, 50.0, 100.0),
                List.of(
                        AnalyticsRows.placePercentile(1, 21),
                        AnalyticsRows.placePercentile(21, 21),
                        AnalyticsRows.placePercentile(11, 21),
                        AnalyticsRows.placePercentile(1, 1)));
    }

    @Test
    void aPlaceBeyondTheFieldIsItsLast() {
        assertEquals(0.0, AnalyticsRows.placePercentile(30, 21));
    }

    @Test
    void daysFallInTheirQuarter() {
        assertEquals(
                List.of("2026-Q1", "2026-Q2", "2026-Q4"),
                List.of(
                        AnalyticsRows.quarter(LocalDate.of(2026, 3, 31)),
                        AnalyticsRows.quarter(LocalDate.of(2026, 4, 1)),
                        AnalyticsRows.quarter(LocalDate.of(2026, 12, 31))));
    }
}
