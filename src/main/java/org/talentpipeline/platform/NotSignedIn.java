package org.talentpipeline.platform;

/** An operation that needs a signed-in caller was called without one: 401. */
public class NotSignedIn extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotSignedIn() {
        super("sign in first");
    }
}
