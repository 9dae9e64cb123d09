package org.talentpipeline.competition;

/**
 * How well the judges of a judged event agree, as the evaluation area measures it (Krippendorff's
 * alpha). A seam, so that the event page can show it while competition depends on no area above it.
 */
public interface JudgesAgreement {

    /** The agreement, or null while fewer than two judges have scored an entry. */
    Double of(String eventCode);
}
