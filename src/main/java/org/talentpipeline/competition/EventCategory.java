package org.talentpipeline.competition;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A skill category of an event ("web"), mapped onto a NICE work role where one fits. */
@Embeddable
public class EventCategory {

    private String name;

    @Column(name = "work_role")
    private String workRole;

    protected EventCategory() {}

    public EventCategory(String name, String workRole) {
        this.name = name;
        this.workRole = workRole;
    }

    public String getName() {
        return name;
    }

    public String getWorkRole() {
        return workRole;
    }
}
