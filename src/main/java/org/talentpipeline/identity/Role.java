package org.talentpipeline.identity;

/**
 * What a user may do. A SCHOOL_ADMIN belongs to one school, a RECRUITER to one agency, a STUDENT is
 * linked to exactly one student record (their own).
 */
public enum Role {
    ADMIN,
    SCHOOL_ADMIN,
    EVALUATOR,
    REVIEWER,
    RECRUITER,
    STUDENT;
}
