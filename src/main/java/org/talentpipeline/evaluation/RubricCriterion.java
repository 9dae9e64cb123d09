package org.talentpipeline.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One criterion of a judged event's rubric, in its place among the others. */
@Entity
@Table(name = "rubric_criterion")
@NamedQuery(
        name = "RubricCriterion.findByEvent",
        query = "select c from RubricCriterion c where c.eventId = :event order by c.position")
@NamedQuery(name = "RubricCriterion.deleteByEvent", query = "delete from RubricCriterion c where c.eventId = :event")
public class RubricCriterion {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "rubric_criterion_seq")
    @SequenceGenerator(name = "rubric_criterion_seq", sequenceName = "rubric_criterion_seq", allocationSize = 50)
    private Long id;

    @Column(name = "event_id")
    private long eventId;

    private int position;
    private String name;
    private double weight;

    @Column(name = "max_score")
    private double maxScore;

    protected RubricCriterion() {}

    RubricCriterion(long eventId, int position, Rubric.Criterion criterion) {
        this.eventId = eventId;
        this.position = position;
        this.name = criterion.name().trim();
        this.weight = criterion.weight();
        this.maxScore = criterion.max();
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    Rubric.Criterion criterion() {
        return new Rubric.Criterion(name, weight, maxScore);
    }
}
