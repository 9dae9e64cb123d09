package org.talentpipeline.certification;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A finding of a decision about one criterion, listed in the decision letter. */
@Entity
@Table(name = "certification_finding")
public class Finding {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "certification_finding_seq")
    @SequenceGenerator(
            name = "certification_finding_seq",
            sequenceName = "certification_finding_seq",
            allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "application_id")
    private Application application;

    @ManyToOne(optional = false)
    @JoinColumn(name = "evidence_id")
    private Evidence evidence;

    @Enumerated(EnumType.STRING)
    private Severity severity;

    private String text;

    protected Finding() {}

    Finding(Application application, Evidence evidence, Severity severity, String text) {
        this.application = application;
        this.evidence = evidence;
        this.severity = severity;
        this.text = text;
    }

    public Evidence getEvidence() {
        return evidence;
    }

    public Severity getSeverity() {
        return severity;
    }

    public String getText() {
        return text;
    }
}
