package org.talentpipeline.certification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;

/**
 * An application's part for one criterion: the criterion as it stood when the application was
 * opened or submitted, and the school's statement. Documents hang off it
 * ({@link EvidenceDocument}), read on their own so that a case never loads their content.
 */
@Entity
@Table(name = "certification_evidence")
public class Evidence {

    public static final int MAX_STATEMENT = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "certification_evidence_seq")
    @SequenceGenerator(
            name = "certification_evidence_seq",
            sequenceName = "certification_evidence_seq",
            allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "application_id")
    private Application application;

    @ManyToOne(optional = false)
    @JoinColumn(name = "criterion_id")
    private Criterion criterion;

    private String code;
    private String title;
    private BigDecimal weight;

    @Column(name = "max_score")
    private int maxScore;

    @Column(name = "evidence_required")
    private boolean evidenceRequired;

    private int position;
    private String statement;

    @Version
    private int version;

    protected Evidence() {}

    Evidence(Application application, Criterion criterion) {
        this.application = application;
        this.criterion = criterion;
        copy();
    }

    /** Takes the criterion's current title, weight, maximum and requirement. */
    final void copy() {
        this.code = criterion.getCode();
        this.title = criterion.getTitle();
        this.weight = criterion.getWeight();
        this.maxScore = criterion.getMaxScore();
        this.evidenceRequired = criterion.isEvidenceRequired();
        this.position = criterion.getPosition();
    }

    void write(String statement) {
        this.statement = statement == null || statement.isBlank() ? null : statement.strip();
    }

    public boolean hasStatement() {
        return statement != null;
    }

    public Long getId() {
        return id;
    }

    public Criterion getCriterion() {
        return criterion;
    }

    public String getCode() {
        return code;
    }

    public String getTitle() {
        return title;
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

    public String getStatement() {
        return statement;
    }

    public int getVersion() {
        return version;
    }
}
