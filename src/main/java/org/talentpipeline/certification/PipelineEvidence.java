package org.talentpipeline.certification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.talentpipeline.competition.ResultRows;
import org.talentpipeline.placement.PlacementRows;
import org.talentpipeline.school.School;
import org.talentpipeline.scoring.TalentThresholds;
import org.talentpipeline.student.StudentService;

/**
 * Computes a school's evidence from the pipeline's own data over a period: the students enrolled
 * in it, those with competition results from events in it, their median current talent score and
 * how many stand in the national top 1%, and the placements agencies completed in it.
 *
 * <p>Each area counts its own rows: the student area gives the ids of the school's students (a few
 * thousand at most), and the competition, scoring and placement areas count their rows of those
 * students, where reads may lag (the replica, if there is one).
 */
@ApplicationScoped
public class PipelineEvidence {

    @Inject
    StudentService students;

    @Inject
    ResultRows results;

    @Inject
    TalentThresholds thresholds;

    @Inject
    PlacementRows placements;

    /** The figures for the {@link Application#EVIDENCE_YEARS} years up to {@code to}. */
    public PipelineFigures figures(School school, LocalDate to) {
        LocalDate from = to.minusYears(Application.EVIDENCE_YEARS);
        List<Long> enrolled = students.enrolledIdsOfSchool(school.getCode(), from.getYear(), to.getYear());
        int withResults = results.entered(enrolled, from, to);
        List<Long> all = students.idsOfSchool(school.getCode());
        Double median = thresholds.median(all);
        double top = thresholds.leastScore(TalentThresholds.OVERALL, 99);
        int topOne = thresholds.reaching(all, top);
        int placed = placements.placed(all, from, to);
        return new PipelineFigures(
                from,
                to,
                enrolled.size(),
                withResults,
                median == null ? null : BigDecimal.valueOf(median).setScale(1, RoundingMode.HALF_UP),
                topOne,
                placed);
    }
}
