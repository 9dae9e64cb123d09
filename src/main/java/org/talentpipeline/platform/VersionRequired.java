package org.talentpipeline.platform;

/** An edit sent without the version it started from ({@code If-Match}): 428. */
public class VersionRequired extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public VersionRequired() {
        super("send If-Match with the ETag of the record you read (GET it first)");
    }
}
