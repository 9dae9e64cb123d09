package org.talentpipeline.platform;

/** An edit made from a version of a record that someone else has changed since: 412 (a form says so). */
public class StaleVersion extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StaleVersion(String what) {
        super(what + " was changed by someone else since you read it; read it again and redo your change");
    }
}
