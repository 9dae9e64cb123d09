package org.talentpipeline.student;

/** Where a student stands with their school. */
public enum StudentStatus {
    ENROLLED,
    GRADUATED,
    WITHDRAWN
}
