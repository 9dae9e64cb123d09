package org.talentpipeline.identity;

/**
 * Something happened to an account or a sign-in, fired inside the transaction that did it; the
 * audit area observes it and writes the entry in that transaction (identity uses no other area).
 *
 * @param actor who did it; null for the signed-in caller ("system" outside a request)
 * @param remoteAddr the address a sign-in came from, or null
 */
public record AccountEvent(
        String actor, Kind kind, String subject, String schoolCode, String detail, String remoteAddr) {

    /** What happened; each has the audit entry's action of the same name. */
    public enum Kind {
        SIGN_IN,
        SIGN_IN_FAILED,
        SIGN_IN_THROTTLED,
        THROTTLE_CLEARED,
        PASSWORD_CHANGED,
        ACCOUNT_DISABLED,
        ACCOUNT_ENABLED,
        SIGN_OUT,
        TOKEN_ISSUED,
        CREATE,
        UPDATE
    }

    /** Done by the signed-in caller. */
    public static AccountEvent byCaller(Kind kind, String subject, String schoolCode, String detail) {
        return new AccountEvent(null, kind, subject, schoolCode, detail, null);
    }
}
