package org.talentpipeline.platform;

import jakarta.ejb.ApplicationException;

/** An operation that needs a signed-in caller was called without one: 401. */
// a session bean (ScoringJobs) throws it as itself, not wrapped, and rolls its transaction back
@ApplicationException(rollback = true)
public class NotSignedIn extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotSignedIn() {
        super("sign in first");
    }
}
