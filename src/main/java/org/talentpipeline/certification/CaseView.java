package org.talentpipeline.certification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An application as its reader may see it: the school its evidence, state and decision; a reviewer
 * also their own review; the admin every review with the weighted total and the spread.
 */
public record CaseView(
        long id,
        String school,
        String schoolName,
        String cycle,
        String cycleName,
        BigDecimal passMark,
        ApplicationState state,
        Instant createdAt,
        Instant submittedAt,
        Instant decidedAt,
        LocalDate certifiedFrom,
        LocalDate certifiedUntil,
        String decisionNote,
        Figures figures,
        List<Part> evidence,
        List<ReviewView> reviews,
        BigDecimal total,
        BigDecimal spread,
        List<FindingView> findings,
        List<Move> history) {

    /** The pipeline's figures: frozen at submission, or as they stand today for a draft. */
    public record Figures(
            LocalDate periodFrom,
            LocalDate periodTo,
            int students,
            int studentsWithResults,
            Double resultShare,
            BigDecimal medianTalentScore,
            int nationalTopOnePercent,
            int placements,
            boolean frozen) {

        static Figures of(PipelineFigures f, boolean frozen) {
            return new Figures(
                    f.getPeriodFrom(),
                    f.getPeriodTo(),
                    f.getStudents(),
                    f.getStudentsWithResults(),
                    f.getResultShare(),
                    f.getMedianTalentScore(),
                    f.getNationalTopOnePercent(),
                    f.getPlacements(),
                    frozen);
        }
    }

    /**
     * One criterion's evidence, with the reviewers' mean score and spread where the reader may see them,
     * and the version of its statement that an edit names.
     */
    public record Part(
            String criterion,
            String title,
            BigDecimal weight,
            int maxScore,
            boolean evidenceRequired,
            String statement,
            List<DocumentView> documents,
            Double meanScore,
            Integer scoreSpread,
            long version) {}

    public record DocumentView(
            long id,
            long evidenceId,
            String fileName,
            String contentType,
            long size,
            String sha256,
            Instant uploadedAt,
            String uploadedBy) {}

    public record ReviewView(
            String reviewer,
            Instant assignedAt,
            boolean conflict,
            String conflictNote,
            Instant submittedAt,
            BigDecimal total,
            List<ScoreView> scores) {}

    public record ScoreView(String criterion, int score, String comment) {}

    public record FindingView(String criterion, String title, Severity severity, String text) {}

    public record Move(ApplicationState state, Instant at, String actor, String note) {}

    /** The part of a criterion by its code, for pages. */
    public Part part(String criterion) {
        return evidence.stream()
                .filter(p -> p.criterion().equals(criterion))
                .findFirst()
                .orElse(null);
    }
}
