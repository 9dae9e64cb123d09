package org.talentpipeline.student;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * An invitation for a student to make their own account: a one-time code, kept only as its hash,
 * valid for {@link #VALID_DAYS} days and spent by the activation.
 */
@Entity
@Table(name = "student_invitation")
@NamedQuery(
        name = "Invitation.byCode",
        query = "select i from Invitation i join fetch i.student where i.codeHash = :hash")
public class Invitation {

    /** How long a code can be used. */
    public static final int VALID_DAYS = 14;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "student_invitation_seq")
    @SequenceGenerator(name = "student_invitation_seq", sequenceName = "student_invitation_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "student_id")
    private Student student;

    @Column(name = "code_hash")
    private String codeHash;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected Invitation() {}

    Invitation(Student student, String codeHash, String createdBy, Instant now) {
        this.student = student;
        this.codeHash = codeHash;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.expiresAt = now.plus(Duration.ofDays(VALID_DAYS));
    }

    boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    void use(Instant now) {
        usedAt = now;
    }

    Student getStudent() {
        return student;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
