package org.talentpipeline.certification;

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

/** One move of an application: the state reached, when, by whom, and why. */
@Entity
@Table(name = "certification_transition")
public class Transition extends DatedChange {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "certification_transition_seq")
    @SequenceGenerator(
            name = "certification_transition_seq",
            sequenceName = "certification_transition_seq",
            allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "application_id")
    private Application application;

    @Enumerated(EnumType.STRING)
    private ApplicationState state;

    protected Transition() {}

    Transition(Application application, ApplicationState state, Instant changedAt, String actor, String note) {
        super(changedAt, actor, note);
        this.application = application;
        this.state = state;
    }

    public ApplicationState getState() {
        return state;
    }
}
