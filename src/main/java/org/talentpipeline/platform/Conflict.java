package org.talentpipeline.platform;

/** A request that clashes with the state of a record (an illegal transition): 409. */
public class Conflict extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public Conflict(String message) {
        super(message);
    }
}
