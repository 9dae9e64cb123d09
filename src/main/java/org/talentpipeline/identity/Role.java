package org.talentpipeline.identity;

/** What a user may do. A SCHOOL_ADMIN belongs to one school, a RECRUITER to one agency. */
public enum Role {
    ADMIN,
    SCHOOL_ADMIN,
    EVALUATOR,
    REVIEWER,
    RECRUITER;

    /** The role names as constants, for {@code @RolesAllowed}. */
    public static final class Names {
        public static final String ADMIN = "ADMIN";
        public static final String SCHOOL_ADMIN = "SCHOOL_ADMIN";
        public static final String EVALUATOR = "EVALUATOR";
        public static final String REVIEWER = "REVIEWER";
        public static final String RECRUITER = "RECRUITER";

        private Names() {
        }
    }
}
