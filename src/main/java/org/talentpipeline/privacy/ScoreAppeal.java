package org.talentpipeline.privacy;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.talentpipeline.platform.Conflict;

/**
 * A student's appeal of an automated score or flag (GDPR Art. 22, PIPL Art. 24): what they contest
 * (their talent score, a flag), the event they point at, their statement, and the ADMIN's decision.
 */
@Entity
@Table(name = "score_appeal")
public class ScoreAppeal {

    /** Where an appeal stands: open, upheld (a result excluded, or another remedy), or rejected. */
    public enum State {
        OPEN,
        UPHELD,
        REJECTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "score_appeal_seq")
    @SequenceGenerator(name = "score_appeal_seq", sequenceName = "score_appeal_seq", allocationSize = 50)
    private Long id;

    @Column(name = "student_id")
    private long studentId;

    private String subject;

    @Column(name = "event_code")
    private String eventCode;

    private String statement;

    @Enumerated(EnumType.STRING)
    private State state = State.OPEN;

    @Column(name = "created_at")
    private Instant createdAt;

    /** Null while the appeal is open. */
    @Embedded
    private Decision decision;

    @Version
    private int version;

    protected ScoreAppeal() {}

    ScoreAppeal(long studentId, String subject, String eventCode, String statement, Instant now) {
        this.studentId = studentId;
        this.subject = subject;
        this.eventCode = eventCode;
        this.statement = statement;
        this.createdAt = now;
    }

    void decide(boolean upheld, String by, String reason, Instant now) {
        if (state != State.OPEN) {
            throw new Conflict("the appeal was decided already");
        }
        state = upheld ? State.UPHELD : State.REJECTED;
        decision = new Decision(by, reason, now);
    }

    /** The appeal as the student and the reviewing ADMIN see it. */
    public record View(
            long id,
            String subject,
            String event,
            String statement,
            String state,
            Instant createdAt,
            String decidedBy,
            Instant decidedAt,
            String decisionReason) {}

    View view() {
        return new View(
                id,
                subject,
                eventCode,
                statement,
                state.name(),
                createdAt,
                decision == null ? null : decision.by(),
                decision == null ? null : decision.at(),
                decision == null ? null : decision.reason());
    }

    long getId() {
        return id;
    }

    long getStudentId() {
        return studentId;
    }
}
