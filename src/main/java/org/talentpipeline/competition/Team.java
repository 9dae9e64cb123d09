package org.talentpipeline.competition;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A team of an event, registered before its results or defined by the members a results file
 * lists. Registered here (JPA); the results store writes those a file defines in bulk
 * ({@link ResultStore}), from the same sequence.
 */
@Entity
@Table(name = "team")
@NamedQuery(name = "Team.findByEvent", query = "select t from Team t where t.eventId = :event order by t.name")
public class Team {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "team_seq")
    @SequenceGenerator(name = "team_seq", sequenceName = "team_seq", allocationSize = 50)
    private Long id;

    @Column(name = "event_id")
    private long eventId;

    private String name;

    protected Team() {}

    Team(long eventId, String name) {
        this.eventId = eventId;
        this.name = name;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }
}
