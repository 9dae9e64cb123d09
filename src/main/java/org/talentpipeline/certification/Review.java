package org.talentpipeline.certification;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One reviewer's part in a case: assigned by the admin, then either a declared conflict of interest
 * (the reviewer steps aside and scores nothing) or a score with a comment for every criterion.
 */
@Entity
@Table(name = "certification_review")
public class Review {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "certification_review_seq")
    @SequenceGenerator(
            name = "certification_review_seq",
            sequenceName = "certification_review_seq",
            allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "application_id")
    private Application application;

    private String reviewer;

    @Column(name = "assigned_at")
    private Instant assignedAt;

    @Column(name = "assigned_by")
    private String assignedBy;

    private boolean conflict;

    @Column(name = "conflict_note")
    private String conflictNote;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @OneToMany(mappedBy = "review", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<ReviewScore> scores = new ArrayList<>();

    protected Review() {}

    Review(Application application, String reviewer, String assignedBy, Instant now) {
        this.application = application;
        this.reviewer = reviewer;
        this.assignedBy = assignedBy;
        this.assignedAt = now;
    }

    void stepAside(String note, Instant now) {
        conflict = true;
        conflictNote = note == null || note.isBlank() ? null : note.strip();
        scores.clear();
        submittedAt = now;
    }

    void score(List<ReviewScore> given, Instant now) {
        scores.clear();
        scores.addAll(given);
        submittedAt = now;
    }

    /** Still counts towards the two reviewers a case needs: not stepped aside. */
    public boolean isActive() {
        return !conflict;
    }

    /** Scored every criterion. */
    public boolean isComplete() {
        return !conflict && submittedAt != null;
    }

    public Optional<ReviewScore> scoreOf(Evidence evidence) {
        return scores.stream()
                .filter(s -> s.getEvidence().getCode().equals(evidence.getCode()))
                .findFirst();
    }

    /** This reviewer's weighted total, 0-100: each criterion's score over its maximum, weighted. */
    public BigDecimal total() {
        double weighted = 0;
        double weights = 0;
        for (ReviewScore s : scores) {
            double weight = s.getEvidence().getWeight().doubleValue();
            weighted += weight * s.getScore() / s.getEvidence().getMaxScore();
            weights += weight;
        }
        return weights == 0
                ? BigDecimal.ZERO
                : BigDecimal.valueOf(100 * weighted / weights).setScale(1, RoundingMode.HALF_UP);
    }

    public Long getId() {
        return id;
    }

    public String getReviewer() {
        return reviewer;
    }

    public Instant getAssignedAt() {
        return assignedAt;
    }

    public boolean isConflict() {
        return conflict;
    }

    public String getConflictNote() {
        return conflictNote;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public List<ReviewScore> getScores() {
        return scores;
    }
}
