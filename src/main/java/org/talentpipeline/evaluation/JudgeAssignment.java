package org.talentpipeline.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** An entry (a student) of a judged event given to a judge (an EVALUATOR's user name) to score. */
@Entity
@Table(name = "judge_assignment")
@IdClass(JudgeAssignment.Key.class)
@NamedQuery(
        name = "JudgeAssignment.findStudentsByJudge",
        query = "select a.studentId from JudgeAssignment a where a.eventId = :event and a.judge = :judge")
@NamedQuery(
        name = "JudgeAssignment.findJudgesByEntry",
        query = "select a.judge from JudgeAssignment a where a.eventId = :event and a.studentId = :student")
@NamedQuery(
        name = "JudgeAssignment.countByJudge",
        query = "select a.judge, count(a) from JudgeAssignment a where a.eventId = :event group by a.judge"
                + " order by a.judge")
@NamedQuery(
        name = "JudgeAssignment.countScoredByJudge",
        query = "select a.judge, count(a) from JudgeAssignment a where a.eventId = :event and exists"
                + " (select j from JudgeScore j where j.eventId = a.eventId and j.judge = a.judge"
                + " and j.studentId = a.studentId) group by a.judge")
@NamedQuery(
        name = "JudgeAssignment.countByEvent",
        query = "select count(distinct a.studentId), count(a), count(distinct a.judge) from JudgeAssignment a"
                + " where a.eventId = :event")
public class JudgeAssignment {

    @Id
    @Column(name = "event_id")
    private long eventId;

    @Id
    private String judge;

    @Id
    @Column(name = "student_id")
    private long studentId;

    protected JudgeAssignment() {}

    JudgeAssignment(long eventId, String judge, long studentId) {
        this.eventId = eventId;
        this.judge = judge;
        this.studentId = studentId;
    }

    /** The primary key: eventId, judge, studentId (a class with a no-argument constructor, as JPA builds it). */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private long eventId;
        private String judge;
        private long studentId;

        public Key() {}

        Key(long eventId, String judge, long studentId) {
            this.eventId = eventId;
            this.judge = judge;
            this.studentId = studentId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && eventId == k.eventId && judge.equals(k.judge) && studentId == k.studentId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(eventId, judge, studentId);
        }
    }
}
