package org.talentpipeline.scoring;

import java.util.List;

/** What the rating says about a student: score, estimate, standing among peers, and the events that moved it. */
public record ScoutingReport(String ref, Double talentScore, Double mu, Double sigma, Percentiles percentiles,
        List<String> flags, List<EventEffect> events, String modelVersion) {

    /** Where the student stands: the share of rated peers with a lower talent score, 0-100. */
    public record Percentiles(Double national, Double region, Double school, Double cohort) {
    }

    /** One event's effect on the rating: the explanation of the score. */
    public record EventEffect(String event, String name, int place, int fieldSize, double muBefore, double muAfter) {
    }
}
