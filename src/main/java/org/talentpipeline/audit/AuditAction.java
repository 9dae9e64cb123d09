package org.talentpipeline.audit;

/** What an audit entry records. */
public enum AuditAction {
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_IN_REFUSED_LOCKED,
    LOCKED_OUT,
    SIGN_OUT,
    TOKEN_ISSUED,
    CREATE,
    UPDATE,
    DELETE,
    IMPORT,
    CONSENT,
    VIEW,
    EXPORT
}
