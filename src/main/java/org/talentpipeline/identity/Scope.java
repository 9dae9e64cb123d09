package org.talentpipeline.identity;

/**
 * How far a role's grant of an operation reaches: the tenancy rule. A record is described as a
 * {@link Tenant}; a grant whose scope needs a fact the tenant does not carry allows nothing.
 */
public enum Scope {
    /** Every record. */
    ALL,
    /** Records of the caller's own school. */
    OWN_SCHOOL,
    /** Records of the caller's own agency. */
    OWN_AGENCY,
    /** Records the caller is assigned to (a reviewer's case, a judge's entries). */
    ASSIGNED,
    /**
     * Students who share with the caller's agency: the student's consent names it (or all the agencies
     * their school approves) and their school approves it. The service describing the record works
     * that out for the caller; a caller of no agency (an ADMIN) sees every student who consents.
     */
    CONSENTING,
    /** Records the caller owns (their saved searches, their own account). */
    OWN;

    boolean allows(Caller caller, Tenant tenant) {
        return switch (this) {
            case ALL -> true;
            case OWN_SCHOOL -> tenant.school() != null && tenant.school().equals(caller.schoolCode());
            case OWN_AGENCY -> tenant.agency() != null && tenant.agency().equals(caller.agencyCode());
            case ASSIGNED -> tenant.assignees() != null && tenant.assignees().contains(caller.username());
            case CONSENTING -> Boolean.TRUE.equals(tenant.consenting());
            case OWN -> tenant.owner() != null && tenant.owner().equals(caller.username());
        };
    }
}
