package org.talentpipeline.competition;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One competitor's place in an event. Results are written in bulk by {@link ResultStore} (plain
 * JDBC, all of an event's results at once); this mapping serves the queries that read them.
 */
@Entity
@Table(name = "result")
@NamedQuery(
        name = "Result.findLinesByEvent",
        query = "select r.id, r.place, r.competitor, r.points, r.studentId from Result r where r.event = :event"
                + " order by r.place, r.points desc, r.id")
@NamedQuery(
        name = "Result.findIdsOfStudentAtEvent",
        query = "select r.id from Result r where r.event.code = :event and (r.studentId = :student or exists"
                + " (select m from TeamMember m where m.teamId = r.teamId and m.studentId = :student))")
@NamedQuery(name = "Result.countByEvent", query = "select count(r) from Result r where r.event = :event")
@NamedQuery(
        name = "Result.renameCompetitor",
        query = "update Result r set r.competitor = :competitor where r.studentId = :student")
public class Result {

    @Id
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "event_id")
    private Event event;

    private int place;
    private String competitor;
    private double points;

    @Column(name = "student_id")
    private Long studentId;

    @Column(name = "team_id")
    private Long teamId;

    @Column(name = "reached_at")
    private Instant reachedAt;

    protected Result() {}

    public Long getId() {
        return id;
    }

    public int getPlace() {
        return place;
    }

    public String getCompetitor() {
        return competitor;
    }

    public double getPoints() {
        return points;
    }
}
