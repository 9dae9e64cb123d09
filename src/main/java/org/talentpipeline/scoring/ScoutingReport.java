package org.talentpipeline.scoring;

import java.time.LocalDate;
import java.util.List;
import org.talentpipeline.evaluation.JudgingService.Evaluation;
import org.talentpipeline.student.StudentInput.CertificationInput;

/**
 * What the ratings say about a student: talent score, estimate, standing among peers, flags, skill
 * profile (by category), and the events that moved the rating (the explanation). Unrated students have nulls.
 */
public record ScoutingReport(String ref, String fullName, String schoolCode, int expectedGraduationYear,
        Double talentScore, Double mu, Double sigma, Percentiles percentiles, List<String> flags, Growth growth,
        java.util.Map<String, Skill> categories, List<EventEffect> events, List<Evaluation> evaluations,
        List<CertificationInput> certifications, String modelVersion,
        org.talentpipeline.school.SchoolView.Certification schoolCertification) {

    /** Where the student stands: the share of rated peers with a lower talent score, 0-100. */
    public record Percentiles(Double national, Double region, Double school, Double cohort) {
    }

    /** Change of the mean over the recent events inside the growth window, and how many events that is. */
    public record Growth(double points, int events) {
    }

    /** The rating in one skill category, and the percentile among those rated in it. */
    public record Skill(String category, double talentScore, double mu, double sigma, int events, Double percentile) {
    }

    /** One event's effect on the overall rating: place, field size, and the mean before and after. */
    public record EventEffect(String event, String name, LocalDate date, int place, int fieldSize, double muBefore,
            double muAfter, double change) {
    }
}
