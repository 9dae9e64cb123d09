package org.talentpipeline.identity;

/** The outcome of a sign-in attempt; the caller is present only when it succeeded. */
public record SignInResult(Outcome outcome, Caller caller) {

    public enum Outcome {
        SIGNED_IN,
        WRONG_CREDENTIALS,
        LOCKED
    }

    public boolean succeeded() {
        return outcome == Outcome.SIGNED_IN;
    }
}
