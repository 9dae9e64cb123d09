package org.talentpipeline.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyticsRowsTest {

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
