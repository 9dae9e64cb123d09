package org.talentpipeline.integrity;

import java.util.List;
import java.util.Map;

/**
 * One detection: the pattern, who it concerns ({@code competitors}: students' refs where the data
 * names the person, else team names), the test statistic and its p-value (null for proof and for a
 * rule), and the evidence an evaluator reads (timelines, counts, the proof) as plain values.
 */
public record Finding(
        Pattern pattern, List<String> competitors, double statistic, Double pValue, Map<String, Object> evidence) {

    public Finding {
        competitors = List.copyOf(competitors);
    }

    /** The finding's identity across re-runs: the same pattern about the same competitors. */
    String key() {
        return pattern + ":" + String.join("|", competitors.stream().sorted().toList());
    }
}
