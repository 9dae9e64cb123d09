package org.talentpipeline.student;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One recorded decision about sharing with agencies: granted or withdrawn, by whom, when, how. */
@Entity
@Table(name = "student_consent")
public class Consent {

    /** Where a consent decision was recorded. */
    public enum Source {
        FORM,
        API,
        IMPORT,
        /** The student themselves, signed in to their own account. */
        STUDENT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "student_consent_seq")
    @SequenceGenerator(name = "student_consent_seq", sequenceName = "student_consent_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "student_id")
    private Student student;

    private boolean granted;

    @Column(name = "guardian_consent")
    private boolean guardianConsent;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    @Enumerated(EnumType.STRING)
    private Source source;

    private String note;

    /** The chosen agencies' codes separated by commas; null for every agency the school approves. */
    private String agencies;

    protected Consent() {}

    Consent(
            Student student,
            boolean granted,
            boolean guardianConsent,
            String recordedBy,
            Instant recordedAt,
            Source source,
            String note,
            String agencies) {
        this.agencies = agencies;
        this.student = student;
        this.granted = granted;
        this.guardianConsent = guardianConsent;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
        this.source = source;
        this.note = note;
    }

    public boolean isGranted() {
        return granted;
    }

    public boolean isGuardianConsent() {
        return guardianConsent;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public Source getSource() {
        return source;
    }

    public String getAgencies() {
        return agencies;
    }

    public String getNote() {
        return note;
    }
}
