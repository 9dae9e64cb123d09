package org.talentpipeline.certification;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The evidence the pipeline's own data gives about a school over a period: its students, the share
 * of them with competition results in the period, their median talent score, how many stand in
 * the national top 1%, and how many agencies placed in the period. Frozen into an application when
 * it is submitted.
 */
@Embeddable
public class PipelineFigures {

    @Column(name = "evidence_from")
    private LocalDate periodFrom;

    @Column(name = "evidence_to")
    private LocalDate periodTo;

    private Integer students;

    @Column(name = "students_with_results")
    private Integer studentsWithResults;

    @Column(name = "median_talent_score")
    private BigDecimal medianTalentScore;

    @Column(name = "national_top_one")
    private Integer nationalTopOnePercent;

    private Integer placements;

    protected PipelineFigures() {}

    public PipelineFigures(
            LocalDate periodFrom,
            LocalDate periodTo,
            int students,
            int studentsWithResults,
            BigDecimal medianTalentScore,
            int nationalTopOnePercent,
            int placements) {
        this.periodFrom = periodFrom;
        this.periodTo = periodTo;
        this.students = students;
        this.studentsWithResults = studentsWithResults;
        this.medianTalentScore = medianTalentScore;
        this.nationalTopOnePercent = nationalTopOnePercent;
        this.placements = placements;
    }

    /** Whether any figures are here: an application's are empty until it is submitted. */
    public boolean isPresent() {
        return students != null;
    }

    /** The share of students with results in the period, in percent (one decimal), or null without students. */
    public Double getResultShare() {
        if (students == null || students == 0) {
            return null;
        }
        return Math.round(1000.0 * studentsWithResults / students) / 10.0;
    }

    public LocalDate getPeriodFrom() {
        return periodFrom;
    }

    public LocalDate getPeriodTo() {
        return periodTo;
    }

    public Integer getStudents() {
        return students;
    }

    public Integer getStudentsWithResults() {
        return studentsWithResults;
    }

    public BigDecimal getMedianTalentScore() {
        return medianTalentScore;
    }

    public Integer getNationalTopOnePercent() {
        return nationalTopOnePercent;
    }

    public Integer getPlacements() {
        return placements;
    }
}
