package org.talentpipeline.platform;

/** The caller's role may not do this at all: 403. (A record of another tenant is {@link NotFound} instead.) */
public class Forbidden extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public Forbidden(String message) {
        super(message);
    }
}
