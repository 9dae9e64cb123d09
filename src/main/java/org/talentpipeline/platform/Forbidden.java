package org.talentpipeline.platform;

import jakarta.ejb.ApplicationException;

/** The caller's role may not do this at all: 403. (A record of another tenant is {@link NotFound} instead.) */
// a session bean (ScoringJobs) throws it as itself, not wrapped, and rolls its transaction back
@ApplicationException(rollback = true)
public class Forbidden extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public Forbidden(String message) {
        super(message);
    }
}
