package org.talentpipeline.placement;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.talentpipeline.platform.Conflict;

/** A candidate for a position, moved through the stages; every move dated with its actor and note. */
@Entity
@Table(name = "placement")
@NamedQuery(
        name = "Placement.findByPosition",
        query = "select p from Placement p where p.position.id = :position order by p.id")
@NamedQuery(
        name = "Placement.countByPositionAndStudent",
        query = "select count(p) from Placement p where p.position.id = :position and p.studentId = :student")
public class Placement {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "placement_seq")
    @SequenceGenerator(name = "placement_seq", sequenceName = "placement_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "position_id")
    private JobPosition position;

    @Column(name = "student_id")
    private Long studentId;

    @Enumerated(EnumType.STRING)
    private Stage stage;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @OneToMany(mappedBy = "placement", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("changedAt, id")
    private List<StageChange> history = new ArrayList<>();

    @Version
    private int version;

    protected Placement() {}

    /** Shortlists a candidate: the first stage, recorded like every later move. */
    public Placement(JobPosition position, long studentId, String actor, String note, Instant now) {
        if (!position.isOpen()) {
            throw new Conflict("position " + position.getId() + " is closed");
        }
        this.position = position;
        this.studentId = studentId;
        this.createdAt = now;
        this.stage = Stage.SHORTLISTED;
        this.updatedAt = now;
        history.add(new StageChange(this, Stage.SHORTLISTED, now, actor, note));
    }

    /** Moves to the next stage, or ends an open one; anything else is refused (409). */
    public void moveTo(Stage next, String actor, String note, Instant now) {
        if (!stage.mayMoveTo(next)) {
            throw new Conflict("a placement cannot move from " + stage + " to " + next);
        }
        stage = next;
        updatedAt = now;
        history.add(new StageChange(this, next, now, actor, note));
    }

    public Long getId() {
        return id;
    }

    /** The version an edit must start from (optimistic concurrency). */
    public int getVersion() {
        return version;
    }

    public JobPosition getPosition() {
        return position;
    }

    public Long getStudentId() {
        return studentId;
    }

    public Stage getStage() {
        return stage;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<StageChange> getHistory() {
        return history;
    }
}
