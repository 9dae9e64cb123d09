package org.talentpipeline.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A judge's score of one entry on one criterion of the rubric. */
@Entity
@Table(name = "judge_score")
@IdClass(JudgeScore.Key.class)
@NamedQuery(name = "JudgeScore.countByEvent", query = "select count(j) from JudgeScore j where j.eventId = :event")
@NamedQuery(
        name = "JudgeScore.deleteEntry",
        query = "delete from JudgeScore j where j.eventId = :event and j.judge = :judge and j.studentId = :student")
@NamedQuery(
        name = "JudgeScore.findByJudge",
        query = "select j.studentId, c.name, j.score from JudgeScore j, RubricCriterion c"
                + " where c.id = j.criterionId and j.eventId = :event and j.judge = :judge")
@NamedQuery(
        name = "JudgeScore.findByEvent",
        query = "select j.judge, j.studentId, c.name, j.score from JudgeScore j, RubricCriterion c"
                + " where c.id = j.criterionId and j.eventId = :event order by j.judge")
@NamedQuery(
        name = "JudgeScore.findScoredPairs",
        query = "select distinct j.judge, j.studentId from JudgeScore j where j.eventId = :event")
@NamedQuery(
        name = "JudgeScore.findEventsOfStudent",
        query = "select distinct j.eventId from JudgeScore j where j.studentId = :student")
public class JudgeScore {

    @Id
    @Column(name = "event_id")
    private long eventId;

    @Id
    private String judge;

    @Id
    @Column(name = "student_id")
    private long studentId;

    @Id
    @Column(name = "criterion_id")
    private long criterionId;

    private double score;

    @Column(name = "scored_at")
    private Instant scoredAt;

    protected JudgeScore() {}

    JudgeScore(long eventId, String judge, long studentId, long criterionId, double score, Instant scoredAt) {
        this.eventId = eventId;
        this.judge = judge;
        this.studentId = studentId;
        this.criterionId = criterionId;
        this.score = score;
        this.scoredAt = scoredAt;
    }

    /** The primary key: eventId, judge, studentId, criterionId (a class with a no-argument constructor, as JPA builds it). */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private long eventId;
        private String judge;
        private long studentId;
        private long criterionId;

        public Key() {}

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && eventId == k.eventId
                    && judge.equals(k.judge)
                    && studentId == k.studentId
                    && criterionId == k.criterionId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(eventId, judge, studentId, criterionId);
        }
    }
}
