package org.talentpipeline.taxonomy;

/** A NICE work role ({@code PD-WRL-003}, "Defensive Cybersecurity"); its category is the id's prefix. */
public record WorkRole(String id, String title, String description, String category) {

    public String label() {
        return id + " " + title;
    }
}
