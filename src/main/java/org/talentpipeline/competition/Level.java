package org.talentpipeline.competition;

/** How far an event reaches; it sets the default weight of its results. */
public enum Level {
    SCHOOL(0.5),
    REGIONAL(0.75),
    NATIONAL(1.0),
    INTERNATIONAL(1.25);

    private final double defaultWeight;

    Level(double defaultWeight) {
        this.defaultWeight = defaultWeight;
    }

    public double defaultWeight() {
        return defaultWeight;
    }
}
