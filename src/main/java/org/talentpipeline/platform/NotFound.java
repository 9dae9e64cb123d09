package org.talentpipeline.platform;

/** A record that does not exist, or that the caller may not know exists: 404 either way. */
public class NotFound extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFound(String what) {
        super(what + " not found");
    }
}
