package org.talentpipeline.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsensusTest {

    static Map<String, Double> row(Double... values) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                m.put("u" + (i + 1), values[i]);
            }
        }
        return m;
    }

    /*
     * Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), section C: four observers,
     * twelve units, missing values. The paper gives alpha = 0.849 for interval data.
     */
    @Test
    void krippendorffsWorkedExampleGivesAlphaPoint849() {
        Map<String, Map<String, Double>> data = new LinkedHashMap<>();
        data.put("A", row(1.0, 2.0, 3.0, 3.0, 2.0, 1.0, 4.0, 1.0, 2.0, null, null, null));
        data.put("B", row(1.0, 2.0, 3.0, 3.0, 2.0, 2.0, 4.0, 1.0, 2.0, 5.0, null, 3.0));
        data.put("C", row(null, 3.0, 3.0, 3.0, 2.0, 3.0, 4.0, 2.0, 2.0, 5.0, 1.0, null));
        data.put("D", row(1.0, 2.0, 3.0, 3.0, 2.0, 4.0, 4.0, 1.0, 2.0, 5.0, 1.0, null));
        assertEquals(0.849, Consensus.krippendorffAlphaInterval(data), 0.0005);
    }

    @Test
    void perfectAgreementIsOneAndTheConsensusRanksAsTheJudgesDo() {
        Map<String, Map<String, Double>> totals = new LinkedHashMap<>();
        totals.put("j1", Map.of("a", 90.0, "b", 70.0, "c", 50.0));
        totals.put("j2", Map.of("a", 90.0, "b", 70.0, "c", 50.0));
        Consensus.Outcome o = Consensus.of(totals);
        assertEquals(1.0, o.alpha(), 1e-9);
        assertEquals(
                List.of("a", "b", "c"),
                o.entries().stream().map(Consensus.EntryResult::entry).toList());
    }

    /*
     * A harsh judge (scores 40..60) and a lenient one (80..100) rank the same way; a third judge
     * ranks the other way round. Standardising makes the first two count the same; the third is
     * flagged for disagreeing with the others' consensus.
     */
    @Test
    void standardisingRemovesSeverityAndADissenterIsFlagged() {
        Map<String, Map<String, Double>> totals = new LinkedHashMap<>();
        totals.put("harsh", Map.of("a", 60.0, "b", 50.0, "c", 45.0, "d", 40.0));
        totals.put("lenient", Map.of("a", 100.0, "b", 90.0, "c", 85.0, "d", 80.0));
        totals.put("contrary", Map.of("a", 40.0, "b", 45.0, "c", 50.0, "d", 60.0));
        totals.put("fair", Map.of("a", 70.0, "b", 65.0, "c", 55.0, "d", 50.0));
        Consensus.Outcome o = Consensus.of(totals);
        assertEquals("a", o.entries().get(0).entry());
        assertEquals("d", o.entries().get(3).entry());
        Map<String, Boolean> flagged = new LinkedHashMap<>();
        o.judges().forEach(j -> flagged.put(j.judge(), j.flagged()));
        assertTrue(flagged.get("contrary"));
        assertFalse(flagged.get("harsh") || flagged.get("lenient") || flagged.get("fair"));
        assertTrue(o.alpha() < 0.5, "raw totals on different scales and a contrary judge agree poorly: " + o.alpha());
    }

    @Test
    void zScoresHaveMeanZeroAndUnitSpread() {
        Map<String, Double> z = Consensus.standardise(Map.of("a", 2.0, "b", 4.0, "c", 6.0));
        assertEquals(0.0, z.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
        assertEquals(1.0, z.get("c"), 1e-12);
        assertEquals(Map.of("a", 0.0, "b", 0.0), Consensus.standardise(Map.of("a", 5.0, "b", 5.0)));
    }
}
