package org.talentpipeline.competition;

/** How an event is played. JUDGED events are ranked by judges' rubric scores. */
public enum Format {
    JEOPARDY,
    ATTACK_DEFENSE,
    KING_OF_THE_HILL,
    JUDGED
}
