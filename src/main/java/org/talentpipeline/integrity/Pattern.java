package org.talentpipeline.integrity;

/** What a detection found. */
public enum Pattern {
    /** A competitor submitted the dynamic flag that belongs to another team: proof, not a statistic. */
    FLAG_SHARING,
    /** Two competitors solved the same challenges within seconds of each other far more often than chance. */
    CO_SOLVING,
    /** Solves far faster than the competitor's own pace and the challenges' difficulty predict. */
    IMPOSSIBLE_SPEED,
    /** A team whose members' schools the event's team rule does not allow. */
    INELIGIBLE_TEAM
}
