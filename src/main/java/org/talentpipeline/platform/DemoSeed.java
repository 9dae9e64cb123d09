package org.talentpipeline.platform;

/**
 * One area's part of the demo data. Areas implement it; {@link DemoData} runs them in order when
 * demo mode is on and the database is empty, so the platform never depends on an area.
 */
public interface DemoSeed {

    /** Runs before seeds with a higher order: schools before students before users of a school. */
    int order();

    void seed();
}
