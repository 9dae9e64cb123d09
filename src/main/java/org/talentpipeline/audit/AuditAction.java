package org.talentpipeline.audit;

/** What an audit entry records. */
public enum AuditAction {
    SIGN_IN,
    SIGN_IN_FAILED,
    /** From before V12, when five failures locked an account: kept for the entries in the log. */
    SIGN_IN_REFUSED_LOCKED,
    /** From before V12, see {@link #SIGN_IN_REFUSED_LOCKED}. */
    LOCKED_OUT,
    SIGN_IN_THROTTLED,
    THROTTLE_CLEARED,
    PASSWORD_CHANGED,
    ACCOUNT_DISABLED,
    ACCOUNT_ENABLED,
    SIGN_OUT,
    TOKEN_ISSUED,
    CREATE,
    UPDATE,
    DELETE,
    IMPORT,
    CONSENT,
    VIEW,
    EXPORT,
    /** A student invited to make their own account. */
    INVITE,
    /** A student's account made from an invitation. */
    ACTIVATE,
    /** A student's record anonymised (on request, or by the retention policy). */
    ERASE
}
