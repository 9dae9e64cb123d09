package org.talentpipeline.certification;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A reviewer's score for one criterion of an application, with the comment that justifies it. */
@Entity
@Table(name = "certification_score")
public class ReviewScore {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "certification_score_seq")
    @SequenceGenerator(name = "certification_score_seq", sequenceName = "certification_score_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "review_id")
    private Review review;

    @ManyToOne(optional = false)
    @JoinColumn(name = "evidence_id")
    private Evidence evidence;

    private int score;
    private String comment;

    protected ReviewScore() {}

    ReviewScore(Review review, Evidence evidence, int score, String comment) {
        this.review = review;
        this.evidence = evidence;
        this.score = score;
        this.comment = comment;
    }

    public Evidence getEvidence() {
        return evidence;
    }

    public int getScore() {
        return score;
    }

    public String getComment() {
        return comment;
    }
}
