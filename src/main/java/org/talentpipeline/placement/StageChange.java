package org.talentpipeline.placement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One move of a placement: the stage reached, when, by whom, and why. */
@Entity
@Table(name = "stage_change")
public class StageChange {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "stage_change_seq")
    @SequenceGenerator(name = "stage_change_seq", sequenceName = "stage_change_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "placement_id")
    private Placement placement;

    @Enumerated(EnumType.STRING)
    private Stage stage;

    @Column(name = "changed_at")
    private Instant changedAt;

    private String actor;
    private String note;

    protected StageChange() {
    }

    StageChange(Placement placement, Stage stage, Instant changedAt, String actor, String note) {
        this.placement = placement;
        this.stage = stage;
        this.changedAt = changedAt;
        this.actor = actor;
        this.note = note == null || note.isBlank() ? null : note.strip();
    }

    public Stage getStage() {
        return stage;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getActor() {
        return actor;
    }

    public String getNote() {
        return note;
    }
}
