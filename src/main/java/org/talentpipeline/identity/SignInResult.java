package org.talentpipeline.identity;

/**
 * The outcome of a sign-in attempt. The caller, and the user's credential generation that a page
 * session keeps, are present only when it succeeded; {@code retryAfterSeconds} only when it was
 * throttled or the server was busy.
 */
public record SignInResult(Outcome outcome, Caller caller, int generation, long retryAfterSeconds) {

    public enum Outcome {
        SIGNED_IN,
        /** A wrong password, an unknown user name or a disabled user: one answer for all three. */
        WRONG_CREDENTIALS,
        /** Too many failures for this user name or from this address; the password was not checked. */
        THROTTLED,
        /** Too many passwords being checked at once; the password was not checked. */
        BUSY
    }

    static SignInResult of(Outcome outcome, long retryAfterSeconds) {
        return new SignInResult(outcome, null, 0, retryAfterSeconds);
    }

    public boolean succeeded() {
        return outcome == Outcome.SIGNED_IN;
    }
}
