package org.talentpipeline.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RubricTest {

    final Rubric rubric =
            new Rubric(List.of(new Rubric.Criterion("analysis", 2, 10), new Rubric.Criterion("report", 1, 5)));

    @Test
    void theWeightedTotalIsOnAHundredPointScale() {
        // (2 * 8/10 + 1 * 5/5) / 3 * 100 = 86.67
        assertEquals(86.6667, rubric.total(Map.of("analysis", 8.0, "report", 5.0)), 1e-4);
        assertEquals(100, rubric.total(Map.of("analysis", 10.0, "report", 5.0)), 1e-9);
    }

    @Test
    void scoresMustCoverTheRubricWithinItsScale() {
        assertEquals(
                List.of("scores.report", "scores.style"),
                rubric.problemsWith(Map.of("analysis", 11.0 - 1, "style", 3.0)).stream()
                        .map(p -> p.field())
                        .toList());
        assertEquals(
                "must be between 0 and 10",
                rubric.problemsWith(Map.of("analysis", 11.0, "report", 1.0))
                        .get(0)
                        .message());
        assertTrue(rubric.problemsWith(Map.of("analysis", 0.0, "report", 5.0)).isEmpty());
    }

    @Test
    void aRubricNeedsNamedPositiveCriteria() {
        assertEquals("criteria", Rubric.problems(List.of()).get(0).field());
        assertEquals(
                List.of("criteria[1].name", "criteria[1].weight"),
                Rubric.problems(List.of(new Rubric.Criterion("a", 1, 5), new Rubric.Criterion("a", 0, 5))).stream()
                        .map(p -> p.field())
                        .toList());
    }
}
