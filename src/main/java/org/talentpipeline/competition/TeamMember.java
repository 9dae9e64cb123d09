package org.talentpipeline.competition;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * A student in a team of an event (at most one team per event), with their own points where the
 * results named them (V35).
 */
@Entity
@Table(name = "team_member")
@IdClass(TeamMember.Key.class)
@NamedQuery(
        name = "TeamMember.findByEvent",
        query = "select m.teamId, m.studentId from TeamMember m where m.eventId = :event")
public class TeamMember {

    @Id
    @Column(name = "team_id")
    private long teamId;

    @Id
    @Column(name = "student_id")
    private long studentId;

    @Column(name = "event_id")
    private long eventId;

    private Double points;

    protected TeamMember() {}

    TeamMember(long teamId, long eventId, long studentId) {
        this.teamId = teamId;
        this.eventId = eventId;
        this.studentId = studentId;
    }

    /** The primary key: team, student (a class with a no-argument constructor, as JPA builds it). */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private long teamId;
        private long studentId;

        public Key() {}

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && teamId == k.teamId && studentId == k.studentId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(teamId, studentId);
        }
    }
}
