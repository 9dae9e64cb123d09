package org.talentpipeline.scoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.talentpipeline.evaluation.JudgingService.Evaluation;
import org.talentpipeline.school.SchoolView;
import org.talentpipeline.student.StudentInput.CertificationInput;

/**
 * What the ratings say about a student: talent score, estimate, standing among peers, flags, skill
 * profile (by category), and the events that moved the rating (the explanation). Unrated students have nulls.
 */
public record ScoutingReport(
        String ref,
        String fullName,
        String schoolCode,
        int expectedGraduationYear,
        Double talentScore,
        Double mu,
        Double sigma,
        Percentiles percentiles,
        List<String> flags,
        Growth growth,
        Map<String, Skill> categories,
        List<EventEffect> events,
        List<Evaluation> evaluations,
        List<CertificationInput> certifications,
        String modelVersion,
        SchoolView.Certification schoolCertification,
        TalentScoreFormula talentScoreFormula) {

    /**
     * How the talent score is made from the rating: the formula of the settings that computed it,
     * in English and by language ({@code en}, {@code zh-CN}: {@code words}), and the same with the
     * student's numbers ("1,843.4 - 0.5 × 92.2 = 1,797").
     */
    public record TalentScoreFormula(String formula, String worked, Map<String, String> words) {}

    /** Where the student stands in each group: its {@link Percentile} (the share of rated peers with a lower talent score, 0-100). */
    public record Percentiles(Double national, Double region, Double school, Double cohort) {}

    /** Change of the mean over the recent events inside the growth window, and how many events that is. */
    public record Growth(double points, int events) {}

    /** The rating in one skill category, and the {@link Percentile} among those rated in it. */
    public record Skill(String category, double talentScore, double mu, double sigma, int events, Double percentile) {}

    /**
     * One event's effect on the overall rating: place and field size, the field's strength (its mean
     * rating before the event) and the place the rating before it expected there, mean and deviation
     * before and after, and the plain sentence that says it, by language ({@code en}, {@code zh-CN}).
     * Strength and expected place are null for events rated before the fields were kept (2026.12).
     */
    public record EventEffect(
            String event,
            String name,
            LocalDate date,
            int place,
            int fieldSize,
            Double fieldStrength,
            Integer expectedPlace,
            double muBefore,
            double muAfter,
            double change,
            Double sigmaBefore,
            Double sigmaAfter,
            Map<String, String> sentence) {}
}
