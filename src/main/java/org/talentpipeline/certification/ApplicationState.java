package org.talentpipeline.certification;

/**
 * Where an application stands. A school drafts and submits it; reviewers take it up once two are
 * assigned; the admin certifies or rejects it. A certification ends EXPIRED when its period runs
 * out, RENEWED when a newer application is certified, or REVOKED by the admin.
 */
public enum ApplicationState {
    DRAFT,
    SUBMITTED,
    UNDER_REVIEW,
    CERTIFIED,
    REJECTED,
    EXPIRED,
    RENEWED,
    REVOKED;

    public boolean mayMoveTo(ApplicationState next) {
        if (next == null) {
            return false;
        }
        return switch (this) {
            case DRAFT -> next == SUBMITTED;
            case SUBMITTED -> next == UNDER_REVIEW;
            case UNDER_REVIEW -> next == CERTIFIED || next == REJECTED;
            case CERTIFIED -> next == EXPIRED || next == RENEWED || next == REVOKED;
            case REJECTED, EXPIRED, RENEWED, REVOKED -> false;
        };
    }

    /** The school may still change its evidence and submit it. */
    public boolean mayEdit() {
        return this == DRAFT;
    }

    /** Reviewers may be assigned (or replaced): submitted, or already under review. */
    public boolean mayAssign() {
        return this == SUBMITTED || this == UNDER_REVIEW;
    }

    /** The assigned reviewers may score it (or declare a conflict of interest). */
    public boolean mayReview() {
        return this == UNDER_REVIEW;
    }

    /** The admin may certify or reject it. */
    public boolean mayDecide() {
        return this == UNDER_REVIEW;
    }

    /** A certification in force, which the admin may revoke. */
    public boolean mayRevoke() {
        return this == CERTIFIED;
    }

    /** Still being prepared or decided: a school has at most one such application. */
    public boolean isOpen() {
        return this == DRAFT || this == SUBMITTED || this == UNDER_REVIEW;
    }

    /** Decided, so it has a decision letter. */
    public boolean isDecided() {
        return !isOpen();
    }
}
