package org.talentpipeline.certification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;

/**
 * One criterion of the programme: what reviewers score from 0 to its maximum, weighted in the total.
 * Applications copy it when they are opened and again when submitted, so later edits change no
 * application already under review.
 */
@Entity
@Table(name = "certification_criterion")
@NamedQuery(name = "Criterion.findAll", query = "select c from Criterion c order by c.position, c.code")
@NamedQuery(
        name = "Criterion.findActive",
        query = "select c from Criterion c where c.active = true order by c.position, c.code")
@NamedQuery(name = "Criterion.findByCode", query = "select c from Criterion c where c.code = :code")
public class Criterion {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "certification_criterion_seq")
    @SequenceGenerator(
            name = "certification_criterion_seq",
            sequenceName = "certification_criterion_seq",
            allocationSize = 50)
    private Long id;

    private String code;
    private String title;
    private String description;
    private BigDecimal weight;

    @Column(name = "max_score")
    private int maxScore;

    @Column(name = "evidence_required")
    private boolean evidenceRequired;

    private int position;
    private boolean active = true;

    @Version
    private int version;

    protected Criterion() {}

    public Criterion(
            String code,
            String title,
            String description,
            BigDecimal weight,
            int maxScore,
            boolean evidenceRequired,
            int position) {
        this.code = code;
        change(title, description, weight, maxScore, evidenceRequired, position, true);
    }

    public void change(
            String title,
            String description,
            BigDecimal weight,
            int maxScore,
            boolean evidenceRequired,
            int position,
            boolean active) {
        this.title = title;
        this.description = description;
        this.weight = weight;
        this.maxScore = maxScore;
        this.evidenceRequired = evidenceRequired;
        this.position = position;
        this.active = active;
    }

    public Long getId() {
        return id;
    }

    public int getVersion() {
        return version;
    }

    public String getCode() {
        return code;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public BigDecimal getWeight() {
        return weight;
    }

    public int getMaxScore() {
        return maxScore;
    }

    public boolean isEvidenceRequired() {
        return evidenceRequired;
    }

    public int getPosition() {
        return position;
    }

    public boolean isActive() {
        return active;
    }
}
