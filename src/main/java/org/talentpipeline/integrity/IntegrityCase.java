package org.talentpipeline.integrity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.talentpipeline.platform.Conflict;

/**
 * A case an integrity check opened at an event, for an evaluator: the pattern, who it concerns, the
 * statistic and p-value, the evidence (JSON), and, once decided, the outcome with who decided, when
 * and why. A case is decided once: CLEARED, EXCLUDED (the named students' results leave the
 * ratings) or DISQUALIFIED (the whole entries of the named students leave the ratings).
 */
@Entity
@Table(name = "integrity_case")
@NamedQuery(
        name = "IntegrityCase.findByEvent",
        query = "select c from IntegrityCase c where c.eventCode = :event order by c.state desc, c.pValue, c.id")
@NamedQuery(
        name = "IntegrityCase.findByStudent",
        query = "select distinct c from IntegrityCase c join c.students s"
                + " where s.studentId = :student and c.state <> :open order by c.id desc")
@NamedQuery(
        name = "IntegrityCase.findDecidedBySchool",
        query = "select distinct c from IntegrityCase c join c.students s"
                + " where s.schoolCode = :school and c.state <> :open order by c.id desc")
@NamedQuery(
        name = "IntegrityCase.findDecided",
        query = "select c from IntegrityCase c where c.state <> :open order by c.id desc")
public class IntegrityCase {

    /** Where a case stands. */
    public enum State {
        OPEN,
        CLEARED,
        EXCLUDED,
        DISQUALIFIED
    }

    /** A student a case concerns: named by the evidence, or a team-mate of one. */
    @Embeddable
    public static class Concerned {

        @Column(name = "student_id")
        private long studentId;

        private String ref;

        @Column(name = "school_code")
        private String schoolCode;

        /** NAMED or TEAM. */
        private String role;

        protected Concerned() {}

        Concerned(long studentId, String ref, String schoolCode, boolean named) {
            this.studentId = studentId;
            this.ref = ref;
            this.schoolCode = schoolCode;
            this.role = named ? "NAMED" : "TEAM";
        }

        long studentId() {
            return studentId;
        }

        String ref() {
            return ref;
        }

        String schoolCode() {
            return schoolCode;
        }

        boolean named() {
            return "NAMED".equals(role);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "integrity_case_seq")
    @SequenceGenerator(name = "integrity_case_seq", sequenceName = "integrity_case_seq", allocationSize = 50)
    private Long id;

    @Column(name = "event_code")
    private String eventCode;

    @Enumerated(EnumType.STRING)
    private Pattern pattern;

    /** A JSON array of refs or team names. */
    private String competitors;

    private double statistic;

    @Column(name = "p_value")
    private Double pValue;

    /** A JSON object. */
    private String evidence;

    @Enumerated(EnumType.STRING)
    private State state = State.OPEN;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_reason")
    private String reason;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "integrity_case_student", joinColumns = @JoinColumn(name = "case_id"))
    private List<Concerned> students = new ArrayList<>();

    @Version
    private int version;

    protected IntegrityCase() {}

    IntegrityCase(
            String eventCode,
            Pattern pattern,
            String competitors,
            double statistic,
            Double pValue,
            String evidence,
            List<Concerned> students,
            Instant now) {
        this.eventCode = eventCode;
        this.pattern = pattern;
        this.competitors = competitors;
        this.statistic = statistic;
        this.pValue = pValue;
        this.evidence = evidence;
        this.students = new ArrayList<>(students);
        this.createdAt = now;
    }

    /**
     * Decides the case, once. An outcome that leaves results out of the ratings needs someone to leave
     * out: a case about a team nobody of which is a student here can only be cleared.
     */
    void decide(State outcome, String by, String reason, Instant now) {
        if (state != State.OPEN) {
            throw new Conflict("case " + id + " was decided already (" + state + ")");
        }
        if (outcome == State.OPEN) {
            throw new IllegalArgumentException("a decision closes the case");
        }
        this.state = outcome;
        this.decidedBy = by;
        this.reason = reason;
        this.decidedAt = now;
    }

    /** The students whose results the outcome leaves out of the ratings. */
    List<Long> excludedStudents() {
        return switch (state) {
            case EXCLUDED ->
                students.stream()
                        .filter(Concerned::named)
                        .map(Concerned::studentId)
                        .distinct()
                        .toList();
            case DISQUALIFIED ->
                students.stream().map(Concerned::studentId).distinct().toList();
            default -> List.of();
        };
    }

    Long getId() {
        return id;
    }

    String getEventCode() {
        return eventCode;
    }

    Pattern getPattern() {
        return pattern;
    }

    String getCompetitors() {
        return competitors;
    }

    double getStatistic() {
        return statistic;
    }

    Double getPValue() {
        return pValue;
    }

    String getEvidence() {
        return evidence;
    }

    State getState() {
        return state;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    String getDecidedBy() {
        return decidedBy;
    }

    Instant getDecidedAt() {
        return decidedAt;
    }

    String getReason() {
        return reason;
    }

    List<Concerned> getStudents() {
        return List.copyOf(students);
    }
}
