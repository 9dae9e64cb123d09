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

/** A student's request to correct a field of their record, and the school's decision on it. */
@Entity
@Table(name = "correction_request")
public class CorrectionRequest {

    /** Where a request stands. */
    public enum State {
        OPEN,
        ACCEPTED,
        REFUSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "correction_request_seq")
    @SequenceGenerator(name = "correction_request_seq", sequenceName = "correction_request_seq", allocationSize = 50)
    private Long id;

    @Column(name = "student_id")
    private long studentId;

    private String field;

    @Column(name = "requested_value")
    private String requestedValue;

    private String explanation;

    @Enumerated(EnumType.STRING)
    private State state = State.OPEN;

    @Column(name = "created_at")
    private Instant createdAt;

    /** Null while the request is open. */
    @Embedded
    private Decision decision;

    @Version
    private int version;

    protected CorrectionRequest() {}

    CorrectionRequest(long studentId, String field, String requestedValue, String explanation, Instant now) {
        this.studentId = studentId;
        this.field = field;
        this.requestedValue = requestedValue;
        this.explanation = explanation;
        this.createdAt = now;
    }

    /** Decides an open request, once; a refusal or an acceptance carries its reason. */
    void decide(boolean accepted, String by, String reason, Instant now) {
        if (state != State.OPEN) {
            throw new Conflict("the request was decided already");
        }
        state = accepted ? State.ACCEPTED : State.REFUSED;
        decision = new Decision(by, reason, now);
    }

    /** The request as the student and the school see it. */
    public record View(
            long id,
            String field,
            String requestedValue,
            String explanation,
            String state,
            Instant createdAt,
            String decidedBy,
            Instant decidedAt,
            String decisionReason) {}

    View view() {
        return new View(
                id,
                field,
                requestedValue,
                explanation,
                state.name(),
                createdAt,
                decision == null ? null : decision.by(),
                decision == null ? null : decision.at(),
                decision == null ? null : decision.reason());
    }

    long getStudentId() {
        return studentId;
    }

    String getField() {
        return field;
    }

    String getRequestedValue() {
        return requestedValue;
    }
}
