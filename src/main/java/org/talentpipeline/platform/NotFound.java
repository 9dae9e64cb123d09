package org.talentpipeline.platform;

import jakarta.ejb.ApplicationException;

/** A record that does not exist, or that the caller may not know exists: 404 either way. */
// a session bean (ScoringJobs) throws it as itself, not wrapped, and rolls its transaction back
@ApplicationException(rollback = true)
public class NotFound extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFound(String what) {
        super(what + " not found");
    }
}
