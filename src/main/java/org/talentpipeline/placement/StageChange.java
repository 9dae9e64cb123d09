package org.talentpipeline.placement;

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
import org.talentpipeline.platform.DatedChange;

/** One move of a placement: the stage reached, when, by whom, and why. */
@Entity
@Table(name = "stage_change")
public class StageChange extends DatedChange {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "stage_change_seq")
    @SequenceGenerator(name = "stage_change_seq", sequenceName = "stage_change_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "placement_id")
    private Placement placement;

    @Enumerated(EnumType.STRING)
    private Stage stage;

    protected StageChange() {}

    StageChange(Placement placement, Stage stage, Instant changedAt, String actor, String note) {
        super(changedAt, actor, note);
        this.placement = placement;
        this.stage = stage;
    }

    public Stage getStage() {
        return stage;
    }
}
