package org.talentpipeline.student;

/** Where a student stands with their school. */
public enum StudentStatus {
    ENROLLED,
    GRADUATED,
    WITHDRAWN,
    /** Anonymised on request or by the retention policy: a tombstone, found by no one. */
    ERASED
}
