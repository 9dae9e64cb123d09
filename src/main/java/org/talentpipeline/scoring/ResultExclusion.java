package org.talentpipeline.scoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A student's result at an event left out of their rating, with why, by whom and when (V23). */
@Entity
@Table(name = "result_exclusion")
@IdClass(ResultExclusion.Key.class)
public class ResultExclusion {

    @Id
    @Column(name = "result_id")
    private long resultId;

    @Id
    @Column(name = "student_id")
    private long studentId;

    private String reason;

    @Column(name = "appeal_id")
    private Long appealId;

    @Column(name = "excluded_by")
    private String excludedBy;

    @Column(name = "excluded_at")
    private Instant excludedAt;

    protected ResultExclusion() {}

    ResultExclusion(
            long resultId, long studentId, String reason, Long appealId, String excludedBy, Instant excludedAt) {
        this.resultId = resultId;
        this.studentId = studentId;
        this.reason = reason;
        this.appealId = appealId;
        this.excludedBy = excludedBy;
        this.excludedAt = excludedAt;
    }

    /** The primary key: result, student (a class with a no-argument constructor, as JPA builds it). */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private long resultId;
        private long studentId;

        public Key() {}

        Key(long resultId, long studentId) {
            this.resultId = resultId;
            this.studentId = studentId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && resultId == k.resultId && studentId == k.studentId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(resultId, studentId);
        }
    }
}
