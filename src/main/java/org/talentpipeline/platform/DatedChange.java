package org.talentpipeline.platform;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * What every recorded move of a workflow carries (a placement's stage, a certification case's
 * state): when, by whom, and an optional note. The areas' entities add the state reached and the
 * record it belongs to.
 */
@MappedSuperclass
public abstract class DatedChange {

    @Column(name = "changed_at")
    private Instant changedAt;

    private String actor;
    private String note;

    protected DatedChange() {}

    protected DatedChange(Instant changedAt, String actor, String note) {
        this.changedAt = changedAt;
        this.actor = actor;
        this.note = note == null || note.isBlank() ? null : note.strip();
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
